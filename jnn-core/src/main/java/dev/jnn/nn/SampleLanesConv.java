package dev.jnn.nn;

import dev.jnn.tensor.DType;
import dev.jnn.tensor.Parallel;
import dev.jnn.tensor.Tensor;
import dev.jnn.tensor.VectorSupport;

import java.util.Arrays;

/**
 * Float32 convolution with stride 1 and valid padding over blocks of 16 samples, one sample per vector lane: the
 * forward pass, the kernel gradient and the input gradient.
 *
 * <p>With the filters in the lanes ({@link DirectConv}), each input value is broadcast for one multiply-add. With
 * the samples in the lanes, a position's input feature for 16 samples is one load, so the {@link SampleLanesTiles}
 * need a load or broadcast for every four multiply-adds, and every lane is used at any image size. Each block is
 * turned into (feature, lane) order and back with {@link Transpose16}; a batch's last block takes zeros in its
 * missing samples, and nothing of theirs is written back. The input the forward pass turned is kept for the kernel
 * gradient, and the output gradient the kernel gradient turned is kept for the input gradient: callers pass the
 * same tensors, unchanged, as {@link Conv2D} does.
 *
 * <p>Outputs are independent; the kernel gradient is summed per block (lanes in order) and the blocks are added in
 * order, so the thread count never changes the bits. Used when the preferred vectors have 16 lanes.
 */
final class SampleLanesConv implements ValidConv, DirectInputGradient {
    private static final int L = 16;
    /** The most blocks (of 16 samples) whose input lanes a forward pass keeps: batches up to 1024 samples. */
    private static final int KEPT_BLOCKS = 64;
    /** Per thread: a block's output features or input gradient, and a block's input lanes not kept. */
    private static final ThreadLocal<float[][]> SCRATCH = ThreadLocal.withInitial(() -> new float[2][]);

    private final Im2col g;
    private final int filters;
    private final int inFeatures;
    private final int outFeatures;
    /** Per output position, its window's first input feature; per tap, its offset from it; both times 16. */
    private final int[] window16;
    private final int[] tap16;
    /** A tile's rows (positions, or taps) and filters: 6 × 4, or 4 × 6 for filter counts that six divides. */
    private final int tileRows;
    private final int tileFilters;
    private float[] xLanes = new float[0];
    private float[] zLanes = new float[0];
    /** A kept forward pass's relu'd output lanes, and the output array and offset they were written to (or null). */
    private float[] oLanes = new float[0];
    private float[] keptOutput;
    private int keptOffset;
    private float[] partials = new float[0];
    /** The tensors whose lanes {@link #xLanes} and {@link #zLanes} hold (null: none). */
    private Tensor xLanesOf;
    private Tensor zLanesOf;

    SampleLanesConv(Im2col g, int filters) {
        if (!suits(g, filters)) {
            throw new IllegalArgumentException("SampleLanesConv needs stride 1, valid padding, 6 taps, 4 filters "
                    + "and 6 output positions");
        }
        this.g = g;
        this.filters = filters;
        this.inFeatures = g.height() * g.width() * g.channels();
        this.outFeatures = g.positions() * filters;
        int run = g.kw() * g.channels();
        tap16 = new int[g.patchSize()];
        for (int t = 0; t < tap16.length; t++) {
            tap16[t] = ((t / run) * g.width() * g.channels() + t % run) * L;
        }
        boolean six = filters % 6 == 0 && filters % 4 != 0;
        tileRows = six ? 4 : 6;
        tileFilters = six ? 6 : 4;
        window16 = new int[g.positions()];
        for (int q = 0; q < window16.length; q++) {
            window16[q] = ((q / g.outWidth()) * g.width() + q % g.outWidth()) * g.channels() * L;
        }
    }

    /**
     * Whether the forward pass and kernel gradient apply to {@code g}: stride 1, valid padding, and at least a tile's
     * rows and columns: 6 taps, 4 filters and 6 output positions.
     */
    static boolean suits(Im2col g, int filters) {
        return g.sy() == 1 && g.sx() == 1 && g.padTop() == 0 && g.padLeft() == 0 && g.patchSize() >= 6
                && filters >= 4 && g.positions() >= 6;
    }

    /** Whether {@link #compute} applies too: six channels or more, so that a tile's six input features never meet. */
    static boolean suitsInputGradient(Im2col g) {
        return g.channels() >= 6;
    }

    /** Whether to use it here: {@link #suits(Im2col, int)}, float32, and 16-lane vectors. */
    static boolean suits(Im2col g, int filters, Tensor x) {
        return x.dtype() == DType.FLOAT32 && VectorSupport.available() && Transpose16.fits() && suits(g, filters);
    }

