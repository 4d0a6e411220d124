package dev.jnn.nn;

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
 * first position; lanes past the row's end compute throwaway values, which the forward pass overwrites with the
 * next row's (the last rows go through scratch) and the kernel gradient multiplies by zeros.
 *
 * <p>Kernels of three rows (LeNet's 3×3) go through {@link RollingRows}, which loads each input vector once for
 * all three kernel rows; other heights use the loops here.
 *
 * <p>Outputs are independent; the kernel gradient is summed per fixed group of samples and the groups are added in
 * order, so the thread count never changes the bits. Used only when the Vector API is present.
 */
final class SingleChannelConv implements ValidConv {
    private static final VectorSpecies<Float> S = RollingRows.S;
    private static final int L = S.length();
    /** Expanding with 256-bit stores where they hold the filters is ~10% faster on AVX-512 (fewer split stores). */
    private static final VectorSpecies<Float> NARROW = L > 8 ? FloatVector.SPECIES_256 : S;
    /** At most this many vectors per chunk: beyond it the lane pattern repeats too rarely to pay. */
    private static final int MAX_VECTORS = 4;
    /** Samples per partial kernel gradient: fixed, so that the summation order is too. */
    private static final int GROUP = 4;
    private static final ThreadLocal<float[][]> SCRATCH = ThreadLocal.withInitial(() -> new float[4][]);

    private final Im2col g;
    private final int filters;
    /** Vectors per chunk and positions per chunk: {@code chunk * filters == vectors * L}. */
    private final int vectors;
    private final int chunk;
    /** Chunks per output row. */
    private final int perRow;
    /** Each tap's offset, in pixels, from its position's first pixel; padded to a multiple of 3 with zeros. */
    private final int[] tap;
    /** Expanded-pixel offset of each chunk (row-major over rows, then chunks) from the sample's first pixel. */
    private final int[] chunkAt;
    /** Floats of one sample's expanded pixels, including the tail that the last chunks read. */
    private final int expandedLength;
    /** The kernels for three-row kernels (null for others). */
    private final RollingRows rolling;
    private float[] packedKernel = new float[0];
    private float[] packedBias = new float[0];
    private float[] partials = new float[0];

    SingleChannelConv(Im2col g, int filters) {
        if (!suits(g, filters)) {
            throw new IllegalArgumentException("SingleChannelConv needs one channel, stride 1 and valid padding");
        }
        this.g = g;
        this.filters = filters;
        int lcm = lcm(filters, L);
        this.vectors = lcm / L;
        this.chunk = lcm / filters;
        this.perRow = (g.outWidth() + chunk - 1) / chunk;
        int k = g.kh() * g.kw();
        tap = new int[(k + 2) / 3 * 3];
        for (int t = 0; t < k; t++) {
            tap[t] = t / g.kw() * g.width() + t % g.kw();
        }
        chunkAt = new int[g.outHeight() * perRow];
        for (int oy = 0; oy < g.outHeight(); oy++) {
            for (int c = 0; c < perRow; c++) {
                chunkAt[oy * perRow + c] = (oy * g.width() + c * chunk) * filters;
            }
        }
        int lastPixel = (g.outHeight() - 1) * g.width() + perRow * chunk + tap[k - 1];
        int lastStore = (g.height() * g.width() - 1) * filters + (filters + L - 1) / L * L;
        expandedLength = Math.max(lastPixel * filters, lastStore);
        rolling = g.kh() == 3 ? new RollingRows(g, filters, vectors, perRow) : null;
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
    static boolean suits(Im2col g, int filters) {
        return g.channels() == 1 && g.sy() == 1 && g.sx() == 1 && g.padTop() == 0 && g.padLeft() == 0
                && lcm(filters, L) / L <= MAX_VECTORS;
    }

    /** Whether this kernel applies to {@code x}: {@link #suits(Im2col, int)}, float32 and the Vector API. */
    static boolean suits(Im2col g, int filters, Tensor x) {
        return x.dtype() == DType.FLOAT32 && VectorSupport.available() && suits(g, filters);
    }

    @Override
    public void forward(Tensor x, Tensor kernel, Tensor bias, boolean relu, Tensor out) {
        packedKernel = repeat(kernel.floatData(), kernel.offset(), g.kh() * g.kw(), packedKernel);
        packedBias = repeat(bias.floatData(), bias.offset(), 1, packedBias);
        int rows = x.rows();
        int rowFloats = g.outWidth() * filters;
        int span = vectors * L;
        // Rows whose whole chunks end inside the sample are written in place; the rest go through a scratch row
        // block, so that no store (masked ones are slow) ever needs to stop at the sample's end.
        int safe = 0;
        while (safe < g.outHeight() && safe * rowFloats + perRow * span <= g.positions() * filters) {
            safe++;
        }
        int inPlace = safe;
        int tailRows = g.outHeight() - safe;
        int tasks = Parallel.tasksFor(rows);
        float floor = relu ? 0f : Float.NEGATIVE_INFINITY;
        Parallel.forEach(tasks, t -> {
            float[] e = scratch(0, expandedLength);
            float[] o = out.floatData();
            if (rolling != null) {
                float[] walk = scratch(1, (g.outHeight() + 2) * rolling.stride());
                for (int n = rows * t / tasks; n < rows * (t + 1) / tasks; n++) {
                    expand(x, n, e);
                    for (int j = 0; j < vectors; j++) {
                        rolling.forward(e, packedKernel, packedBias, j, floor, walk);
                    }
                    int oo = out.offset() + n * out.cols();
                    for (int oy = 0; oy < g.outHeight(); oy++) {
                        System.arraycopy(walk, (oy + 2) * rolling.stride(), o, oo + oy * rowFloats, rowFloats);
                    }
                }
                return;
            }
            float[] tail = scratch(1, tailRows * rowFloats + perRow * span);
            for (int n = rows * t / tasks; n < rows * (t + 1) / tasks; n++) {
                int oo = out.offset() + n * out.cols();
                expand(x, n, e);
                forwardRows(e, 0, inPlace, relu, o, oo);
                forwardRows(e, inPlace, g.outHeight(), relu, tail, 0);
                System.arraycopy(tail, 0, o, oo + inPlace * rowFloats, tailRows * rowFloats);
            }
        });
    }

    /**
     * This thread's scratch array {@code i} (0: expanded pixels, 1: the forward's last rows, 2: gradient rows,
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

    /**
     * Output rows {@code oy0 <= oy < oy1} from the expanded pixels, row {@code oy0} at {@code out[oo]}. Whole chunks
     * are stored; lanes past a row's end land on the next row, whose own stores come later, or past the last row.
     */
    private void forwardRows(float[] e, int oy0, int oy1, boolean relu, float[] out, int oo) {
        float[] kp = packedKernel;
        int[] d = tap;
        int k = g.kh() * g.kw();
        int span = vectors * L;
        int rowFloats = g.outWidth() * filters;
        // relu as a max with 0, the identity as a max with -inf: no vector flows through a branch (which boxes it)
        FloatVector floor = FloatVector.broadcast(S, relu ? 0f : Float.NEGATIVE_INFINITY);
        for (int oy = oy0; oy < oy1; oy++) {
            int er = oy * g.width() * filters;
            int or = oo + (oy - oy0) * rowFloats;
            int c = 0;
            for (; c + 4 <= perRow; c += 4) {
                for (int j = 0; j < vectors; j++) {
                    FloatVector b = FloatVector.fromArray(S, packedBias, j * L);
                    FloatVector a0 = b, a1 = b, a2 = b, a3 = b;
                    int e0 = er + c * span + j * L;
                    for (int t = 0; t < k; t++) {
                        FloatVector w = FloatVector.fromArray(S, kp, (t * vectors + j) * L);
                        int q = e0 + d[t] * filters;
                        a0 = FloatVector.fromArray(S, e, q).fma(w, a0);
                        a1 = FloatVector.fromArray(S, e, q + span).fma(w, a1);
                        a2 = FloatVector.fromArray(S, e, q + 2 * span).fma(w, a2);
                        a3 = FloatVector.fromArray(S, e, q + 3 * span).fma(w, a3);
                    }
                    int o = or + c * span + j * L;
                    a0.max(floor).intoArray(out, o);
                    a1.max(floor).intoArray(out, o + span);
                    a2.max(floor).intoArray(out, o + 2 * span);
                    a3.max(floor).intoArray(out, o + 3 * span);
                }
            }
            for (; c < perRow; c++) {
                for (int j = 0; j < vectors; j++) {
                    FloatVector a0 = FloatVector.fromArray(S, packedBias, j * L);
                    int e0 = er + c * span + j * L;
                    for (int t = 0; t < k; t++) {
                        a0 = FloatVector.fromArray(S, e, e0 + d[t] * filters)
                                .fma(FloatVector.fromArray(S, kp, (t * vectors + j) * L), a0);
                    }
                    a0.max(floor).intoArray(out, or + c * span + j * L);
                }
            }
        }
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
            float[] grad = scratch(2, (g.outHeight() + (rolling != null ? 2 : 0)) * perRow * vectors * L);
            float[] sums = scratch(3, (tap.length + 1) * vectors * L);
            // the rolling walk reads two rows of zero gradients past the last row
            Arrays.fill(grad, chunkAt.length * vectors * L, grad.length, 0f);
            for (int q = groups * t / tasks; q < groups * (t + 1) / tasks; q++) {
                Arrays.fill(sums, 0f);
                for (int n = q * GROUP; n < Math.min(rows, (q + 1) * GROUP); n++) {
                    expand(x, n, e);
                    spread(dz, reluOutput, n, grad);
                    if (rolling != null) {
                        for (int j = 0; j < vectors; j++) {
                            rolling.kernelGradient(e, grad, j, sums);
                            biasSums(grad, j, sums);
                        }
                    } else {
                        sampleGradient(e, grad, sums);
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

    /** Adds one sample's products to {@code sums}: per tap, then the bias, {@code vectors} vectors each. */
    private void sampleGradient(float[] e, float[] grad, float[] sums) {
        int span = vectors * L;
        int chunks = chunkAt.length;
        int[] at = chunkAt;
        int[] d = tap;
        for (int j = 0; j < vectors; j++) {
            int jl = j * L;
            for (int t = 0; t < d.length; t += 3) {
                int d0 = d[t] * filters + jl, d1 = d[t + 1] * filters + jl, d2 = d[t + 2] * filters + jl;
                FloatVector a0 = FloatVector.zero(S), a1 = a0, a2 = a0, b0 = a0, b1 = a0, b2 = a0;
                int r = 0;
                for (; r + 2 <= chunks; r += 2) {
                    FloatVector g0 = FloatVector.fromArray(S, grad, r * span + jl);
                    FloatVector g1 = FloatVector.fromArray(S, grad, (r + 1) * span + jl);
                    int p0 = at[r], p1 = at[r + 1];
                    a0 = FloatVector.fromArray(S, e, p0 + d0).fma(g0, a0);
                    a1 = FloatVector.fromArray(S, e, p0 + d1).fma(g0, a1);
                    a2 = FloatVector.fromArray(S, e, p0 + d2).fma(g0, a2);
                    b0 = FloatVector.fromArray(S, e, p1 + d0).fma(g1, b0);
                    b1 = FloatVector.fromArray(S, e, p1 + d1).fma(g1, b1);
                    b2 = FloatVector.fromArray(S, e, p1 + d2).fma(g1, b2);
                }
                if (r < chunks) {
                    FloatVector g0 = FloatVector.fromArray(S, grad, r * span + jl);
                    a0 = FloatVector.fromArray(S, e, at[r] + d0).fma(g0, a0);
                    a1 = FloatVector.fromArray(S, e, at[r] + d1).fma(g0, a1);
                    a2 = FloatVector.fromArray(S, e, at[r] + d2).fma(g0, a2);
                }
                accumulate(sums, (t * vectors + j) * L, a0.add(b0));
                accumulate(sums, ((t + 1) * vectors + j) * L, a1.add(b1));
                accumulate(sums, ((t + 2) * vectors + j) * L, a2.add(b2));
            }
            biasSums(grad, j, sums);
        }
    }

    /** Adds vector {@code j} of every chunk's gradient to the bias's sums. */
    private void biasSums(float[] grad, int j, float[] sums) {
        int span = vectors * L;
        int chunks = chunkAt.length;
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
        accumulate(sums, (tap.length * vectors + j) * L, s0.add(s1));
    }

    private static void accumulate(float[] sums, int at, FloatVector v) {
        FloatVector.fromArray(S, sums, at).add(v).intoArray(sums, at);
    }

    /** Adds the lanes of each tap's (and the bias's) vectors to its filters, in lane order. */
    private void fold(float[] sums, float[] part, int po) {
        int k = g.kh() * g.kw();
        Arrays.fill(part, po, po + (k + 1) * filters, 0f);
        for (int t = 0; t <= k; t++) {
            int src = (t < k ? t : tap.length) * vectors * L;
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
