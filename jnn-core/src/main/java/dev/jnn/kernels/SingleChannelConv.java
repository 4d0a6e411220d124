package dev.jnn.kernels;

import dev.jnn.tensor.DType;
import dev.jnn.tensor.Parallel;
import dev.jnn.tensor.Tensor;
import dev.jnn.tensor.VectorSupport;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

import java.util.Arrays;

/**
 * Float32 convolution of single-channel images with stride 1 and valid padding, with every vector lane in use.
 *
 * <p>With one input channel and few filters (LeNet's first layer: 6), a vector of one position's filters leaves
 * most lanes idle. Here a chunk of {@code P} consecutive positions times {@code F} filters fills exactly {@code V}
 * whole vectors (P·F = V·L, the least common multiple of F and the lane count L). Each input pixel is first
 * repeated F times ("expanded"), so that one load at a tap's offset gives, lane by lane, the pixel that each
 * (position, filter) lane multiplies; the kernel is repeated in the same lane pattern. A row's chunks start at its
 * first position; lanes past the row's end compute throwaway values, which the forward pass drops (its rows go
 * through scratch, whole chunks apart) and the kernel gradient multiplies by zeros.
 *
 * <p>The multiply-adds run in {@link SingleChannelRollingRows} for kernels of three or five rows (LeNet's 3×3 and 5×5), which
 * loads each input vector once for all the kernel rows, and in {@link SingleChannelTapRows} for other heights.
 *
 * <p>Outputs are independent; the kernel gradient is summed per fixed group of samples and the groups are added in
 * order, so the thread count never changes the bits. Used only when the Vector API is present.
 */
final class SingleChannelConv implements ValidConvKernel {
    private static final VectorSpecies<Float> S = SingleChannelRollingRows.S;
    private static final int L = S.length();
    /** Expanding with 256-bit stores where they hold the filters is ~10% faster on AVX-512 (fewer split stores). */
    private static final VectorSpecies<Float> NARROW = L > 8 ? FloatVector.SPECIES_256 : S;
    /** At most this many vectors per chunk: beyond it the lane pattern repeats too rarely to pay. */
    private static final int MAX_VECTORS = 4;
    /** Samples per partial kernel gradient: fixed, so that the summation order is too. */
    private static final int GROUP = 4;
    private static final ThreadLocal<float[][]> SCRATCH = ThreadLocal.withInitial(() -> new float[4][]);

    private final ConvGeometry g;
    private final int filters;
    /** Vectors per chunk: a chunk of positions times the filters fills them exactly. */
    private final int vectors;
    /** Chunks per output row. */
    private final int perRow;
    /** Rows of tap sums in the kernel gradient's scratch (room for {@link SingleChannelTapRows}'s padding taps). */
    private final int sumTaps;
    /** Floats of one sample's expanded pixels, including the tail that the last chunks read. */
    private final int expandedLength;
    /** The kernels: {@link SingleChannelRollingRows} for three- and five-row kernels, else {@link SingleChannelTapRows} (the other is null). */
    private final SingleChannelRollingRows rolling;
    private final SingleChannelTapRows taps;
    private float[] packedKernel = new float[0];
    private float[] packedBias = new float[0];
    private float[] partials = new float[0];

    SingleChannelConv(ConvGeometry g, int filters) {
        if (!suits(g, filters)) {
            throw new IllegalArgumentException("SingleChannelConv needs one channel, stride 1 and valid padding");
        }
        this.g = g;
        this.filters = filters;
        int lcm = lcm(filters, L);
        this.vectors = lcm / L;
        int chunk = lcm / filters;
        this.perRow = (g.outWidth() + chunk - 1) / chunk;
        int k = g.kh() * g.kw();
        sumTaps = SingleChannelTapRows.paddedTaps(k);
        int lastTap = (g.kh() - 1) * g.width() + g.kw() - 1;
        int lastPixel = (g.outHeight() - 1) * g.width() + perRow * chunk + lastTap;
        int lastStore = (g.height() * g.width() - 1) * filters + (filters + L - 1) / L * L;
        expandedLength = Math.max(lastPixel * filters, lastStore);
        rolling = SingleChannelRollingRows.of(g, filters, vectors, perRow);
        taps = rolling == null ? new SingleChannelTapRows(g, filters, vectors, perRow) : null;
    }

    private static int lcm(int a, int b) {
        int x = a, y = b;
        while (y != 0) {
            int r = x % y;
            x = y;
            y = r;
        }
        return a / x * b;
    }

    /** Whether this kernel applies: one channel, stride 1, valid padding, and a short lane pattern. */
    static boolean suits(ConvGeometry g, int filters) {
        return g.channels() == 1 && g.sy() == 1 && g.sx() == 1 && g.padTop() == 0 && g.padLeft() == 0
                && lcm(filters, L) / L <= MAX_VECTORS;
    }

