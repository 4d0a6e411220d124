package dev.jnn.optim;

/**
 * A line search along a descent direction that stops at a step satisfying the strong Wolfe conditions
 * {@code f(x+αd) ≤ f + c₁α∇f·d} and {@code |∇f(x+αd)·d| ≤ c₂|∇f·d|}: bracketing by doubling, then zooming with
 * safeguarded cubic interpolation (Nocedal and Wright, algorithms 3.5 and 3.6).
 */
final class StrongWolfe {
    private final double c1;
    private final double c2;
    private final int maxEvaluations;

    /** The accepted step, with the point, value and gradient there; or a failure. */
    record Step(boolean ok, double alpha, double[] x, double f, double[] g, int evaluations) {
    }

    StrongWolfe(double c1, double c2, int maxEvaluations) {
        this.c1 = c1;
        this.c2 = c2;
        this.maxEvaluations = maxEvaluations;
    }

    Step search(DifferentiableFunction fn, double[] x0, double f0, double[] g0, double[] d, double alpha1) {
        Probe p = new Probe(fn, x0, d);
        double dphi0 = Lbfgs.dot(g0, d);
        double aPrev = 0;
        double fPrev = f0;
        double dPrev = dphi0;
        double alpha = alpha1;
        while (p.evaluations < maxEvaluations) {
            double f = p.at(alpha);
            double dphi = Lbfgs.dot(p.g, d);
            if (!Double.isFinite(f)) {
                alpha = aPrev + (alpha - aPrev) / 4;   // stepped into overflow: come back towards the last good point
                continue;
            }
            if (f > f0 + c1 * alpha * dphi0 || (p.evaluations > 1 && f >= fPrev)) {
                return zoom(p, f0, dphi0, aPrev, fPrev, dPrev, alpha, f, dphi);
            }
            if (Math.abs(dphi) <= -c2 * dphi0) {
                return p.accept(alpha, f);
            }
            if (dphi >= 0) {
                return zoom(p, f0, dphi0, alpha, f, dphi, aPrev, fPrev, dPrev);
            }
            aPrev = alpha;
            fPrev = f;
            dPrev = dphi;
            alpha *= 2;
        }
        return p.fail();
    }

    private Step zoom(Probe p, double f0, double dphi0, double lo, double fLo, double dLo,
                      double hi, double fHi, double dHi) {
        while (p.evaluations < maxEvaluations) {
            double width = Math.abs(hi - lo);
            if (width <= 1e-16 * Math.max(1, Math.abs(lo))) {
                break;
            }
            double alpha = cubicMinimizer(lo, fLo, dLo, hi, fHi, dHi);
            double a = Math.min(lo, hi);
            double b = Math.max(lo, hi);
            if (!(alpha > a + 0.1 * width && alpha < b - 0.1 * width)) {
                alpha = (lo + hi) / 2;
            }
            double f = p.at(alpha);
            double dphi = Lbfgs.dot(p.g, p.d);
            if (!Double.isFinite(f) || f > f0 + c1 * alpha * dphi0 || f >= fLo) {
                hi = alpha;
                fHi = Double.isFinite(f) ? f : Double.MAX_VALUE;
                dHi = Double.isFinite(dphi) ? dphi : 0;
            } else {
                if (Math.abs(dphi) <= -c2 * dphi0) {
                    return p.accept(alpha, f);
                }
                if (dphi * (hi - lo) >= 0) {
                    hi = lo;
                    fHi = fLo;
                    dHi = dLo;
                }
                lo = alpha;
                fLo = f;
                dLo = dphi;
            }
        }
        return p.fail();
    }

    /** The minimiser of the cubic through (a, fa, da) and (b, fb, db), or NaN when it does not exist. */
    static double cubicMinimizer(double a, double fa, double da, double b, double fb, double db) {
        double d1 = da + db - 3 * (fa - fb) / (a - b);
        double disc = d1 * d1 - da * db;
        if (!(disc >= 0)) {
            return Double.NaN;
        }
        double d2 = Math.copySign(Math.sqrt(disc), b - a);
        return b - (b - a) * (db + d2 - d1) / (db - da + 2 * d2);
    }

    /** Evaluates the function along the ray and keeps the last point and gradient. */
    private static final class Probe {
        final DifferentiableFunction fn;
        final double[] x0;
        final double[] d;
        final double[] x;
        final double[] g;
        int evaluations;

        Probe(DifferentiableFunction fn, double[] x0, double[] d) {
            this.fn = fn;
            this.x0 = x0;
            this.d = d;
            this.x = new double[x0.length];
            this.g = new double[x0.length];
        }

        double at(double alpha) {
            for (int i = 0; i < x.length; i++) {
                x[i] = x0[i] + alpha * d[i];
            }
            evaluations++;
            return fn.valueAndGradient(x, g);
        }

        Step accept(double alpha, double f) {
            return new Step(true, alpha, x, f, g, evaluations);
        }

        Step fail() {
            return new Step(false, 0, null, Double.NaN, null, evaluations);
        }
    }
}
