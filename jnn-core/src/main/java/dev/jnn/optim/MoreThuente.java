package dev.jnn.optim;

/**
 * The Moré–Thuente line search (ACM TOMS 20, 1994), in the form L-BFGS-B calls it: a reverse-communication search
 * along one direction for a step satisfying the strong Wolfe conditions {@code φ(α) <= φ(0) + ftol·α·φ'(0)} and
 * {@code |φ'(α)| <= gtol·|φ'(0)|}. The caller evaluates φ and φ' at {@link #step()} and hands them to
 * {@link #next}, until it answers {@link Outcome#CONVERGED} or a warning.
 *
 * <p>Each step safeguards a cubic or quadratic interpolant of the two best points (the paper's four cases); while
 * no minimiser is bracketed the trial step extrapolates within {@code [1.1, 4]} times the last move, and once one
 * is, the interval must shrink by a third every two trials or the next step bisects it. Until a step with
 * sufficient decrease and a non-negative slope appears (stage 1), the search works on the auxiliary function
 * {@code ψ(α) = φ(α) − φ(0) − ftol·α·φ'(0)}.
 */
final class MoreThuente {
    /** What the search asks for next. */
    enum Outcome {
        /** Evaluate φ and φ' at {@link #step()}. */
        EVALUATE,
        /** The step satisfies both Wolfe conditions. */
        CONVERGED,
        /** Rounding errors prevent further progress; {@link #step()} is the best step found. */
        WARNING_ROUNDING,
        /** The bracketing interval is within the relative tolerance xtol. */
        WARNING_XTOL,
        /** The step reached its upper bound with sufficient decrease. */
        WARNING_STPMAX,
        /** The step reached its lower bound without sufficient decrease. */
        WARNING_STPMIN
    }

    private static final double XTRAPL = 1.1;
    private static final double XTRAPU = 4.0;

    private final double ftol;
    private final double gtol;
    private final double xtol;
    private final double stpmin;
    private final double stpmax;

    private double stp;
    private boolean started;
    private boolean brackt;
    private int stage;
    private double finit;
    private double ginit;
    private double gtest;
    private double width;
    private double width1;
    private double stx;
    private double fx;
    private double gx;
    private double sty;
    private double fy;
    private double gy;
    private double stmin;
    private double stmax;

    /** A search from step {@code stp} within {@code [stpmin, stpmax]}, which must contain it. */
    MoreThuente(double ftol, double gtol, double xtol, double stpmin, double stpmax, double stp) {
        if (!(stp >= stpmin && stp <= stpmax)) {
            throw new IllegalArgumentException("line search: the first step " + stp + " lies outside ["
                    + stpmin + ", " + stpmax + "]");
        }
        this.ftol = ftol;
        this.gtol = gtol;
        this.xtol = xtol;
        this.stpmin = stpmin;
        this.stpmax = stpmax;
        this.stp = stp;
    }

    /** The step to evaluate next, or the accepted step once the search has ended. */
    double step() {
        return stp;
    }

    /**
     * Takes φ and φ' at the current step (at step 0 on the first call, where φ' must be negative) and decides.
     */
    Outcome next(double f, double g) {
        if (!started) {
            if (!(g < 0)) {
                throw new IllegalArgumentException("line search: the initial slope " + g + " is not negative");
            }
            started = true;
            brackt = false;
            stage = 1;
            finit = f;
            ginit = g;
            gtest = ftol * ginit;
            width = stpmax - stpmin;
            width1 = width / 0.5;
            stx = 0;
            fx = finit;
            gx = ginit;
            sty = 0;
            fy = finit;
            gy = ginit;
            stmin = 0;
            stmax = stp + XTRAPU * stp;
            return Outcome.EVALUATE;
        }
        double ftest = finit + stp * gtest;
        if (stage == 1 && f <= ftest && g >= 0) {
            stage = 2;
        }
        Outcome outcome = Outcome.EVALUATE;   // later tests take precedence, as in the paper's driver
        if (brackt && (stp <= stmin || stp >= stmax)) {
            outcome = Outcome.WARNING_ROUNDING;
        }
        if (brackt && stmax - stmin <= xtol * stmax) {
            outcome = Outcome.WARNING_XTOL;
        }
        if (stp == stpmax && f <= ftest && g <= gtest) {
            outcome = Outcome.WARNING_STPMAX;
        }
        if (stp == stpmin && (f > ftest || g >= gtest)) {
            outcome = Outcome.WARNING_STPMIN;
        }
        if (f <= ftest && Math.abs(g) <= gtol * (-ginit)) {
            outcome = Outcome.CONVERGED;
        }
        if (outcome != Outcome.EVALUATE) {
            return outcome;
        }
        if (stage == 1 && f <= fx && f > ftest) {
            // Stage 1 with a lower but insufficient value: interpolate psi rather than phi.
            fx = fx - stx * gtest;
            fy = fy - sty * gtest;
            gx = gx - gtest;
            gy = gy - gtest;
            stepInterval(f - stp * gtest, g - gtest);
            fx = fx + stx * gtest;
            fy = fy + sty * gtest;
            gx = gx + gtest;
            gy = gy + gtest;
        } else {
            stepInterval(f, g);
        }
        if (brackt) {
            if (Math.abs(sty - stx) >= 0.66 * width1) {
                stp = stx + 0.5 * (sty - stx);
            }
            width1 = width;
            width = Math.abs(sty - stx);
        }
        if (brackt) {
            stmin = Math.min(stx, sty);
            stmax = Math.max(stx, sty);
        } else {
            stmin = stp + XTRAPL * (stp - stx);
            stmax = stp + XTRAPU * (stp - stx);
        }
        stp = Math.max(stp, stpmin);
        stp = Math.min(stp, stpmax);
        if (brackt && (stp <= stmin || stp >= stmax) || brackt && stmax - stmin <= xtol * stmax) {
            stp = stx;   // no further progress is possible: fall back on the best step so far
        }
        return Outcome.EVALUATE;
    }

