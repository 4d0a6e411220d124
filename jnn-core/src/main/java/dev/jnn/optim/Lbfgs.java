package dev.jnn.optim;

/**
 * L-BFGS-B (Byrd, Lu, Nocedal &amp; Zhu 1995; Zhu, Byrd, Lu &amp; Nocedal 1997; Morales &amp; Nocedal 2011) for an
 * unbounded problem, step for step as scipy's {@code minimize(method="L-BFGS-B", jac=True)} takes it, which is
 * what scikit-learn's {@code lbfgs} solver calls. With no bounds the generalized Cauchy point is needed only while
 * B = I (a unit step down the gradient); otherwise the subspace minimisation over all variables gives the
 * quasi-Newton point through the {@link CompactLbfgs compact matrices}, and the {@link MoreThuente Moré–Thuente}
 * search moves towards it, starting from {@code 1/‖d‖} at iteration 0 and from the full step afterwards.
 *
 * <p>After each iteration scipy tests, in this order: the iteration limit, the evaluation limit (checked only
 * between iterations, so a search may overrun it), the largest gradient component {@code <= gtol}, and the
 * relative reduction of f {@code <= ftol}. A line search that fails, or a matrix that stops being positive
 * definite, drops the pairs and restarts from steepest descent; a failure there ends the run. An evaluation at
 * the point evaluated last is answered from memory and not counted, as scipy's cache does.
 *
 * @param memory        number of curvature pairs kept (scipy's maxcor, 10)
 * @param maxIter       iteration limit
 * @param maxFun        limit on function evaluations
 * @param gtol          tolerance on the largest absolute gradient component
 * @param ftol          tolerance on the relative reduction of f between iterations
 * @param maxLineSearch evaluations allowed per line search (scipy's maxls, 20)
 */
public record Lbfgs(int memory, int maxIter, int maxFun, double gtol, double ftol, int maxLineSearch) {
    /** Converged: the largest gradient component is within gtol. */
    public static final String CONVERGED_GRADIENT = "CONVERGENCE: NORM_OF_PROJECTED_GRADIENT_<=_PGTOL";
    /** Converged: f stopped decreasing by more than ftol relative. */
    public static final String CONVERGED_REDUCTION = "CONVERGENCE: REL_REDUCTION_OF_F_<=_FACTR*EPSMCH";
    /** Stopped at the iteration limit. */
    public static final String STOP_ITERATIONS = "STOP: TOTAL NO. of ITERATIONS REACHED LIMIT";
    /** Stopped at the evaluation limit. */
    public static final String STOP_EVALUATIONS = "STOP: TOTAL NO. of f AND g EVALUATIONS EXCEEDS LIMIT";
    /** The line search found no acceptable step, even along the steepest descent. */
    public static final String ABNORMAL_LINE_SEARCH = "ABNORMAL_TERMINATION_IN_LNSRCH";

    private static final double EPS = Math.ulp(1.0);
    private static final double MAX_STEP = 1e10;

    public Lbfgs {
        if (memory < 1 || maxIter < 1 || maxFun < 1 || !(gtol >= 0) || !(ftol >= 0) || maxLineSearch < 1) {
            throw new IllegalArgumentException("Lbfgs: memory, maxIter, maxFun, maxLineSearch must be >= 1 and "
                    + "gtol, ftol >= 0");
        }
    }

    /** scipy's defaults (m = 10, ftol = 2.22e-9, 20 line-search steps) with the given limits and gradient tolerance. */
    public static Lbfgs scipyDefaults(int maxIter, int maxFun, double gtol) {
        return new Lbfgs(10, maxIter, maxFun, gtol, 2.220446049250313e-09, 20);
    }

    /**
     * The outcome of a minimisation.
     *
     * @param x           the final point
     * @param f           f at x
     * @param iterations  completed iterations
     * @param evaluations function evaluations
     * @param status      0 converged, 1 a limit was reached, 2 the line search failed (scipy's codes)
     * @param message     scipy's message for the status
     */
    public record Result(double[] x, double f, int iterations, int evaluations, int status, String message) {
    }

    /** Called after each iteration with the iteration count and f at the new point. */
    @FunctionalInterface
    public interface IterationListener {
        void iteration(int iteration, double f);
    }

    /** Minimises {@code fn} from {@code x0} (not modified). */
    public Result minimize(DifferentiableFunction fn, double[] x0) {
        return minimize(fn, x0, (k, f) -> { });
    }

