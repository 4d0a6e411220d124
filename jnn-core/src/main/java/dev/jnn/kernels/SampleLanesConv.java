package dev.jnn.kernels;

import dev.jnn.tensor.DType;
import dev.jnn.tensor.Kernels;
import dev.jnn.tensor.Parallel;
import dev.jnn.tensor.Tensor;
import dev.jnn.tensor.VectorSupport;

import java.util.Arrays;

import static dev.jnn.kernels.SampleLanes.ensure;
import static dev.jnn.kernels.SampleLanes.forBlocks;
import static dev.jnn.kernels.SampleLanes.fromLanes;
import static dev.jnn.kernels.SampleLanes.scratch;
import static dev.jnn.kernels.SampleLanes.toLanes;

/**
 * Float32 convolution with stride 1 and valid padding over blocks of 16 samples, one sample per vector lane: the
 * forward pass, the kernel gradient and the input gradient.
 *
 * <p>With the filters in the lanes ({@link FilterLanesConv}), each input value is broadcast for one multiply-add. With
 * the samples in the lanes, a position's input feature for 16 samples is one load, so the {@link SampleLanesTiles6x4}
 * need a load or broadcast for every four multiply-adds, and every lane is used at any image size. Each block is
 * turned into (feature, lane) order and back with {@link Transpose16}; a batch's last block takes zeros in its
 * missing samples, and nothing of theirs is written back. The input the forward pass turned is kept for the kernel
 * gradient, and the output gradient the kernel gradient turned is kept for the input gradient: callers pass the
 * same tensors, unchanged, as {@link Conv2D} does.
 *
 * <p>Outputs are independent; the kernel gradient is summed per block (lanes in order) and the blocks are added in
 * order, so the thread count never changes the bits. Used when the preferred vectors have 16 lanes.
 */
final class SampleLanesConv implements ValidConvKernel, InputGradientKernel {
    private static final int L = SampleLanes.L;
    /** The most blocks (of 16 samples) whose input lanes a forward pass keeps: batches up to 1024 samples. */
    private static final int KEPT_BLOCKS = 64;

    private final ConvGeometry g;
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
    /** After a pooled forward pass: per pooled feature and lane, its window's winner (0-3, or −1 for none). */
    private float[] winners = new float[0];
    private final int pooledFeatures;
    /** The tensors whose lanes {@link #xLanes} and {@link #zLanes} hold (null: none). */
    private Tensor xLanesOf;
    private Tensor zLanesOf;

