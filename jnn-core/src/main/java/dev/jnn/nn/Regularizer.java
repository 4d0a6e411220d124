package dev.jnn.nn;

import dev.jnn.tensor.DType;
import dev.jnn.tensor.Kernels;
import dev.jnn.tensor.Tensor;

/**
 * A kernel penalty {@code l1·Σ|w| + l2·Σw²}, as Keras's {@code L1L2} (note: no ½ on the L2 term, so its gradient
 * is {@code 2·l2·w}).
 *
 * @param l1 the L1 factor, ≥ 0
 * @param l2 the L2 factor, ≥ 0
 */
public record Regularizer(double l1, double l2) {
    public Regularizer {
        if (!(l1 >= 0) || !(l2 >= 0) || Double.isInfinite(l1) || Double.isInfinite(l2)) {
            throw new IllegalArgumentException("regularizer factors must be finite and >= 0, got l1=" + l1 + ", l2=" + l2);
        }
    }

    /** An L2 penalty {@code factor·Σw²}. */
    public static Regularizer l2(double factor) {
        return new Regularizer(0, factor);
    }

    /** An L1 penalty {@code factor·Σ|w|}. */
    public static Regularizer l1(double factor) {
        return new Regularizer(factor, 0);
    }

    /**
     * {@code scale} times the penalty of {@code p}'s value; with {@code addGradient}, also adds that scaled penalty's
     * gradient to {@code p}'s gradient. The L2 part runs on the vector kernels (scikit-learn's L2 takes this path
     * every batch); the L1 part, a plain loop, only when {@code l1 > 0}.
     */
    public double apply(Parameter p, double scale, boolean addGradient) {
        Tensor w = p.value();
        Tensor g = p.grad();
        double penalty = l2 == 0 ? 0 : l2 * Kernels.sumOfSquares(w);
        if (addGradient && l2 != 0) {
            Kernels.axpy(scale * (2 * l2), w, g);
        }
        if (l1 != 0) {
            penalty += l1 * l1Part(w, g, scale * l1, addGradient);
        }
        return scale * penalty;
    }

    /** {@code Σ|w|}; with {@code addGradient}, adds {@code a·sign(w)} to {@code g}. */
    private static double l1Part(Tensor w, Tensor g, double a, boolean addGradient) {
        int n = w.size();
        double sumAbs = 0;
        if (w.dtype() == DType.FLOAT64) {
            double[] wd = w.doubleData();
            double[] gd = g.doubleData();
            for (int i = 0; i < n; i++) {
                double v = wd[w.offset() + i];
                sumAbs += Math.abs(v);
                if (addGradient) {
                    gd[g.offset() + i] += a * Math.signum(v);
                }
            }
        } else {
            float[] wf = w.floatData();
            float[] gf = g.floatData();
            float af = (float) a;
            for (int i = 0; i < n; i++) {
                float v = wf[w.offset() + i];
                sumAbs += Math.abs(v);
                if (addGradient) {
                    gf[g.offset() + i] += af * Math.signum(v);
                }
            }
        }
        return sumAbs;
    }
}