    /** Whether this kernel applies to {@code x}: {@link #suits(ConvGeometry, int)}, float32 and the Vector API. */
    static boolean suits(ConvGeometry g, int filters, Tensor x) {
        return x.dtype() == DType.FLOAT32 && VectorSupport.available() && suits(g, filters);
    }

    @Override
    public void forward(Tensor x, Tensor kernel, Tensor bias, boolean relu, Tensor out) {
        packedKernel = repeat(kernel.floatData(), kernel.offset(), g.kh() * g.kw(), packedKernel);
        packedBias = repeat(bias.floatData(), bias.offset(), 1, packedBias);
        int rows = x.rows();
        int rowFloats = g.outWidth() * filters;
        int stride = perRow * vectors * L;
        float floor = relu ? 0f : Float.NEGATIVE_INFINITY;
        // SingleChannelTapRows writes the rows whose whole chunks end inside the sample in place, the rest into scratch, so that
        // no store (masked ones are slow) ever needs to stop at the sample's end. SingleChannelRollingRows computes one vector of
        // every chunk at a time, which would overwrite finished lanes in place: all its rows go through scratch,
        // whole chunks apart, after the kh - 1 throwaway rows of its walk.
        int inPlace = 0;
        while (rolling == null && inPlace < g.outHeight()
                && inPlace * rowFloats + stride <= g.positions() * filters) {
            inPlace++;
        }
        int first = inPlace;
        int lead = rolling != null ? g.kh() - 1 : 0;
        int scratchStride = rolling != null ? stride : rowFloats;
        int tasks = Parallel.tasksFor(rows);
        Parallel.forEach(tasks, t -> {
            float[] e = scratch(0, expandedLength);
            float[] rest = scratch(1, (g.outHeight() - first + lead) * scratchStride + stride);
            float[] o = out.floatData();
            for (int n = rows * t / tasks; n < rows * (t + 1) / tasks; n++) {
                int oo = out.offset() + n * out.cols();
                expand(x, n, e);
                if (rolling != null) {
                    for (int j = 0; j < vectors; j++) {
                        rolling.forward(e, packedKernel, packedBias, j, floor, rest);
                    }
                } else {
                    taps.forward(e, packedKernel, packedBias, floor, 0, first, o, oo, rowFloats);
                    taps.forward(e, packedKernel, packedBias, floor, first, g.outHeight(), rest, 0, rowFloats);
                }
                for (int oy = first; oy < g.outHeight(); oy++) {
                    System.arraycopy(rest, (oy - first + lead) * scratchStride, o, oo + oy * rowFloats, rowFloats);
                }
            }
        });
    }

    /**
     * This thread's scratch array {@code i} (0: expanded pixels, 1: the forward's rows, 2: gradient rows,
     * 3: gradient sums) of {@code length} floats, shared by all instances: each rewrites what it reads.
     */
    private float[] scratch(int i, int length) {
        float[][] s = SCRATCH.get();
        if (s[i] == null || s[i].length != length) {
            s[i] = new float[length];
        }
        return s[i];
    }

    /**
     * Repeats each pixel of sample {@code n} {@code filters} times into {@code e}: one broadcast store per pixel,
     * each overwriting the previous one's extra lanes. (Rearranging L pixels at a time is several times slower.)
     */
    private void expand(Tensor x, int n, float[] e) {
        float[] src = x.floatData();
        int from = x.offset() + n * x.cols();
        int pixels = g.height() * g.width();
        int written;
        if (filters <= NARROW.length()) {
            for (int p = 0; p < pixels; p++) {
                FloatVector.broadcast(NARROW, src[from + p]).intoArray(e, p * filters);
            }
            written = NARROW.length();
        } else if (filters <= L) {
            for (int p = 0; p < pixels; p++) {
                FloatVector.broadcast(S, src[from + p]).intoArray(e, p * filters);
            }
            written = L;
        } else {
            for (int p = 0; p < pixels; p++) {
                FloatVector v = FloatVector.broadcast(S, src[from + p]);
                for (int m = 0; m < filters; m += L) {
                    v.intoArray(e, p * filters + m);
                }
            }
            written = (filters + L - 1) / L * L;
        }
        // What the last chunks read past the pixels: zeros, so that they stay finite whatever ran before
        Arrays.fill(e, (pixels - 1) * filters + written, e.length, 0f);
    }

