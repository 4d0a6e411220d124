package dev.jnn.kernels;

import dev.jnn.tensor.DType;
import dev.jnn.tensor.Parallel;
import dev.jnn.tensor.Tensor;

/**
 * A convolution's geometry: input and kernel sizes, strides, padding and output size, and the im2col packing that
 * turns a convolution into one GEMM. Samples are (height, width, channels); the patch matrix has
 * one row per output position {@code (sample, oy, ox)} and one column per {@code (ky, kx, channel)}, so that
 * {@code patches · K} with K of shape (kh·kw·channels, filters) is the output in (height, width, filters) order.
 * Samples are split across threads; every element is written by exactly one task, so the result does not depend
 * on the thread count.
 */
public record ConvGeometry(int height, int width, int channels, int kh, int kw, int sy, int sx, int padTop, int padLeft,
                           int outHeight, int outWidth) {

    public int patchSize() {
        return kh * kw * channels;
    }

    public int positions() {
        return outHeight * outWidth;
    }

    /** Fills {@code patches} (rows·positions × patchSize) from {@code x} (rows × height·width·channels). */
    public void pack(Tensor x, Tensor patches) {
        int rows = x.rows();
        Parallel.forEach(tasks(rows), t -> {
            int from = share(rows, t), to = share(rows, t + 1);
            if (x.dtype() == DType.FLOAT32) {
                for (int n = from; n < to; n++) {
                    packF32(x.floatData(), x.offset() + n * x.cols(), patches.floatData(),
                            patches.offset() + n * positions() * patchSize());
                }
            } else {
                for (int n = from; n < to; n++) {
                    packF64(x.doubleData(), x.offset() + n * x.cols(), patches.doubleData(),
                            patches.offset() + n * positions() * patchSize());
                }
            }
        });
    }

    /** Sums the patch gradients back into {@code dx} (rows × height·width·channels), overwriting it. */
    public void unpack(Tensor dPatches, Tensor dx) {
        int rows = dx.rows();
        Parallel.forEach(tasks(rows), t -> {
            int from = share(rows, t), to = share(rows, t + 1);
            for (int n = from; n < to; n++) {
                int xo = dx.offset() + n * dx.cols();
                int po = dPatches.offset() + n * positions() * patchSize();
                if (dx.dtype() == DType.FLOAT32) {
                    java.util.Arrays.fill(dx.floatData(), xo, xo + dx.cols(), 0f);
                    unpackF32(dPatches.floatData(), po, dx.floatData(), xo);
                } else {
                    java.util.Arrays.fill(dx.doubleData(), xo, xo + dx.cols(), 0.0);
                    unpackF64(dPatches.doubleData(), po, dx.doubleData(), xo);
                }
            }
        });
    }

    private void packF32(float[] x, int xo, float[] p, int po) {
        int rowLen = width * channels;
        int run = kw * channels;
        for (int oy = 0; oy < outHeight; oy++) {
            for (int ox = 0; ox < outWidth; ox++) {
                int ix0 = ox * sx - padLeft;
                boolean inside = ix0 >= 0 && ix0 + kw <= width;
                for (int ky = 0; ky < kh; ky++, po += run) {
                    int iy = oy * sy + ky - padTop;
                    if (iy < 0 || iy >= height) {
                        for (int j = 0; j < run; j++) {
                            p[po + j] = 0f;
                        }
                    } else if (inside) {
                        int src = xo + iy * rowLen + ix0 * channels;
                        for (int j = 0; j < run; j++) {
                            p[po + j] = x[src + j];
                        }
                    } else {
                        for (int kx = 0; kx < kw; kx++) {
                            int ix = ix0 + kx;
                            int dst = po + kx * channels;
                            boolean in = ix >= 0 && ix < width;
                            int src = xo + iy * rowLen + ix * channels;
                            for (int c = 0; c < channels; c++) {
                                p[dst + c] = in ? x[src + c] : 0f;
                            }
                        }
                    }
                }
            }
        }
    }

    private void packF64(double[] x, int xo, double[] p, int po) {
        int rowLen = width * channels;
        int run = kw * channels;
        for (int oy = 0; oy < outHeight; oy++) {
            for (int ox = 0; ox < outWidth; ox++) {
                int ix0 = ox * sx - padLeft;
                boolean inside = ix0 >= 0 && ix0 + kw <= width;
                for (int ky = 0; ky < kh; ky++, po += run) {
                    int iy = oy * sy + ky - padTop;
                    if (iy < 0 || iy >= height) {
                        for (int j = 0; j < run; j++) {
                            p[po + j] = 0.0;
                        }
                    } else if (inside) {
                        int src = xo + iy * rowLen + ix0 * channels;
                        for (int j = 0; j < run; j++) {
                            p[po + j] = x[src + j];
                        }
                    } else {
                        for (int kx = 0; kx < kw; kx++) {
                            int ix = ix0 + kx;
                            int dst = po + kx * channels;
                            boolean in = ix >= 0 && ix < width;
                            int src = xo + iy * rowLen + ix * channels;
                            for (int c = 0; c < channels; c++) {
                                p[dst + c] = in ? x[src + c] : 0.0;
                            }
                        }
                    }
                }
            }
        }
    }

    private void unpackF32(float[] p, int po, float[] dx, int xo) {
        int rowLen = width * channels;
        int run = kw * channels;
        for (int oy = 0; oy < outHeight; oy++) {
            for (int ox = 0; ox < outWidth; ox++) {
                int ix0 = ox * sx - padLeft;
                boolean inside = ix0 >= 0 && ix0 + kw <= width;
                for (int ky = 0; ky < kh; ky++, po += run) {
                    int iy = oy * sy + ky - padTop;
                    if (iy < 0 || iy >= height) {
                        continue;
                    }
                    int dst = xo + iy * rowLen + ix0 * channels;
                    if (inside) {
                        for (int j = 0; j < run; j++) {
                            dx[dst + j] += p[po + j];
                        }
                    } else {
                        for (int kx = 0; kx < kw; kx++) {
                            int ix = ix0 + kx;
                            if (ix >= 0 && ix < width) {
                                for (int c = 0; c < channels; c++) {
                                    dx[dst + kx * channels + c] += p[po + kx * channels + c];
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    private void unpackF64(double[] p, int po, double[] dx, int xo) {
        int rowLen = width * channels;
        int run = kw * channels;
        for (int oy = 0; oy < outHeight; oy++) {
            for (int ox = 0; ox < outWidth; ox++) {
                int ix0 = ox * sx - padLeft;
                boolean inside = ix0 >= 0 && ix0 + kw <= width;
                for (int ky = 0; ky < kh; ky++, po += run) {
                    int iy = oy * sy + ky - padTop;
                    if (iy < 0 || iy >= height) {
                        continue;
                    }
                    int dst = xo + iy * rowLen + ix0 * channels;
                    if (inside) {
                        for (int j = 0; j < run; j++) {
                            dx[dst + j] += p[po + j];
                        }
                    } else {
                        for (int kx = 0; kx < kw; kx++) {
                            int ix = ix0 + kx;
                            if (ix >= 0 && ix < width) {
                                for (int c = 0; c < channels; c++) {
                                    dx[dst + kx * channels + c] += p[po + kx * channels + c];
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    private static int tasks(int rows) {
        return Parallel.tasksFor(rows);
    }

    private static int share(int rows, int t) {
        return (int) ((long) rows * t / tasks(rows));
    }
}
