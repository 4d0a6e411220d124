package dev.jnn.nn;

import dev.jnn.tensor.DType;
import dev.jnn.tensor.Parallel;
import dev.jnn.tensor.Tensor;
import dev.jnn.tensor.VectorSupport;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

import java.util.Arrays;

/**
 * Float32 convolution with valid padding computed straight from the input, without the patch matrix: each output
 * position's filters are one vector, and every kernel tap adds a broadcast input value times a kernel row.
 *
 * <p>For few channels and filters (LeNet's first layers) the patch matrix is mostly copying: its GEMM has 6 or 16
 * columns and 9 to 54 terms, so packing and write-back cost more than the arithmetic. Used only when the Vector
 * API is present. Outputs are independent; the kernel gradient is summed per fixed group of samples and the groups
 * are added in order, so the thread count never changes the bits.
 */
final class DirectConv implements ValidConv {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Output positions computed together, sharing each kernel row load. */
    private static final int TILE = 4;
    /** Samples per partial kernel gradient: fixed, so that the summation order is too. */
    private static final int GROUP = 4;

    private final Im2col g;
    private final int filters;
    /** Filters rounded up to whole vectors: the row stride of the packed kernel and of the gradient partials. */
    private final int fp;
    /** Offset of each tap (ky, kx, channel) from the first input value of its position's window. */
    private final int[] tap;
    private float[] packedKernel = new float[0];
    private float[] packedBias = new float[0];
    private float[] partials = new float[0];

    DirectConv(Im2col g, int filters) {
        if (g.padTop() != 0 || g.padLeft() != 0) {
            throw new IllegalArgumentException("DirectConv handles valid padding only");
        }
        this.g = g;
        this.filters = filters;
        this.fp = (filters + L - 1) / L * L;
        int run = g.kw() * g.channels();
        tap = new int[g.patchSize()];
        for (int ky = 0; ky < g.kh(); ky++) {
            for (int j = 0; j < run; j++) {
                tap[ky * run + j] = ky * g.width() * g.channels() + j;
            }
        }
    }

    /** Whether the direct kernels apply: float32, valid padding, and the Vector API present. */
    static boolean suits(Im2col g, Tensor x) {
        return x.dtype() == DType.FLOAT32 && g.padTop() == 0 && g.padLeft() == 0
                && VectorSupport.available();
    }

    @Override
    public void forward(Tensor x, Tensor kernel, Tensor bias, boolean relu, Tensor out) {
        int k = g.patchSize();
        packedKernel = pad(kernel.floatData(), kernel.offset(), k, packedKernel);
        packedBias = pad(bias.floatData(), bias.offset(), 1, packedBias);
        int rows = x.rows();
        int tasks = Parallel.tasksFor(rows);
        Parallel.forEach(tasks, t -> {
            for (int n = rows * t / tasks; n < rows * (t + 1) / tasks; n++) {
                forwardSample(x.floatData(), x.offset() + n * x.cols(), relu, out.floatData(),
                        out.offset() + n * out.cols());
            }
        });
    }

    private void forwardSample(float[] x, int xo, boolean relu, float[] out, int oo) {
        float[] kp = packedKernel;
        int k = tap.length;
        int c = g.channels();
        int rowLen = g.width() * c;
        int step = g.sx() * c;
        int ow = g.outWidth();
        FloatVector zero = FloatVector.zero(S);
        int end = oo + g.positions() * filters;
        for (int fc = 0; fc < fp; fc += L) {
            VectorMask<Float> m = S.indexInRange(fc, filters);
            // Whole-vector stores (masked ones are slow) when the extra lanes only reach positions written later.
            int whole = fc + L <= filters ? Integer.MAX_VALUE : fp == L ? end - L : Integer.MIN_VALUE;
            FloatVector b = FloatVector.fromArray(S, packedBias, fc);
            for (int oy = 0; oy < g.outHeight(); oy++) {
                int rowBase = xo + oy * g.sy() * rowLen;
                int o = oo + oy * ow * filters + fc;
                int ox = 0;
                for (; ox + TILE <= ow; ox += TILE, o += TILE * filters) {
                    int p0 = rowBase + ox * step;
                    int p1 = p0 + step;
                    int p2 = p1 + step;
                    int p3 = p2 + step;
                    FloatVector a0 = b, a1 = b, a2 = b, a3 = b;
                    for (int t = 0; t < k; t++) {
                        FloatVector w = FloatVector.fromArray(S, kp, t * fp + fc);
                        int d = tap[t];
                        a0 = FloatVector.broadcast(S, x[p0 + d]).fma(w, a0);
                        a1 = FloatVector.broadcast(S, x[p1 + d]).fma(w, a1);
                        a2 = FloatVector.broadcast(S, x[p2 + d]).fma(w, a2);
                        a3 = FloatVector.broadcast(S, x[p3 + d]).fma(w, a3);
                    }
                    if (relu) {
                        a0 = a0.max(zero);
                        a1 = a1.max(zero);
                        a2 = a2.max(zero);
                        a3 = a3.max(zero);
                    }
                    store(a0, out, o, m, whole);
                    store(a1, out, o + filters, m, whole);
                    store(a2, out, o + 2 * filters, m, whole);
                    store(a3, out, o + 3 * filters, m, whole);
                }
                for (; ox < ow; ox++, o += filters) {
                    int p0 = rowBase + ox * step;
                    FloatVector a0 = b;
                    for (int t = 0; t < k; t++) {
                        FloatVector w = FloatVector.fromArray(S, kp, t * fp + fc);
                        a0 = FloatVector.broadcast(S, x[p0 + tap[t]]).fma(w, a0);
                    }
                    store(relu ? a0.max(zero) : a0, out, o, m, whole);
                }
            }
        }
    }