    /** Minimises {@code fn} from {@code x0} (not modified), reporting each iteration to {@code listener}. */
    public Result minimize(DifferentiableFunction fn, double[] x0, IterationListener listener) {
        int n = x0.length;
        Evaluations evals = new Evaluations(fn, x0.clone());
        double[] x = x0.clone();
        double[] g = new double[n];
        double f = evals.at(x, g);
        if (maxAbs(g) <= gtol) {
            return new Result(x, f, 0, evals.count, 0, CONVERGED_GRADIENT);
        }
        double tol = ftol / EPS * EPS;   // scipy passes factr = ftol / eps; the test multiplies it back
        CompactLbfgs b = new CompactLbfgs(memory, n);
        double[] z = new double[n];
        double[] d = new double[n];
        double[] xOld = new double[n];
        double[] gOld = new double[n];
        int iterations = 0;
        boolean updated = false;
        while (true) {
            if (b.pairs() == 0) {
                // The generalized Cauchy point with B = I and no bounds: a unit step down the gradient.
                for (int i = 0; i < n; i++) {
                    z[i] = x[i] + -g[i];
                }
            } else {
                for (int i = 0; i < n; i++) {
                    gOld[i] = -g[i];
                }
                if (updated && !b.factorK() || !b.newtonPoint(gOld, x, z)) {
                    b.reset();
                    updated = false;
                    continue;
                }
            }
            for (int i = 0; i < n; i++) {
                d[i] = z[i] - x[i];
            }
            double dtd = CompactLbfgs.dot(d, d);
            double stp = iterations == 0 ? Math.min(1 / Math.sqrt(dtd), MAX_STEP) : 1;
            System.arraycopy(x, 0, xOld, 0, n);
            System.arraycopy(g, 0, gOld, 0, n);
            double fOld = f;
            double gd = CompactLbfgs.dot(g, d);
            double gdOld = gd;
            boolean found = false;
            if (gd < 0) {
                MoreThuente search = new MoreThuente(1e-3, 0.9, 0.1, 0, MAX_STEP, stp);
                for (int trials = 0; ; trials++) {
                    MoreThuente.Outcome outcome = search.next(f, gd);
                    stp = search.step();
                    if (outcome != MoreThuente.Outcome.EVALUATE) {
                        found = true;
                        break;
                    }
                    if (trials >= maxLineSearch) {
                        break;
                    }
                    if (stp == 1) {
                        System.arraycopy(z, 0, x, 0, n);
                    } else {
                        for (int i = 0; i < n; i++) {
                            x[i] = stp * d[i] + xOld[i];
                        }
                    }
                    f = evals.at(x, g);
                    gd = CompactLbfgs.dot(g, d);
                }
            }
            if (!found) {
                System.arraycopy(xOld, 0, x, 0, n);
                System.arraycopy(gOld, 0, g, 0, n);
                f = fOld;
                if (b.pairs() == 0) {
                    int status = evals.count > maxFun ? 1 : 2;
                    return new Result(x, f, iterations, evals.count, status, ABNORMAL_LINE_SEARCH);
                }
                b.reset();   // the quasi-Newton direction failed: start again from steepest descent
                updated = false;
                continue;
            }
            iterations++;
            listener.iteration(iterations, f);
            if (iterations >= maxIter) {
                return new Result(x, f, iterations, evals.count, 1, STOP_ITERATIONS);
            }
            if (evals.count > maxFun) {
                return new Result(x, f, iterations, evals.count, 1, STOP_EVALUATIONS);
            }
            if (maxAbs(g) <= gtol) {
                return new Result(x, f, iterations, evals.count, 0, CONVERGED_GRADIENT);
            }
            if (fOld - f <= tol * Math.max(Math.max(Math.abs(fOld), Math.abs(f)), 1)) {
                return new Result(x, f, iterations, evals.count, 0, CONVERGED_REDUCTION);
            }
            double[] y = gOld;   // y = g - gOld, in place
            for (int i = 0; i < n; i++) {
                y[i] = g[i] - y[i];
            }
            double yy = CompactLbfgs.dot(y, y);
            double sy;
            double bound;
            if (stp == 1) {
                sy = gd - gdOld;
                bound = -gdOld;
            } else {
                sy = (gd - gdOld) * stp;
                for (int i = 0; i < n; i++) {
                    d[i] = stp * d[i];
                }
                bound = -gdOld * stp;
            }
            if (sy <= EPS * bound) {
                updated = false;   // too little curvature along s: keep the old pairs
                continue;
            }
            updated = b.update(d, y, yy, sy, stp, dtd);
            if (!updated) {
                b.reset();
            }
        }
    }

    /** f and its gradient at a point, recomputed only when the point differs from the last one evaluated. */
    private static final class Evaluations {
        private final DifferentiableFunction fn;
        private final double[] last;
        private double[] lastGradient;
        private double lastValue;
        int count;

        Evaluations(DifferentiableFunction fn, double[] start) {
            this.fn = fn;
            this.last = start;
        }

        double at(double[] x, double[] g) {
            if (count == 0 || !sameValues(x, last)) {
                lastGradient = lastGradient == null ? new double[x.length] : lastGradient;
                lastValue = fn.valueAndGradient(x.clone(), lastGradient);
                System.arraycopy(x, 0, last, 0, x.length);
                count++;
            }
            System.arraycopy(lastGradient, 0, g, 0, g.length);
            return lastValue;
        }

        private static boolean sameValues(double[] a, double[] b) {
            for (int i = 0; i < a.length; i++) {
                if (a[i] != b[i]) {
                    return false;
                }
            }
            return true;
        }
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double e : v) {
            m = Math.max(m, Math.abs(e));
        }
        return m;
    }
}
