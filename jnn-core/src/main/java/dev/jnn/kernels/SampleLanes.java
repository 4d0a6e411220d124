package dev.jnn.kernels;

import dev.jnn.tensor.Parallel;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link SampleLanesConv}'s layout: blocks of 16 samples in (feature, lane) order, turned from rows and back with
 * {@link Transpose16}, the split of blocks across threads, per-thread scratch, and the sums over lanes.
 */
final class SampleLanes {
    static final int L = 16;
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_512;
    /** Per thread: a block's output or pooled features or input gradient, and a block's input lanes not kept. */
    private static final ThreadLocal<float[][]> SCRATCH = ThreadLocal.withInitial(() -> new float[3][]);

    private SampleLanes() {
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
    static void forBlocks(int blocks, BlockRange body) {
        int tasks = Parallel.tasksFor(blocks);
        Parallel.forEach(tasks, t -> body.run(blocks * t / tasks, blocks * (t + 1) / tasks));
    }

    /** Blocks {@code from} to {@code to − 1}. */
    interface BlockRange {
        void run(int from, int to);
    }

    static float[] ensure(float[] a, int length) {
        return a.length >= length ? a : new float[length];
    }

    /** This thread's scratch array {@code i} of at least {@code length} floats, shared by all instances. */
    static float[] scratch(int i, int length) {
        float[][] s = SCRATCH.get();
        if (s[i] == null || s[i].length < length) {
            s[i] = new float[length];
        }
        return s[i];
    }

    /** Per filter, the sum of its gradient lanes over all positions, lane by lane, at {@code sums[so + f·16]}. */
    static void columnSums(float[] zl, int zb, int positions, int filters, float[] sums, int so) {
        for (int f = 0; f < filters; f++) {
            FloatVector a = FloatVector.zero(S);
            for (int q = 0, zq = zb + f * 16; q < positions; q++, zq += filters * 16) {
                a = a.add(FloatVector.fromArray(S, zl, zq));
            }
            a.intoArray(sums, so + f * 16);
        }
    }

    /**
     * One kernel row's sums: for each filter, its 16 lanes at {@code part[at + f·16]} of every block ({@code stride}
     * apart), added block by block and then lane by lane, into {@code out[f]} ({@code out} holds filters + 16;
     * {@code block}, 256 floats, is scratch).
     */
    static void foldLanes(float[] part, int at, int stride, int blocks, int filters, float[] block, float[] out) {
        for (int f0 = 0; f0 < filters; f0 += 16) {
            int n = Math.min(16, filters - f0);
            for (int f = 0; f < n; f++) {
                FloatVector a = FloatVector.fromArray(S, part, at + (f0 + f) * 16);
                for (int b = 1; b < blocks; b++) {
                    a = a.add(FloatVector.fromArray(S, part, b * stride + at + (f0 + f) * 16));
                }
                a.intoArray(block, f * 16);
            }
            // transposed, lane l of every filter is one row: adding the rows adds the lanes in order
            Transpose16.transpose(block, 0, 16, n, block, 0, 16, 16);
            FloatVector s = FloatVector.fromArray(S, block, 0);
            for (int l = 1; l < 16; l++) {
                s = s.add(FloatVector.fromArray(S, block, l * 16));
            }
            s.intoArray(out, f0);
        }
    }

    /**
     * Zeros {@code count} floats of gradient lanes at {@code zl[zb]} where the relu
     * output lanes at {@code ol[ob]} are 0.
     */
    static void reluMask(float[] zl, int zb, float[] ol, int ob, int count) {
        for (int i = 0; i < count; i += 16) {
            FloatVector z = FloatVector.fromArray(S, zl, zb + i);
            z.blend(0f, FloatVector.fromArray(S, ol, ob + i).eq(0f)).intoArray(zl, zb + i);
        }
    }
}
