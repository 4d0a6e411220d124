package dev.jnn.nn;

import dev.jnn.tensor.DType;
import dev.jnn.tensor.Tensor;

/** Average pooling over (height, width, channels) samples, valid padding; the gradient spreads evenly. */
public final class AveragePooling2D extends Pooling {
    /** A {@code size}×{@code size} window with the same stride. */
    public AveragePooling2D(int size) {
        this(size, size, size, size);
    }

    /** A {@code py}×{@code px} window with strides {@code sy}, {@code sx}. */
    public AveragePooling2D(int py, int px, int sy, int sx) {
        super("AveragePooling2D", py, px, sy, sx);
    }

    @Override
    public String type() {
        return "AveragePooling2D";
    }

    @Override
    void forwardSample(Tensor x, Tensor out, int n) {
        int xo = x.offset() + n * inCols();
        int oo = out.offset() + n * outCols();
        boolean f32 = x.dtype() == DType.FLOAT32;
        int rowLen = width * channels;
        double scale = 1.0 / (py * px);
        int o = 0;
        for (int oy = 0; oy < outHeight; oy++) {
            for (int ox = 0; ox < outWidth; ox++) {
                int base = oy * sy * rowLen + ox * sx * channels;
                for (int c = 0; c < channels; c++, o++) {
                    double sum = 0;
                    for (int ky = 0; ky < py; ky++) {
                        for (int kx = 0; kx < px; kx++) {
                            int i = xo + base + ky * rowLen + kx * channels + c;
                            sum += f32 ? x.floatData()[i] : x.doubleData()[i];
                        }
                    }
                    if (f32) {
                        out.floatData()[oo + o] = (float) (sum * scale);
                    } else {
                        out.doubleData()[oo + o] = sum * scale;
                    }
                }
            }
        }
    }

    @Override
    void backwardSample(Tensor g, Tensor dx, int n) {
        int go = g.offset() + n * outCols();
        int xo = dx.offset() + n * inCols();
        boolean f32 = g.dtype() == DType.FLOAT32;
        int rowLen = width * channels;
        double scale = 1.0 / (py * px);
        int o = 0;
        for (int oy = 0; oy < outHeight; oy++) {
            for (int ox = 0; ox < outWidth; ox++) {
                int base = oy * sy * rowLen + ox * sx * channels;
                for (int c = 0; c < channels; c++, o++) {
                    double share = (f32 ? g.floatData()[go + o] : g.doubleData()[go + o]) * scale;
                    for (int ky = 0; ky < py; ky++) {
                        for (int kx = 0; kx < px; kx++) {
                            int i = xo + base + ky * rowLen + kx * channels + c;
                            if (f32) {
                                dx.floatData()[i] += (float) share;
                            } else {
                                dx.doubleData()[i] += share;
                            }
                        }
                    }
                }
            }
        }
    }
}