    @Override
    public void forward(Tensor x, Tensor kernel, Tensor bias, boolean relu, Tensor out) {
        int rows = x.rows();
        int blocks = (rows + L - 1) / L;
        // A training batch's input lanes are kept for the kernel gradient; a larger forward pass (inference over a
        // whole set) turns each block in scratch instead of holding a copy of its input
        boolean keep = blocks <= KEPT_BLOCKS;
        if (keep) {
            xLanes = ensure(xLanes, blocks * inFeatures * L);
        }
        float floor = relu ? 0f : Float.NEGATIVE_INFINITY;
        int positions = g.positions();
        if (keep) {
            oLanes = ensure(oLanes, blocks * outFeatures * L);
        }
        forBlocks(blocks, (b0, b1) -> {
            float[] ol = keep ? oLanes : scratch(0, outFeatures * L);
            float[] xl = keep ? xLanes : scratch(1, inFeatures * L);
            for (int b = b0; b < b1; b++) {
                int n0 = b * L;
                int count = Math.min(L, rows - n0);
                int xb = keep ? b * inFeatures * L : 0;
                int ob = keep ? b * outFeatures * L : 0;
                toLanes(x.floatData(), x.offset() + n0 * inFeatures, inFeatures, count, xl, xb);
                for (int q0 = 0; q0 < positions; q0 += tileRows) {
                    int q = Math.min(q0, positions - tileRows); // the last tile may overlap: the same outputs again
                    for (int f0 = 0; f0 < filters; f0 += tileFilters) {
                        int f = Math.min(f0, filters - tileFilters);
                        if (tileRows == 6) {
                            SampleLanesTiles.forward6x4(xl, xb, window16, q, tap16, kernel.floatData(),
                                    kernel.offset(), filters, f, bias.floatData(), bias.offset(), floor, ol, ob);
                        } else {
                            SampleLanesTiles4x6.forward4x6(xl, xb, window16, q, tap16, kernel.floatData(),
                                    kernel.offset(), filters, f, bias.floatData(), bias.offset(), floor, ol, ob);
                        }
                    }
                }
                fromLanes(ol, ob, outFeatures, count, out.floatData(), out.offset() + n0 * outFeatures);
            }
        });
        xLanesOf = keep ? x : null;
        keptOutput = keep && relu ? out.floatData() : null;
        keptOffset = out.offset();
        zLanesOf = null;
    }

    @Override
    public void kernelGradient(Tensor x, Tensor dz, Tensor reluOutput, Tensor dKernel, Tensor dBias) {
        // The relu derivative from the kept output lanes when reluOutput is the last forward pass's, else a pass
        boolean mask = reluOutput != null && reluOutput.floatData() == keptOutput && reluOutput.offset() == keptOffset
                && x == xLanesOf;
        if (reluOutput != null && !mask) {
            Activation.RELU.derivative(reluOutput, dz);
        }
        int rows = x.rows();
        int blocks = (rows + L - 1) / L;
        if (blocks == 0) { // no samples: zero gradients, as the other kernels give
            for (int i = 0; i < dKernel.size(); i++) {
                dKernel.setFlat(i, 0);
            }
            for (int f = 0; f < filters; f++) {
                dBias.setFlat(f, 0);
            }
            return;
        }
        int k = tap16.length;
        int stride = (k + 1) * filters * L; // per block: each tap's and then the bias's sums, lane by lane
        boolean turnX = x != xLanesOf;
        xLanes = ensure(xLanes, blocks * inFeatures * L);
        zLanes = ensure(zLanes, blocks * outFeatures * L);
        partials = ensure(partials, blocks * stride);
        float[] part = partials;
        int positions = g.positions();
        forBlocks(blocks, (b0, b1) -> {
            for (int b = b0; b < b1; b++) {
                int n0 = b * L;
                int count = Math.min(L, rows - n0);
                int xb = b * inFeatures * L;
                int zb = b * outFeatures * L;
                if (turnX) {
                    toLanes(x.floatData(), x.offset() + n0 * inFeatures, inFeatures, count, xLanes, xb);
                }
                toLanes(dz.floatData(), dz.offset() + n0 * outFeatures, outFeatures, count, zLanes, zb);
                if (mask) {
                    SampleLanesTiles.reluMask(zLanes, zb, oLanes, zb, outFeatures * L);
                }
                int po = b * stride;
                for (int t0 = 0; t0 < k; t0 += tileRows) {
                    int t = Math.min(t0, k - tileRows); // overlapping tiles rewrite the same sums
                    for (int f0 = 0; f0 < filters; f0 += tileFilters) {
                        int f = Math.min(f0, filters - tileFilters);
                        if (tileRows == 6) {
                            SampleLanesTiles.gradient6x4(xLanes, xb, window16, positions, tap16, t, zLanes, zb,
                                    filters, f, part, po);
                        } else {
                            SampleLanesTiles4x6.gradient4x6(xLanes, xb, window16, positions, tap16, t, zLanes, zb,
                                    filters, f, part, po);
                        }
                    }
                }
                SampleLanesTiles.columnSums(zLanes, zb, positions, filters, part, po + k * filters * L);
            }
        });
        // Blocks in order, then lanes in order; the taps (and the bias) split across tasks
        int tasks = Parallel.tasksFor(k + 1);
        Parallel.forEach(tasks, task -> {
            float[] block = new float[L * L];
            float[] sums = new float[filters + L];
            for (int t = (k + 1) * task / tasks; t < (k + 1) * (task + 1) / tasks; t++) {
                SampleLanesTiles.foldLanes(part, t * filters * L, stride, blocks, filters, block, sums);
                for (int f = 0; f < filters; f++) {
                    if (t < k) {
                        dKernel.floatData()[dKernel.offset() + t * filters + f] = sums[f];
                    } else {
                        dBias.setFlat(f, sums[f]);
                    }
                }
            }
        });
        xLanesOf = x;
        zLanesOf = dz;
    }

