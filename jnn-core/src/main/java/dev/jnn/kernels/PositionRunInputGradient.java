package dev.jnn.kernels;

import dev.jnn.tensor.Parallel;
import dev.jnn.tensor.Tensor;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

import java.util.Arrays;

/**
 * The input gradient of a float32 convolution with valid padding and stride 1, position by position: output
 * position (oy, ox) adds {@code Σ_f dz[oy, ox, f] · K[ky, ·, ·, f]} to input row {@code oy + ky}, where the
 * {@code kw·channels} values from column {@code ox} on are one contiguous run in the (row, column, channel) order.
 *
 * <p>Every product is useful except the lanes that round a run up to whole vectors, so this suits runs that nearly
 * fill them (LeNet-5's 5×5 kernel over 6 channels: 30 of 32 lanes), where {@link RowLanesInputGradient}'s lanes along
 * the rows also multiply the zero border of a full convolution. Two positions at a time, their runs for every kernel
 * row in registers: each kernel vector load serves two multiply-adds. A sample's sums go through a scratch that the
 * rounded-up lanes may run past, then into dx. Contributions are added in position order, per sample, so the
 * thread count never changes the bits.
 */
final class PositionRunInputGradient implements InputGradientKernel {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Kernel rows, whose runs two positions hold in registers (2 vectors each): 5 × 2 × 2 = 20 sums. */
    private static final int ROWS = 5;

    private final ConvGeometry g;
    private final int filters;
    /** Floats per run (kw·channels), and per input row. */
    private final int run;
    private final int rowLen;
    /** Per thread: a sample's sums, and the runs of a pair of positions. */
    private final ThreadLocal<float[][]> scratch;
    private float[] packedKernel = new float[0];

    PositionRunInputGradient(ConvGeometry g, int filters) {
        if (!suits(g)) {
            throw new IllegalArgumentException("PositionRunInputGradient needs valid padding, stride 1, " + ROWS
                    + " kernel rows and runs of 2 vectors");
        }
        this.g = g;
        this.filters = filters;
        this.run = g.kw() * g.channels();
        this.rowLen = g.width() * g.channels();
        int size = g.height() * rowLen + 2 * L;
        scratch = ThreadLocal.withInitial(() -> new float[][] {new float[size], new float[4 * ROWS * L]});
    }

    /**
     * Whether this kernel applies and multiplies fewer lanes than {@link RowLanesInputGradient}: valid padding, stride
     * 1, five kernel rows (fewer would leave some of its sums idle), and runs of more than one and a half vectors,
     * at most two.
     */
    static boolean suits(ConvGeometry g) {
        int run = g.kw() * g.channels();
        return g.padTop() == 0 && g.padLeft() == 0 && g.sy() == 1 && g.sx() == 1 && g.kh() == ROWS
                && 2 * run > 3 * L && run <= 2 * L;
    }

    @Override
    public void compute(Tensor dz, Tensor kernel, Tensor dx) {
        pack(kernel.floatData(), kernel.offset());
        int rows = dx.rows();
        int tasks = Parallel.tasksFor(rows);
        Parallel.forEach(tasks, t -> {
            float[][] buffers = scratch.get();
            float[] s = buffers[0];
            for (int n = rows * t / tasks; n < rows * (t + 1) / tasks; n++) {
                Arrays.fill(s, 0f);
                sample(dz.floatData(), dz.offset() + n * g.positions() * filters, s, buffers[1]);
                System.arraycopy(s, 0, dx.floatData(), dx.offset() + n * dx.cols(), g.height() * rowLen);
            }
        });
    }

    /** Per kernel row and filter, the run's two vectors, zero past the run: {@code [ky][f][2L]}. */
    private void pack(float[] k, int ko) {
        int size = ROWS * filters * 2 * L;
        if (packedKernel.length != size) {
            packedKernel = new float[size];
        }
        for (int ky = 0; ky < g.kh(); ky++) {
            for (int f = 0; f < filters; f++) {
                int d = (ky * filters + f) * 2 * L;
                for (int i = 0; i < 2 * L; i++) {
                    packedKernel[d + i] = i < run ? k[ko + (ky * run + i) * filters + f] : 0f;
                }
            }
        }
    }

    private void sample(float[] dz, int zo, float[] s, float[] sums) {
        int ow = g.outWidth();
        int c = g.channels();
        for (int oy = 0; oy < g.outHeight(); oy++) {
            int ox = 0;
            for (; ox + 2 <= ow; ox += 2) {
                pair(dz, zo + (oy * ow + ox) * filters, s, oy * rowLen + ox * c, sums);
            }
            if (ox < ow) {
                single(dz, zo + (oy * ow + ox) * filters, s, oy * rowLen + ox * c, sums);
            }
        }
    }

