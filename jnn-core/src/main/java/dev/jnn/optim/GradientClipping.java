package dev.jnn.optim;

import dev.jnn.nn.Parameter;
import dev.jnn.tensor.Kernels;
import dev.jnn.tensor.Tensor;

import java.util.List;

/**
 * Gradient clipping applied before an optimizer's step, as Keras's optimizer arguments: {@code clipnorm} rescales
 * each parameter's gradient to an L2 norm of at most the threshold, {@code global_clipnorm} rescales all of them
 * together (PyTorch's {@code clip_grad_norm_}), {@code clipvalue} clamps every element to ±threshold.
 *
 * @param mode      how to clip
 * @param threshold the norm or value bound, &gt; 0
 */
public record GradientClipping(Mode mode, double threshold) {
    /** The three clipping rules. */
    public enum Mode { NORM, GLOBAL_NORM, VALUE }

    public GradientClipping {
        if (mode == null || !(threshold > 0) || Double.isInfinite(threshold)) {
            throw new IllegalArgumentException("gradient clipping needs a mode and a finite threshold > 0, got "
                    + mode + " and " + threshold);
        }
    }

    public static GradientClipping byNorm(double maxNorm) {
        return new GradientClipping(Mode.NORM, maxNorm);
    }

    public static GradientClipping byGlobalNorm(double maxNorm) {
        return new GradientClipping(Mode.GLOBAL_NORM, maxNorm);
    }

    public static GradientClipping byValue(double maxValue) {
        return new GradientClipping(Mode.VALUE, maxValue);
    }

    /** Clips the gradients of {@code parameters} in place. */
    public void apply(List<Parameter> parameters) {
        switch (mode) {
            case NORM -> {
                for (Parameter p : parameters) {
                    rescale(p.grad(), Math.sqrt(Kernels.sumOfSquares(p.grad())));
                }
            }
            case GLOBAL_NORM -> {
                double sum = 0;
                for (Parameter p : parameters) {
                    sum += Kernels.sumOfSquares(p.grad());
                }
                double norm = Math.sqrt(sum);
                for (Parameter p : parameters) {
                    rescale(p.grad(), norm);
                }
            }
            case VALUE -> {
                for (Parameter p : parameters) {
                    Tensor g = p.grad();
                    for (int i = 0; i < g.size(); i++) {
                        double v = g.getFlat(i);
                        g.setFlat(i, Math.max(-threshold, Math.min(threshold, v)));
                    }
                }
            }
        }
    }

    private void rescale(Tensor g, double norm) {
        if (norm > threshold) {
            Kernels.scale(g, threshold / norm);
        }
    }
}