    SampleLanesConv(ConvGeometry g, int filters) {
        if (!suits(g, filters)) {
            throw new IllegalArgumentException("SampleLanesConv needs stride 1, valid padding, 6 taps, 4 filters "
                    + "and 6 output positions");
        }
        this.g = g;
        this.filters = filters;
        this.inFeatures = g.height() * g.width() * g.channels();
        this.outFeatures = g.positions() * filters;
        this.pooledFeatures = g.outHeight() / 2 * (g.outWidth() / 2) * filters;
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
    static boolean suits(ConvGeometry g, int filters) {
        return g.sy() == 1 && g.sx() == 1 && g.padTop() == 0 && g.padLeft() == 0 && g.patchSize() >= 6
                && filters >= 4 && g.positions() >= 6;
    }

    /** Whether {@link #compute} applies too: six channels or more, so that a tile's six input features never meet. */
    static boolean suitsInputGradient(ConvGeometry g) {
        return g.channels() >= 6;
    }

    /** Whether to use it here: {@link #suits(ConvGeometry, int)}, float32, and 16-lane vectors. */
    static boolean suits(ConvGeometry g, int filters, Tensor x) {
        return x.dtype() == DType.FLOAT32 && VectorSupport.available() && Transpose16.fits() && suits(g, filters);
    }

    @Override
    public void forward(Tensor x, Tensor kernel, Tensor bias, boolean relu, Tensor out) {
        forward(x, kernel, bias, relu, out, false);
    }

    /**
     * The forward pass with relu, then 2×2 max pooling with stride 2: {@code pooled} has one row of
     * (outHeight/2, outWidth/2, filters) per sample. The windows' winners are kept for
     * {@link #kernelGradientPooled}.
     */
    void forwardPooled(Tensor x, Tensor kernel, Tensor bias, Tensor pooled) {
        forward(x, kernel, bias, true, pooled, true);
    }

    private void forward(Tensor x, Tensor kernel, Tensor bias, boolean relu, Tensor out, boolean pool) {
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
        boolean keepOut = keep && !pool; // pooled, the winners stand for the relu'd output
        if (keepOut) {
            oLanes = ensure(oLanes, blocks * outFeatures * L);
        }
        if (pool) {
            winners = ensure(winners, blocks * pooledFeatures * L);
        }
        forBlocks(blocks, (b0, b1) -> {
            float[] ol = keepOut ? oLanes : scratch(0, outFeatures * L);
            float[] xl = keep ? xLanes : scratch(1, inFeatures * L);
            for (int b = b0; b < b1; b++) {
                int n0 = b * L;
                int count = Math.min(L, rows - n0);
                int xb = keep ? b * inFeatures * L : 0;
                int ob = keepOut ? b * outFeatures * L : 0;
                toLanes(x.floatData(), x.offset() + n0 * inFeatures, inFeatures, count, xl, xb);
                for (int q0 = 0; q0 < positions; q0 += tileRows) {
                    int q = Math.min(q0, positions - tileRows); // the last tile may overlap: the same outputs again
                    for (int f0 = 0; f0 < filters; f0 += tileFilters) {
                        int f = Math.min(f0, filters - tileFilters);
                        if (tileRows == 6) {
                            SampleLanesTiles6x4.forward6x4(xl, xb, window16, q, tap16, kernel.floatData(),
                                    kernel.offset(), filters, f, bias.floatData(), bias.offset(), floor, ol, ob);
                        } else {
                            SampleLanesTiles4x6.forward4x6(xl, xb, window16, q, tap16, kernel.floatData(),
                                    kernel.offset(), filters, f, bias.floatData(), bias.offset(), floor, ol, ob);
                        }
                    }
                }
                if (pool) {
                    float[] pl = scratch(2, pooledFeatures * L);
                    SampleLanesPool.forward(ol, ob, g.outHeight(), g.outWidth(), filters, pl, winners,
                            b * pooledFeatures * L);
                    fromLanes(pl, 0, pooledFeatures, count, out.floatData(), out.offset() + n0 * pooledFeatures);
                } else {
                    fromLanes(ol, ob, outFeatures, count, out.floatData(), out.offset() + n0 * outFeatures);
                }
            }
        });
        xLanesOf = keep ? x : null;
        keptOutput = keepOut && relu ? out.floatData() : null;
        keptOffset = out.offset();
        zLanesOf = null;
    }

    @Override
    public void kernelGradient(Tensor x, Tensor dz, Tensor reluOutput, Tensor dKernel, Tensor dBias) {
        gradients(x, dz, reluOutput, dKernel, dBias, false);
    }

    /**
     * The kernel gradient after {@link #forwardPooled}, from the pooled output's gradient {@code dPooled}: each
     * window's gradient goes to its winner, where relu's derivative is 1. {@link #computeKept} can follow.
     */
    void kernelGradientPooled(Tensor x, Tensor dPooled, Tensor dKernel, Tensor dBias) {
        gradients(x, dPooled, null, dKernel, dBias, true);
    }

    private void gradients(Tensor x, Tensor dz, Tensor reluOutput, Tensor dKernel, Tensor dBias, boolean pooled) {
        // The relu derivative from the kept output lanes when reluOutput is the last forward pass's, else a pass
        boolean mask = reluOutput != null && reluOutput.floatData() == keptOutput && reluOutput.offset() == keptOffset
                && x == xLanesOf;
        if (reluOutput != null && !mask) {
            Kernels.reluGrad(reluOutput, dz);
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
                if (pooled) {
                    float[] gl = scratch(2, pooledFeatures * L);
                    toLanes(dz.floatData(), dz.offset() + n0 * pooledFeatures, pooledFeatures, count, gl, 0);
                    SampleLanesPool.backward(gl, winners, b * pooledFeatures * L, g.outHeight(), g.outWidth(),
                            filters, zLanes, zb);
                } else {
                    toLanes(dz.floatData(), dz.offset() + n0 * outFeatures, outFeatures, count, zLanes, zb);
                }
                if (mask) {
                    SampleLanes.reluMask(zLanes, zb, oLanes, zb, outFeatures * L);
                }
                int po = b * stride;
                for (int t0 = 0; t0 < k; t0 += tileRows) {
                    int t = Math.min(t0, k - tileRows); // overlapping tiles rewrite the same sums
                    for (int f0 = 0; f0 < filters; f0 += tileFilters) {
                        int f = Math.min(f0, filters - tileFilters);
                        if (tileRows == 6) {
                            SampleLanesTiles6x4.gradient6x4(xLanes, xb, window16, positions, tap16, t, zLanes, zb,
                                    filters, f, part, po);
                        } else {
                            SampleLanesTiles4x6.gradient4x6(xLanes, xb, window16, positions, tap16, t, zLanes, zb,
                                    filters, f, part, po);
                        }
                    }
                }
                SampleLanes.columnSums(zLanes, zb, positions, filters, part, po + k * filters * L);
            }
        });
        // Blocks in order, then lanes in order; the taps (and the bias) split across tasks
        int tasks = Parallel.tasksFor(k + 1);
        Parallel.forEach(tasks, task -> {
            float[] block = new float[L * L];
            float[] sums = new float[filters + L];
            for (int t = (k + 1) * task / tasks; t < (k + 1) * (task + 1) / tasks; t++) {
                SampleLanes.foldLanes(part, t * filters * L, stride, blocks, filters, block, sums);
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

    /** The input gradient from the output-gradient lanes that the last kernel gradient made. */
    void computeKept(Tensor kernel, Tensor dx) {
        if (zLanesOf == null) {
            throw new IllegalStateException("computeKept needs a kernel gradient first");
        }
        compute(zLanesOf, kernel, dx);
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
                            SampleLanesTiles6x4.input4x6(dl, window16, q, (ky * rowLen + e) * L, zLanes, zb, filters,
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
        SampleLanesTiles6x4.input1x1(dl, window16[q] + (ky * g.width() * g.channels() + e) * L, zLanes,
                zb + q * filters * L, filters, kern, ko + (ky * run + e) * filters);
    }
}