    @Override
    public void compute(Tensor dz, Tensor kernel, Tensor dx) {
        if (!suitsInputGradient(g)) {
            throw new IllegalStateException("SampleLanesConv's input gradient needs six channels or more, got "
                    + g.channels());
        }
        int rows = dx.rows();
        int blocks = (rows + L - 1) / L;
        boolean turnZ = dz != zLanesOf;
        zLanes = ensure(zLanes, blocks * outFeatures * L);
        int positions = g.positions();
        int run = g.kw() * g.channels();
        int rowLen = g.width() * g.channels();
        float[] kern = kernel.floatData();
        int ko = kernel.offset();
        forBlocks(blocks, (b0, b1) -> {
            float[] dl = scratch(0, inFeatures * L);
            for (int b = b0; b < b1; b++) {
                int n0 = b * L;
                int count = Math.min(L, rows - n0);
                int zb = b * outFeatures * L;
                if (turnZ) {
                    toLanes(dz.floatData(), dz.offset() + n0 * outFeatures, outFeatures, count, zLanes, zb);
                }
                Arrays.fill(dl, 0, inFeatures * L, 0f);
                int q = 0;
                for (; q + 4 <= positions; q += 4) {
                    for (int ky = 0; ky < g.kh(); ky++) {
                        int e = 0;
                        for (; e + 6 <= run; e += 6) {
                            SampleLanesTiles.input4x6(dl, window16, q, (ky * rowLen + e) * L, zLanes, zb, filters,
                                    kern, ko + (ky * run + e) * filters);
                        }
                        for (; e < run; e++) {
                            for (int p = q; p < q + 4; p++) {
                                inputOne(dl, p, ky, e, zb, kern, ko);
                            }
                        }
                    }
                }
                for (; q < positions; q++) {
                    for (int ky = 0; ky < g.kh(); ky++) {
                        for (int e = 0; e < run; e++) {
                            inputOne(dl, q, ky, e, zb, kern, ko);
                        }
                    }
                }
                fromLanes(dl, 0, inFeatures, count, dx.floatData(), dx.offset() + n0 * inFeatures);
            }
        });
        zLanesOf = null;
    }

    private void inputOne(float[] dl, int q, int ky, int e, int zb, float[] kern, int ko) {
        int run = g.kw() * g.channels();
        SampleLanesTiles.input1x1(dl, window16[q] + (ky * g.width() * g.channels() + e) * L, zLanes,
                zb + q * filters * L, filters, kern, ko + (ky * run + e) * filters);
    }

    /**
     * Block rows: {@code count} samples of {@code features} floats from {@code src[so]} into (feature, lane) order at
     * {@code dst[dOff]}, zeros in the lanes past {@code count}.
     */
    static void toLanes(float[] src, int so, int features, int count, float[] dst, int dOff) {
        int whole = features / L * L;
        for (int i = 0; i < whole; i += L) {
            Transpose16.transpose(src, so + i, features, count, dst, dOff + i * L, L, L);
        }
        for (int i = whole; i < features; i++) {
            for (int l = 0; l < L; l++) {
                dst[dOff + i * L + l] = l < count ? src[so + l * features + i] : 0f;
            }
        }
    }

    /**
     * The reverse of {@link #toLanes}: lanes 0 to {@code count − 1} from {@code src[so]} back into rows of
     * {@code features} at {@code dst[dOff]}.
     */
    static void fromLanes(float[] src, int so, int features, int count, float[] dst, int dOff) {
        int whole = features / L * L;
        for (int i = 0; i < whole; i += L) {
            Transpose16.transpose(src, so + i * L, L, L, dst, dOff + i, features, count);
        }
        for (int i = whole; i < features; i++) {
            for (int l = 0; l < count; l++) {
                dst[dOff + l * features + i] = src[so + i * L + l];
            }
        }
    }

    /** Runs {@code body} over ranges of the blocks, split into {@link Parallel#tasksFor} tasks. */
    private static void forBlocks(int blocks, BlockRange body) {
        int tasks = Parallel.tasksFor(blocks);
        Parallel.forEach(tasks, t -> body.run(blocks * t / tasks, blocks * (t + 1) / tasks));
    }

    /** Blocks {@code from} to {@code to − 1}. */
    private interface BlockRange {
        void run(int from, int to);
    }

    private static float[] ensure(float[] a, int length) {
        return a.length >= length ? a : new float[length];
    }

    /** This thread's scratch array {@code i} of at least {@code length} floats, shared by all instances. */
    private static float[] scratch(int i, int length) {
        float[][] s = SCRATCH.get();
        if (s[i] == null || s[i].length < length) {
            s[i] = new float[length];
        }
        return s[i];
    }
}
