package dev.jnn.kernels;

import dev.jnn.tensor.DType;
import dev.jnn.tensor.Kernels;
import dev.jnn.tensor.Parallel;
import dev.jnn.tensor.Tensor;
import dev.jnn.tensor.VectorSupport;
import jdk.incubator.vector.FloatVector;
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
final class FilterLanesConv implements ValidConvKernel {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Output positions computed together in the forward pass, sharing each kernel row load. */
    private static final int TILE = 8;
    /** Samples per partial kernel gradient: fixed, so that the summation order is too. */
    private static final int GROUP = 4;

    private final ConvGeometry g;
    private final int filters;
    /** Filters rounded up to whole vectors: the row stride of the packed kernel and of the gradient partials. */
    private final int fp;
    /** Offset of each tap (ky, kx, channel) from the first input value of its position's window. */
    private final int[] tap;
    /** Offset of each output position's window (its first input value) from its sample's start. */
    private final int[] window;
    private float[] packedKernel = new float[0];
    private float[] packedBias = new float[0];
    private float[] partials = new float[0];

    FilterLanesConv(ConvGeometry g, int filters) {
        if (g.padTop() != 0 || g.padLeft() != 0) {
            throw new IllegalArgumentException("FilterLanesConv handles valid padding only");
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
        window = new int[g.positions()];
        for (int q = 0; q < window.length; q++) {
            int oy = q / g.outWidth();
            int ox = q % g.outWidth();
            window[q] = (oy * g.sy() * g.width() + ox * g.sx()) * g.channels();
        }
    }

    /** Whether the direct kernels apply: float32, valid padding, and the Vector API present. */
    static boolean suits(ConvGeometry g, Tensor x) {
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
        int positions = g.positions();
        Parallel.forEach(tasks, t -> {
            // Stores are whole vectors, never masked (a masked path in the loop slows it even when not taken):
            // straight into the output when the filters fill whole vectors, else into rows of fp and then copied.
            float[] padded = fp == filters ? null : new float[positions * fp];
            float[] o = out.floatData();
            for (int n = rows * t / tasks; n < rows * (t + 1) / tasks; n++) {
                int oo = out.offset() + n * out.cols();
                if (padded == null) {
                    forwardSample(x.floatData(), x.offset() + n * x.cols(), relu, o, oo);
                } else {
                    forwardSample(x.floatData(), x.offset() + n * x.cols(), relu, padded, 0);
                    for (int i = 0; i < positions; i++) {
                        System.arraycopy(padded, i * fp, o, oo + i * filters, filters);
                    }
                }
            }
        });
    }

    /** One sample's outputs at {@code out[oo]}, {@code fp} floats per position. */
    private void forwardSample(float[] x, int xo, boolean relu, float[] out, int oo) {
        float[] kp = packedKernel;
        int positions = g.positions();
        int run = g.kw() * g.channels();
        int rowLen = g.width() * g.channels();
        // relu as a max with 0, the identity as a max with -inf: no vector flows through a branch (which boxes it)
        FloatVector floor = FloatVector.broadcast(S, relu ? 0f : Float.NEGATIVE_INFINITY);
        for (int fc = 0; fc < fp; fc += L) {
            FloatVector b = FloatVector.fromArray(S, packedBias, fc);
            // Tiles of 8 positions in (oy, ox) order, across row ends: one kernel row load serves 8 multiply-adds.
            int q = 0;
            for (; q + TILE <= positions; q += TILE) {
                int p0 = xo + window[q], p1 = xo + window[q + 1], p2 = xo + window[q + 2], p3 = xo + window[q + 3];
                int p4 = xo + window[q + 4], p5 = xo + window[q + 5], p6 = xo + window[q + 6];
                int p7 = xo + window[q + 7];
                FloatVector a0 = b, a1 = b, a2 = b, a3 = b, a4 = b, a5 = b, a6 = b, a7 = b;
                int kt = fc;
                for (int ky = 0; ky < g.kh(); ky++) {
                    for (int d = ky * rowLen, end = d + run; d < end; d++, kt += fp) {
                        FloatVector w = FloatVector.fromArray(S, kp, kt);
                        a0 = FloatVector.broadcast(S, x[p0 + d]).fma(w, a0);
                        a1 = FloatVector.broadcast(S, x[p1 + d]).fma(w, a1);
                        a2 = FloatVector.broadcast(S, x[p2 + d]).fma(w, a2);
                        a3 = FloatVector.broadcast(S, x[p3 + d]).fma(w, a3);
                        a4 = FloatVector.broadcast(S, x[p4 + d]).fma(w, a4);
                        a5 = FloatVector.broadcast(S, x[p5 + d]).fma(w, a5);
                        a6 = FloatVector.broadcast(S, x[p6 + d]).fma(w, a6);
                        a7 = FloatVector.broadcast(S, x[p7 + d]).fma(w, a7);
                    }
                }
                int o = oo + q * fp + fc;
                a0.max(floor).intoArray(out, o);
                a1.max(floor).intoArray(out, o + fp);
                a2.max(floor).intoArray(out, o + 2 * fp);
                a3.max(floor).intoArray(out, o + 3 * fp);
                a4.max(floor).intoArray(out, o + 4 * fp);
                a5.max(floor).intoArray(out, o + 5 * fp);
                a6.max(floor).intoArray(out, o + 6 * fp);
                a7.max(floor).intoArray(out, o + 7 * fp);
            }
            for (; q < positions; q++) {
                int p0 = xo + window[q];
                FloatVector a0 = b;
                for (int t = 0; t < tap.length; t++) {
                    FloatVector w = FloatVector.fromArray(S, kp, t * fp + fc);
                    a0 = FloatVector.broadcast(S, x[p0 + tap[t]]).fma(w, a0);
                }
                a0.max(floor).intoArray(out, oo + q * fp + fc);
            }
        }
    }

    @Override
    public void kernelGradient(Tensor x, Tensor dz, Tensor reluOutput, Tensor dKernel, Tensor dBias) {
        if (reluOutput != null) {
            Kernels.reluGrad(reluOutput, dz);
        }
        int rows = x.rows();
        int k = tap.length + 1; // the taps, then the bias as a tap whose input is 1
        int groups = (rows + GROUP - 1) / GROUP;
        if (partials.length < groups * k * fp) {
            partials = new float[groups * k * fp];
        }
        float[] part = partials;
        int tasks = Parallel.tasksFor(groups);
        Parallel.forEach(tasks, t -> {
            float[] copy = new float[g.outWidth() * filters + L];
            for (int q = groups * t / tasks; q < groups * (t + 1) / tasks; q++) {
                groupGradient(x, dz, q * GROUP, Math.min(rows, (q + 1) * GROUP), part, q * k * fp, copy);
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

    private void groupGradient(Tensor xt, Tensor dzt, int n0, int n1, float[] part, int po, float[] copy) {
        float[] x = xt.floatData();
        float[] dz = dzt.floatData();
        int k = tap.length;
        int positions = g.positions();
        int rowLen = g.width() * g.channels();
        int step = g.sx() * g.channels();
        int ow = g.outWidth();
        Arrays.fill(part, po, po + (k + 1) * fp, 0f);
        // Full-width loads of dz read a few values of the next positions, which only reach lanes past the filters
        // (never read back). A row whose loads would run past the array's end is read from a zero-padded copy,
        // chosen before the loop: a vector chosen by a branch inside it is boxed, which is slow. copy holds
        // ow·filters + L floats, one per task.
        for (int fc = 0; fc < fp; fc += L) {
            // Six taps at a time, their sums held in registers over the group's positions: one gradient load and
            // six broadcast input values per six products.
            for (int t0 = 0; t0 < k; t0 += 6) {
                int d0 = tap[t0], d1 = tap(t0 + 1), d2 = tap(t0 + 2), d3 = tap(t0 + 3), d4 = tap(t0 + 4),
                        d5 = tap(t0 + 5);
                FloatVector a0 = FloatVector.zero(S), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0;
                for (int n = n0; n < n1; n++) {
                    int xo = xt.offset() + n * xt.cols();
                    int zo = dzt.offset() + n * positions * filters + fc;
                    for (int oy = 0; oy < g.outHeight(); oy++) {
                        int p = xo + oy * g.sy() * rowLen;
                        int z = zo + oy * ow * filters;
                        float[] src = dz;
                        if (z + (ow - 1) * filters + L > dz.length) {
                            src = padded(dz, z, copy);
                            z = 0;
                        }
                        for (int ox = 0; ox < ow; ox++, p += step, z += filters) {
                            FloatVector d = FloatVector.fromArray(S, src, z);
                            a0 = FloatVector.broadcast(S, x[p + d0]).fma(d, a0);
                            a1 = FloatVector.broadcast(S, x[p + d1]).fma(d, a1);
                            a2 = FloatVector.broadcast(S, x[p + d2]).fma(d, a2);
                            a3 = FloatVector.broadcast(S, x[p + d3]).fma(d, a3);
                            a4 = FloatVector.broadcast(S, x[p + d4]).fma(d, a4);
                            a5 = FloatVector.broadcast(S, x[p + d5]).fma(d, a5);
                        }
                    }
                }
                int w = po + t0 * fp + fc;
                a0.intoArray(part, w);
                // Taps past the last are read at offset 0 and their sums dropped.
                if (t0 + 1 < k) {
                    a1.intoArray(part, w + fp);
                }
                if (t0 + 2 < k) {
                    a2.intoArray(part, w + 2 * fp);
                }
                if (t0 + 3 < k) {
                    a3.intoArray(part, w + 3 * fp);
                }
                if (t0 + 4 < k) {
                    a4.intoArray(part, w + 4 * fp);
                }
                if (t0 + 5 < k) {
                    a5.intoArray(part, w + 5 * fp);
                }
            }
            FloatVector b = FloatVector.zero(S);
            for (int n = n0; n < n1; n++) {
                int zo = dzt.offset() + n * positions * filters + fc;
                for (int oy = 0; oy < g.outHeight(); oy++) {
                    int z = zo + oy * ow * filters;
                    float[] src = dz;
                    if (z + (ow - 1) * filters + L > dz.length) {
                        src = padded(dz, z, copy);
                        z = 0;
                    }
                    for (int ox = 0; ox < ow; ox++, z += filters) {
                        b = b.add(FloatVector.fromArray(S, src, z));
                    }
                }
            }
            b.intoArray(part, po + k * fp + fc);
        }
    }

    /** Tap {@code t}'s offset, or 0 past the last tap (a block's unused sums). */
    private int tap(int t) {
        return t < tap.length ? tap[t] : 0;
    }

    /** {@code copy} holding {@code a} from {@code at} to the array's end, then zeros. */
    private static float[] padded(float[] a, int at, float[] copy) {
        int n = Math.min(copy.length, a.length - at);
        System.arraycopy(a, at, copy, 0, n);
        Arrays.fill(copy, n, copy.length, 0f);
        return copy;
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