    /**
     * One safeguarded step (the paper's update algorithm): from the best point (stx, fx, gx), the other end
     * (sty, fy, gy) and the trial (stp, fp, dp), picks the next trial and updates the interval.
     */
    private void stepInterval(double fp, double dp) {
        double dx = gx;
        double dy = gy;
        double sgnd = dp * (dx / Math.abs(dx));
        double stpf;
        if (fp > fx) {
            // Case 1: a higher value brackets a minimiser; take the cubic step if it is closer to stx, else the
            // average of the cubic and quadratic steps.
            double theta = 3 * (fx - fp) / (stp - stx) + dx + dp;
            double gamma = gamma(theta, dx, dp, false);
            if (stp < stx) {
                gamma = -gamma;
            }
            double p = (gamma - dx) + theta;
            double q = ((gamma - dx) + gamma) + dp;
            double r = p / q;
            double stpc = stx + r * (stp - stx);
            double stpq = stx + ((dx / ((fx - fp) / (stp - stx) + dx)) / 2) * (stp - stx);
            stpf = Math.abs(stpc - stx) < Math.abs(stpq - stx) ? stpc : stpc + (stpq - stpc) / 2;
            brackt = true;
        } else if (sgnd < 0) {
            // Case 2: a lower value with slopes of opposite sign brackets a minimiser; take the step farther
            // from stp of the cubic and the secant steps.
            double stpc = cubicFromTrial(stx, fx, dx, fp, dp);
            double stpq = stp + (dp / (dp - dx)) * (stx - stp);
            stpf = Math.abs(stpc - stp) > Math.abs(stpq - stp) ? stpc : stpq;
            brackt = true;
        } else if (Math.abs(dp) < Math.abs(dx)) {
            // Case 3: a lower value, slopes of one sign, shrinking in magnitude. The cubic step counts only
            // where the cubic tends to infinity in the step's direction or its minimum lies beyond stp.
            double theta = 3 * (fx - fp) / (stp - stx) + dx + dp;
            double gamma = gamma(theta, dx, dp, true);
            if (stp > stx) {
                gamma = -gamma;
            }
            double p = (gamma - dp) + theta;
            double q = (gamma + (dx - dp)) + gamma;
            double r = p / q;
            double stpc;
            if (r < 0 && gamma != 0) {
                stpc = stp + r * (stx - stp);
            } else if (stp > stx) {
                stpc = stmax;
            } else {
                stpc = stmin;
            }
            double stpq = stp + (dp / (dp - dx)) * (stx - stp);
            if (brackt) {
                stpf = Math.abs(stpc - stp) < Math.abs(stpq - stp) ? stpc : stpq;
                stpf = stp > stx ? Math.min(stp + 0.66 * (sty - stp), stpf) : Math.max(stp + 0.66 * (sty - stp), stpf);
            } else {
                stpf = Math.abs(stpc - stp) > Math.abs(stpq - stp) ? stpc : stpq;
                stpf = Math.min(stmax, stpf);
                stpf = Math.max(stmin, stpf);
            }
        } else {
            // Case 4: a lower value, slopes of one sign, not shrinking: the cubic through stp and sty once
            // bracketed, otherwise the far end of the allowed interval.
            if (brackt) {
                stpf = cubicFromTrial(sty, fy, dy, fp, dp);
            } else {
                stpf = stp > stx ? stmax : stmin;
            }
        }
        if (fp > fx) {
            sty = stp;
            fy = fp;
            gy = dp;
        } else {
            if (sgnd < 0) {
                sty = stx;
                fy = fx;
                gy = gx;
            }
            stx = stp;
            fx = fp;
            gx = dp;
        }
        stp = stpf;
    }

    /** The minimiser of the cubic through the trial (stp, fp, dp) and (other, fo, dother), stepped from stp. */
    private double cubicFromTrial(double other, double fo, double dother, double fp, double dp) {
        double theta = 3 * (fo - fp) / (stp - other) + dother + dp;
        double gamma = gamma(theta, dother, dp, false);
        if (stp > other) {
            gamma = -gamma;
        }
        double p = (gamma - dp) + theta;
        double q = ((gamma - dp) + gamma) + dother;
        return stp + p / q * (other - stp);
    }

    /**
     * The square root in the minimiser of the cubic through two points with slopes {@code da}, {@code db}, where
     * {@code theta} combines their values; scaled by the largest magnitude against overflow. {@code clamp} takes
     * a negative radicand as 0 (the cubic then has no minimiser in the step's direction).
     */
    private static double gamma(double theta, double da, double db, boolean clamp) {
        double s = Math.max(Math.max(Math.abs(theta), Math.abs(da)), Math.abs(db));
        double radicand = (theta / s) * (theta / s) - (da / s) * (db / s);
        return s * Math.sqrt(clamp ? Math.max(0, radicand) : radicand);
    }
}
