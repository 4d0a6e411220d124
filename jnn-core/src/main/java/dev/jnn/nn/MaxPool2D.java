package dev.jnn.nn;

import dev.jnn.kernels.MaxPool2x2;

import dev.jnn.kernels.MaxPool2x2;
import dev.jnn.kernels.MaxPoolKeys;
import dev.jnn.tensor.DType;
import dev.jnn.tensor.Tensor;
import dev.jnn.tensor.VectorSupport;

/**
 * Max pooling over (height, width, channels) samples, valid padding. The backward pass routes each output's
 * gradient to the first maximum of its window (the position remembered by the forward pass); NaN wins a window.
 */
public final class MaxPool2D extends Pooling {
    private int[] argmax = new int[0];
    /** 2×2 windows with stride 2 and the Vector API: {@link MaxPool2x2}, channels across vector lanes. */
    private final boolean pairs;

    /** A {@code size}×{@code size} window with the same stride. */
    public MaxPool2D(int size) {
        this(size, size, size, size);
    }

    /** A {@code py}×{@code px} window with strides {@code sy}, {@code sx}. */
    public MaxPool2D(int py, int px, int sy, int sx) {
        super("MaxPool2D", py, px, sy, sx);
        pairs = py == 2 && px == 2 && sy == 2 && sx == 2 && VectorSupport.available();
    }

    /** Whether this pools 2×2 windows with stride 2 over samples of shape (height, width, channels). */
    public boolean halves(int height, int width, int channels) {
        return py == 2 && px == 2 && sy == 2 && sx == 2 && this.height == height && this.width == width
                && this.channels == channels;
    }

    @Override
    public String type() {
        return "MaxPool2D";
    }

    @Override
    void prepare(int rows) {
        if (argmax.length < rows * outCols()) {
            argmax = new int[rows * outCols()];
        }
    }

    @Override
    void forwardSample(Tensor x, Tensor out, int n) {
        int xo = x.offset() + n * inCols();
        int oo = out.offset() + n * outCols();
        int ao = n * outCols();
        int rowLen = width * channels;
        int o = 0;
        if (x.dtype() == DType.FLOAT32 && pairs) {
            MaxPool2x2.forward(x.floatData(), xo, out.floatData(), oo, argmax, ao, width, channels, outHeight,
                    outWidth);
            return;
        }
        if (x.dtype() == DType.FLOAT32) {
            float[] xf = x.floatData();
            float[] of = out.floatData();
            for (int oy = 0; oy < outHeight; oy++) {
                for (int ox = 0; ox < outWidth; ox++) {
                    int base = oy * sy * rowLen + ox * sx * channels;
                    for (int c = 0; c < channels; c++, o++) {
                        long k = Long.MIN_VALUE;
                        for (int ky = 0; ky < py; ky++) {
                            int row = base + ky * rowLen + c;
                            for (int kx = 0; kx < px; kx++) {
                                int i = row + kx * channels;
                                k = Math.max(k, MaxPoolKeys.key(xf[xo + i], i));
                            }
                        }
                        int best = MaxPoolKeys.position(k);
                        argmax[ao + o] = best;
                        of[oo + o] = xf[xo + best];
                    }
                }
            }
            return;
        }
        double[] xd = x.doubleData();
        double[] od = out.doubleData();
        for (int oy = 0; oy < outHeight; oy++) {
            for (int ox = 0; ox < outWidth; ox++) {
                int base = oy * sy * rowLen + ox * sx * channels;
                for (int c = 0; c < channels; c++, o++) {
                    int best = base + c;
                    double m = xd[xo + best];
                    for (int ky = 0; ky < py; ky++) {
                        int row = base + ky * rowLen + c;
                        for (int kx = 0; kx < px; kx++) {
                            int i = row + kx * channels;
                            double v = xd[xo + i];
                            if (v > m || v != v && m == m) {
                                m = v;
                                best = i;
                            }
                        }
                    }
                    argmax[ao + o] = best;
                    od[oo + o] = m;
                }
            }
        }
    }

    @Override
    void wholeGradientSample(Tensor g, Tensor dx, int n) {
        if (g.dtype() == DType.FLOAT32 && pairs && MaxPool2x2.tiles(height, width, channels)) {
            MaxPool2x2.backward(g.floatData(), g.offset() + n * outCols(), dx.floatData(),
                    dx.offset() + n * inCols(), argmax, n * outCols(), width, channels, outHeight, outWidth);
        } else {
            super.wholeGradientSample(g, dx, n);
        }
    }

    @Override
    void backwardSample(Tensor g, Tensor dx, int n) {
        int go = g.offset() + n * outCols();
        int xo = dx.offset() + n * inCols();
        int ao = n * outCols();
        int count = outCols();
        if (g.dtype() == DType.FLOAT32) {
            float[] gf = g.floatData();
            float[] df = dx.floatData();
            for (int o = 0; o < count; o++) {
                df[xo + argmax[ao + o]] += gf[go + o];
            }
        } else {
            double[] gd = g.doubleData();
            double[] dd = dx.doubleData();
            for (int o = 0; o < count; o++) {
                dd[xo + argmax[ao + o]] += gd[go + o];
            }
        }
    }
}
