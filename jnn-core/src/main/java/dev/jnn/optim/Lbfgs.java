package dev.jnn.optim;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * Limited-memory BFGS for unconstrained minimisation of a {@link DifferentiableFunction}: the two-loop recursion
 * over the last {@code m} curvature pairs and a strong-Wolfe line search. Its stopping tests and messages are
 * those of scipy's L-BFGS-B, which scikit-learn's {@code lbfgs} solver calls: the iteration limit, the evaluation
 * limit, the largest gradient component {@code <= gtol}, and the relative reduction of f {@code <= ftol}.
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
        double[] x = x0.clone();
        double[] g = new double[n];
        double f = fn.valueAndGradient(x, g);
        int evaluations = 1;
        if (maxAbs(g) <= gtol) {
            return new Result(x, f, 0, evaluations, 0, CONVERGED_GRADIENT);
        }
        Deque<double[][]> pairs = new ArrayDeque<>();   // {s, y, {rho}}, newest last
        StrongWolfe search = new StrongWolfe(1e-3, 0.9, maxLineSearch);
        double[] d = new double[n];
        int iterations = 0;
        while (true) {
            direction(g, pairs, d);
            if (dot(g, d) >= 0) {           // not a descent direction: forget the curvature history
                pairs.clear();
                direction(g, pairs, d);
            }
            double alpha0 = pairs.isEmpty() ? Math.min(1 / Math.sqrt(dot(d, d)), 1e10) : 1.0;
            StrongWolfe.Step step = search.search(fn, x, f, g, d, alpha0);
            evaluations += step.evaluations();
            if (!step.ok()) {
                if (!pairs.isEmpty()) {
                    pairs.clear();
                    continue;
                }
                return new Result(x, f, iterations, evaluations, 2, ABNORMAL_LINE_SEARCH);
            }
            double[] s = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                s[i] = step.x()[i] - x[i];
                y[i] = step.g()[i] - g[i];
            }
            double fOld = f;
            System.arraycopy(step.x(), 0, x, 0, n);
            System.arraycopy(step.g(), 0, g, 0, n);
            f = step.f();
            iterations++;
            listener.iteration(iterations, f);
            double sy = dot(s, y);
            if (sy > Math.ulp(1.0) * dot(y, y)) {
                if (pairs.size() == memory) {
                    pairs.removeFirst();
                }
                pairs.addLast(new double[][] {s, y, {1 / sy}});
            }
            if (iterations >= maxIter) {
                return new Result(x, f, iterations, evaluations, 1, STOP_ITERATIONS);
            }
            if (evaluations > maxFun) {
                return new Result(x, f, iterations, evaluations, 1, STOP_EVALUATIONS);
            }
            if (maxAbs(g) <= gtol) {
                return new Result(x, f, iterations, evaluations, 0, CONVERGED_GRADIENT);
            }
            if (fOld - f <= ftol * Math.max(Math.max(Math.abs(fOld), Math.abs(f)), 1)) {
                return new Result(x, f, iterations, evaluations, 0, CONVERGED_REDUCTION);
            }
        }
    }

    /** {@code d = -H g} by the two-loop recursion, with the initial scaling {@code sᵀy / yᵀy} of the newest pair. */
    private static void direction(double[] g, Deque<double[][]> pairs, double[] d) {
        int k = pairs.size();
        double[] a = new double[k];
        for (int i = 0; i < g.length; i++) {
            d[i] = -g[i];
        }
        int j = k;
        for (Iterator<double[][]> it = pairs.descendingIterator(); it.hasNext(); ) {
            double[][] p = it.next();
            a[--j] = p[2][0] * dot(p[0], d);
            axpy(-a[j], p[1], d);
        }
        if (k > 0) {
            double[][] newest = pairs.peekLast();
            double gamma = 1 / (newest[2][0] * dot(newest[1], newest[1]));
            for (int i = 0; i < d.length; i++) {
                d[i] *= gamma;
            }
        }
        j = 0;
        for (double[][] p : pairs) {
            double b = p[2][0] * dot(p[1], d);
            axpy(a[j++] - b, p[0], d);
        }
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static void axpy(double alpha, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += alpha * x[i];
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
