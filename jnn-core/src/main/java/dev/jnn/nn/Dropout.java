package dev.jnn.nn;

import dev.jnn.tensor.DType;
import dev.jnn.tensor.Kernels;
import dev.jnn.tensor.Rng;
import dev.jnn.tensor.Tensor;

import java.util.Map;

/**
 * Inverted dropout: in training each value is zeroed with probability {@code rate} and the survivors are scaled by
 * {@code 1 / (1 - rate)}, so inference passes data through unchanged. Masks are drawn from the model's random
 * stream on the calling thread, so a seed fixes them whatever the thread count.
 */
public final class Dropout implements Layer {
    private final double rate;
    private int[] shape;
    private Rng rng;
    private boolean[] kept = new boolean[0];
    private Tensor outBuffer;
    private boolean masked;

    /** Dropout of the given rate in [0, 1). */
    public Dropout(double rate) {
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException("Dropout: rate must be in [0, 1), got " + rate);
        }
        this.rate = rate;
    }

    public double rate() {
        return rate;
    }

    @Override
    public String type() {
        return "Dropout";
    }

    @Override
    public int[] build(int[] inputShape, DType dtype, Rng rng) {
        this.shape = inputShape.clone();
        this.rng = rng;
        outBuffer = null;
        return outputShape();
    }

    @Override
    public int[] outputShape() {
        return shape.clone();
    }

    @Override
    public Tensor forward(Tensor x, boolean training) {
        int cols = Layer.size(shape);
        Shapes.checkInput("Dropout", x, cols);
        masked = training && rate > 0;
        if (!masked) {
            return x;
        }
        int n = x.size();
        if (kept.length < n) {
            kept = new boolean[n];
        }
        long threshold = (long) Math.ceil(rate * 4294967296.0); // one 32-bit draw per value: P(drop) = rate ± 2⁻³²
        for (int i = 0; i < n; i++) {
            kept[i] = rng.nextUInt32() >= threshold;
        }
        outBuffer = Shapes.ensure(outBuffer, x.dtype(), x.rows(), cols);
        Tensor out = outBuffer.rows(0, x.rows());
        multiply(x, out);
        return out;
    }

    @Override
    public Tensor backward(Tensor gradOutput, boolean needInputGrad) {
        if (!needInputGrad) {
            return null;
        }
        if (masked) {
            multiply(gradOutput, gradOutput);
        }
        return gradOutput;
    }

    private void multiply(Tensor in, Tensor out) {
        Kernels.keep(in, kept, 1 / (1 - rate), out);
    }

    @Override
    public Map<String, Object> config() {
        return Map.of("rate", rate);
    }
}