    @Override
    public void kernelGradient(Tensor x, Tensor dz, Tensor reluOutput, Tensor dKernel, Tensor dBias) {
        int rows = x.rows();
        int k = g.kh() * g.kw();
        int groups = (rows + GROUP - 1) / GROUP;
        int stride = (k + 1) * filters; // the taps, then the bias
        if (partials.length < groups * stride) {
            partials = new float[groups * stride];
        }
        float[] part = partials;
        int tasks = Parallel.tasksFor(groups);
        Parallel.forEach(tasks, t -> {
            float[] e = scratch(0, expandedLength);
            float[] grad = scratch(2, (g.outHeight() + (rolling != null ? g.kh() - 1 : 0)) * perRow * vectors * L);
            float[] sums = scratch(3, (sumTaps + 1) * vectors * L);
            // the rolling walk reads kh - 1 rows of zero gradients past the last row
            Arrays.fill(grad, g.outHeight() * perRow * vectors * L, grad.length, 0f);
            for (int q = groups * t / tasks; q < groups * (t + 1) / tasks; q++) {
                Arrays.fill(sums, 0f);
                for (int n = q * GROUP; n < Math.min(rows, (q + 1) * GROUP); n++) {
                    expand(x, n, e);
                    spread(dz, reluOutput, n, grad);
                    for (int j = 0; j < vectors; j++) {
                        if (rolling != null) {
                            rolling.kernelGradient(e, grad, j, sums);
                        } else {
                            taps.kernelGradient(e, grad, j, sums);
                        }
                        biasSums(grad, j, sums);
                    }
                }
                fold(sums, part, q * stride);
            }
        });
        float[] dk = dKernel.floatData();
        int off = dKernel.offset();
        for (int t = 0; t <= k; t++) {
            for (int f = 0; f < filters; f++) {
                double sum = 0;
                for (int q = 0; q < groups; q++) {
                    sum += part[q * stride + t * filters + f];
                }
                if (t < k) {
                    dk[off + t * filters + f] = (float) sum;
                } else {
                    dBias.setFlat(f, sum);
                }
            }
        }
    }

    /**
     * Copies sample {@code n}'s gradient rows into whole chunks, with zeros in the lanes past each row's end; with a
     * {@code reluOutput}, zeros also where the output is 0 (the relu derivative, without a pass of its own).
     */
    private void spread(Tensor dz, Tensor reluOutput, int n, float[] grad) {
        int rowFloats = g.outWidth() * filters;
        int stride = perRow * vectors * L;
        int from = dz.offset() + n * g.positions() * filters;
        float[] d = dz.floatData();
        for (int oy = 0; oy < g.outHeight(); oy++) {
            int src = from + oy * rowFloats;
            int dst = oy * stride;
            if (reluOutput == null) {
                System.arraycopy(d, src, grad, dst, rowFloats);
            } else {
                float[] a = reluOutput.floatData();
                int ao = reluOutput.offset() + n * g.positions() * filters + oy * rowFloats;
                int i = 0;
                for (int ub = S.loopBound(rowFloats); i < ub; i += L) {
                    FloatVector.fromArray(S, d, src + i).blend(0f, FloatVector.fromArray(S, a, ao + i).eq(0f))
                            .intoArray(grad, dst + i);
                }
                for (; i < rowFloats; i++) {
                    grad[dst + i] = a[ao + i] == 0f ? 0f : d[src + i];
                }
            }
            Arrays.fill(grad, dst + rowFloats, (oy + 1) * stride, 0f);
        }
    }

    /** Adds vector {@code j} of every chunk's gradient to the bias's sums. */
    private void biasSums(float[] grad, int j, float[] sums) {
        int span = vectors * L;
        int chunks = g.outHeight() * perRow;
        int jl = j * L;
        FloatVector s0 = FloatVector.zero(S), s1 = s0;
        int r = 0;
        for (; r + 2 <= chunks; r += 2) {
            s0 = s0.add(FloatVector.fromArray(S, grad, r * span + jl));
            s1 = s1.add(FloatVector.fromArray(S, grad, (r + 1) * span + jl));
        }
        if (r < chunks) {
            s0 = s0.add(FloatVector.fromArray(S, grad, r * span + jl));
        }
        accumulate(sums, (sumTaps * vectors + j) * L, s0.add(s1));
    }

    private static void accumulate(float[] sums, int at, FloatVector v) {
        FloatVector.fromArray(S, sums, at).add(v).intoArray(sums, at);
    }

    /** Adds the lanes of each tap's (and the bias's) vectors to its filters, in lane order. */
    private void fold(float[] sums, float[] part, int po) {
        int k = g.kh() * g.kw();
        Arrays.fill(part, po, po + (k + 1) * filters, 0f);
        for (int t = 0; t <= k; t++) {
            int src = (t < k ? t : sumTaps) * vectors * L;
            for (int i = 0; i < vectors * L; i++) {
                part[po + t * filters + i % filters] += sums[src + i];
            }
        }
    }

    /** Repeats rows × filters values across each row's {@code vectors·L} lanes. */
    private float[] repeat(float[] src, int off, int rows, float[] dst) {
        int span = vectors * L;
        if (dst.length != rows * span) {
            dst = new float[rows * span];
        }
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < span; i++) {
                dst[r * span + i] = src[off + r * filters + i % filters];
            }
        }
        return dst;
    }
}