    /**
     * Stores {@code v} at {@code out[o]}: whole when {@code o <= whole}, else only the lanes of {@code m}. With one
     * vector of filters, positions are stored in increasing order, so a whole vector's lanes past the filters are
     * overwritten by the next position; only the sample's last positions need the mask.
     */
    private static void store(FloatVector v, float[] out, int o, VectorMask<Float> m, int whole) {
        if (o <= whole) {
            v.intoArray(out, o);
        } else {
            v.intoArray(out, o, m);
        }
    }

    @Override
    public void kernelGradient(Tensor x, Tensor dz, Tensor dKernel, Tensor dBias) {
        int rows = x.rows();
        int k = tap.length + 1; // the taps, then the bias as a tap whose input is 1
        int groups = (rows + GROUP - 1) / GROUP;
        if (partials.length < groups * k * fp) {
            partials = new float[groups * k * fp];
        }
        float[] part = partials;
        int tasks = Parallel.tasksFor(groups);
        Parallel.forEach(tasks, t -> {
            for (int q = groups * t / tasks; q < groups * (t + 1) / tasks; q++) {
                groupGradient(x, dz, q * GROUP, Math.min(rows, (q + 1) * GROUP), part, q * k * fp);
            }
        });
        float[] d = dKernel.floatData();
        int off = dKernel.offset();
        for (int t = 0; t < k; t++) {
            for (int f = 0; f < filters; f++) {
                double sum = 0;
                for (int q = 0; q < groups; q++) {
                    sum += part[q * k * fp + t * fp + f];
                }
                if (t < tap.length) {
                    d[off + t * filters + f] = (float) sum;
                } else {
                    dBias.setFlat(f, sum);
                }
            }
        }
    }

    private void groupGradient(Tensor xt, Tensor dzt, int n0, int n1, float[] part, int po) {
        float[] x = xt.floatData();
        float[] dz = dzt.floatData();
        int k = tap.length;
        int positions = g.positions();
        int rowLen = g.width() * g.channels();
        int step = g.sx() * g.channels();
        int ow = g.outWidth();
        Arrays.fill(part, po, po + (k + 1) * fp, 0f);
        // Full-width loads of dz read a few values of the next positions, which only reach lanes past the filters
        // (never read back); the last positions of the array use masked loads instead.
        int safe = dz.length - L;
        for (int fc = 0; fc < fp; fc += L) {
            VectorMask<Float> m = S.indexInRange(fc, filters);
            int bias = po + k * fp + fc;
            for (int n = n0; n < n1; n++) {
                int xo = xt.offset() + n * xt.cols();
                int zo = dzt.offset() + n * positions * filters + fc;
                for (int oy = 0; oy < g.outHeight(); oy++) {
                    int p = xo + oy * g.sy() * rowLen;
                    int z = zo + oy * ow * filters;
                    int ox = 0;
                    // Four positions at a time: each partial row is loaded and stored once for four products.
                    for (; ox + TILE <= ow && z + 3 * filters <= safe;
                         ox += TILE, p += TILE * step, z += TILE * filters) {
                        FloatVector d0 = FloatVector.fromArray(S, dz, z);
                        FloatVector d1 = FloatVector.fromArray(S, dz, z + filters);
                        FloatVector d2 = FloatVector.fromArray(S, dz, z + 2 * filters);
                        FloatVector d3 = FloatVector.fromArray(S, dz, z + 3 * filters);
                        for (int t = 0; t < k; t++) {
                            int q = p + tap[t];
                            int w = po + t * fp + fc;
                            FloatVector.broadcast(S, x[q]).fma(d0, FloatVector.fromArray(S, part, w))
                                    .add(FloatVector.broadcast(S, x[q + step]).mul(d1))
                                    .add(FloatVector.broadcast(S, x[q + 2 * step]).fma(d2,
                                            FloatVector.broadcast(S, x[q + 3 * step]).mul(d3)))
                                    .intoArray(part, w);
                        }
                        d0.add(d1).add(d2.add(d3)).add(FloatVector.fromArray(S, part, bias)).intoArray(part, bias);
                    }
                    for (; ox < ow; ox++, p += step, z += filters) {
                        FloatVector d0 = z <= safe ? FloatVector.fromArray(S, dz, z)
                                : FloatVector.fromArray(S, dz, z, m);
                        for (int t = 0; t < k; t++) {
                            int w = po + t * fp + fc;
                            FloatVector.broadcast(S, x[p + tap[t]]).fma(d0, FloatVector.fromArray(S, part, w))
                                    .intoArray(part, w);
                        }
                        d0.add(FloatVector.fromArray(S, part, bias)).intoArray(part, bias);
                    }
                }
            }
        }
    }

    /** Copies rows × filters values into rows of fp, zero-padded. */
    private float[] pad(float[] src, int off, int rows, float[] dst) {
        if (dst.length != rows * fp) {
            dst = new float[rows * fp];
        }
        for (int r = 0; r < rows; r++) {
            System.arraycopy(src, off + r * filters, dst, r * fp, filters);
        }
        return dst;
    }
}