    /**
     * Positions whose dz rows start at {@code z} and {@code z + filters}: their runs added from {@code at} (the
     * first's window start) and one pixel on, for kernel rows 0 to 4.
     */
    private void pair(float[] dz, int z, float[] s, int at, float[] sums) {
        float[] k = packedKernel;
        FloatVector zero = FloatVector.zero(S);
        // a/b: the two positions; first digit: kernel row; second: vector of the run
        FloatVector a00 = zero, a01 = zero, a10 = zero, a11 = zero, a20 = zero, a21 = zero, a30 = zero,
                a31 = zero, a40 = zero, a41 = zero;
        FloatVector b00 = zero, b01 = zero, b10 = zero, b11 = zero, b20 = zero, b21 = zero, b30 = zero,
                b31 = zero, b40 = zero, b41 = zero;
        int rowStep = filters * 2 * L;
        for (int f = 0; f < filters; f++) {
            FloatVector u = FloatVector.broadcast(S, dz[z + f]);
            FloatVector v = FloatVector.broadcast(S, dz[z + filters + f]);
            int kf = f * 2 * L;
            FloatVector w = FloatVector.fromArray(S, k, kf);
            a00 = u.fma(w, a00);
            b00 = v.fma(w, b00);
            w = FloatVector.fromArray(S, k, kf + L);
            a01 = u.fma(w, a01);
            b01 = v.fma(w, b01);
            w = FloatVector.fromArray(S, k, kf + rowStep);
            a10 = u.fma(w, a10);
            b10 = v.fma(w, b10);
            w = FloatVector.fromArray(S, k, kf + rowStep + L);
            a11 = u.fma(w, a11);
            b11 = v.fma(w, b11);
            w = FloatVector.fromArray(S, k, kf + 2 * rowStep);
            a20 = u.fma(w, a20);
            b20 = v.fma(w, b20);
            w = FloatVector.fromArray(S, k, kf + 2 * rowStep + L);
            a21 = u.fma(w, a21);
            b21 = v.fma(w, b21);
            w = FloatVector.fromArray(S, k, kf + 3 * rowStep);
            a30 = u.fma(w, a30);
            b30 = v.fma(w, b30);
            w = FloatVector.fromArray(S, k, kf + 3 * rowStep + L);
            a31 = u.fma(w, a31);
            b31 = v.fma(w, b31);
            w = FloatVector.fromArray(S, k, kf + 4 * rowStep);
            a40 = u.fma(w, a40);
            b40 = v.fma(w, b40);
            w = FloatVector.fromArray(S, k, kf + 4 * rowStep + L);
            a41 = u.fma(w, a41);
            b41 = v.fma(w, b41);
        }
        // Through the sums array, not a helper taking vectors: a vector passed to a method that is not inlined is
        // boxed, and this method is too large for its callees to be inlined.
        a00.intoArray(sums, 0);
        a01.intoArray(sums, L);
        b00.intoArray(sums, 2 * L);
        b01.intoArray(sums, 3 * L);
        a10.intoArray(sums, 4 * L);
        a11.intoArray(sums, 5 * L);
        b10.intoArray(sums, 6 * L);
        b11.intoArray(sums, 7 * L);
        a20.intoArray(sums, 8 * L);
        a21.intoArray(sums, 9 * L);
        b20.intoArray(sums, 10 * L);
        b21.intoArray(sums, 11 * L);
        a30.intoArray(sums, 12 * L);
        a31.intoArray(sums, 13 * L);
        b30.intoArray(sums, 14 * L);
        b31.intoArray(sums, 15 * L);
        a40.intoArray(sums, 16 * L);
        a41.intoArray(sums, 17 * L);
        b40.intoArray(sums, 18 * L);
        b41.intoArray(sums, 19 * L);
        addRuns(sums, 2, s, at);
    }

    private void single(float[] dz, int z, float[] s, int at, float[] sums) {
        float[] k = packedKernel;
        int rowStep = filters * 2 * L;
        for (int ky = 0; ky < g.kh(); ky++) {
            FloatVector a0 = FloatVector.zero(S), a1 = a0;
            for (int f = 0; f < filters; f++) {
                FloatVector u = FloatVector.broadcast(S, dz[z + f]);
                int kf = ky * rowStep + f * 2 * L;
                a0 = u.fma(FloatVector.fromArray(S, k, kf), a0);
                a1 = u.fma(FloatVector.fromArray(S, k, kf + L), a1);
            }
            a0.intoArray(sums, 4 * ky * L);
            a1.intoArray(sums, (4 * ky + 1) * L);
        }
        addRuns(sums, 1, s, at);
    }

    /**
     * Adds the runs in {@code sums} ({@code [ky][position][2L]}, four vectors per kernel row) of {@code positions}
     * adjacent positions to the scratch, the first's window starting at {@code at}; lanes past a run carry zeros.
     */
    private void addRuns(float[] sums, int positions, float[] s, int at) {
        int c = g.channels();
        // Position by position: a run read right after an overlapping one is stored would wait for that store
        for (int p = 0; p < positions; p++) {
            for (int ky = 0; ky < g.kh(); ky++) {
                int from = (4 * ky + 2 * p) * L;
                int to = at + ky * rowLen + p * c;
                FloatVector.fromArray(S, s, to).add(FloatVector.fromArray(S, sums, from)).intoArray(s, to);
                FloatVector.fromArray(S, s, to + L).add(FloatVector.fromArray(S, sums, from + L)).intoArray(s, to + L);
            }
        }
    }
}
