package dev.jnn.nn;

import dev.jnn.tensor.Buffers;
import dev.jnn.tensor.DType;
import dev.jnn.tensor.Kernels;
import dev.jnn.tensor.Parallel;
import dev.jnn.tensor.Rng;
import dev.jnn.tensor.Tensor;

import java.util.Map;

/**
 * Inverted dropout: in training each value is zeroed with probability {@code rate} and the survivors are scaled by
 * {@code 1 / (1 - rate)}, so inference passes data through unchanged. Each forward pass takes one 64-bit key from
 * the model's random stream; value i's draw is SplitMix64's output number i + 1 from that key, a function of the key
 * and i alone, so the masks are drawn on the kernel threads and a seed fixes them whatever the thread count.
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
        SampleShapes.checkInput("Dropout", x, cols);
        masked = training && rate > 0;
        if (!masked) {
            return x;
        }
        int n = x.size();
        if (kept.length < n) {
            kept = new boolean[n];
        }
        long threshold = (long) Math.ceil(rate * 4294967296.0); // one 32-bit draw per value: P(drop) = rate ± 2⁻³²
        long key = rng.nextUInt32() << 32 | rng.nextUInt32();
        boolean[] mask = kept;
        int pieces = Math.min(Parallel.tasksFor(n / MASK_PIECE), Parallel.threads());
        Parallel.forEach(pieces, p -> {
            int to = (int) ((long) n * (p + 1) / pieces);
            for (int i = (int) ((long) n * p / pieces); i < to; i++) {
                mask[i] = splitMix64(key + (i + 1L) * GOLDEN_GAMMA) >>> 32 >= threshold;
            }
        });
        outBuffer = Buffers.ensure(outBuffer, x.dtype(), x.rows(), cols);
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

    /** SplitMix64's increment (2⁶⁴/φ, odd) and its output function (Steele, Lea and Flood, 2014). */
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
    /** Values at least this many per piece of a mask drawn on several threads. */
    private static final int MASK_PIECE = 1 << 12;

    static long splitMix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private void multiply(Tensor in, Tensor out) {
        Kernels.keep(in, kept, 1 / (1 - rate), out);
    }

    @Override
    public Map<String, Object> config() {
        return Map.of("rate", rate);
    }
}
