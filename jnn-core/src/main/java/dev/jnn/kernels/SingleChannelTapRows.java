package dev.jnn.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link SingleChannelConv}'s kernels for kernels of any height: every tap loads its own input vectors, each feeding
 * one output row. ({@link SingleChannelRollingRows} shares the loads of three-row kernels between rows.)
 *
 * <p>Layouts are {@link SingleChannelConv}'s: expanded pixels, chunks of {@code span = vectors·L} lanes and
 * {@code perRow} chunks per output row; output and gradient rows here lie {@code perRow·span} floats apart.
 */
final class SingleChannelTapRows {
    private static final VectorSpecies<Float> S = SingleChannelRollingRows.S;
    private static final int L = S.length();

    private final int vectors;
    private final int perRow;
    private final int span;
    private final int filters;
    /** Expanded floats per input row. */
    private final int rowStep;
    /** The taps: kh·kw of them. */
    private final int k;
    /** Each tap's offset, in pixels, from its position's first pixel; padded to a multiple of 3 with zeros. */
    private final int[] tap;
    /** Expanded-pixel offset of each chunk (row-major over rows, then chunks): its first pixel's. */
    private final int[] chunkAt;

    SingleChannelTapRows(ConvGeometry g, int filters, int vectors, int perRow) {
        this.vectors = vectors;
        this.perRow = perRow;
        this.span = vectors * L;
        this.filters = filters;
        this.rowStep = g.width() * filters;
        this.k = g.kh() * g.kw();
        tap = new int[paddedTaps(k)];
        for (int t = 0; t < k; t++) {
            tap[t] = t / g.kw() * g.width() + t % g.kw();
        }
        chunkAt = new int[g.outHeight() * perRow];
        for (int r = 0; r < chunkAt.length; r++) {
            chunkAt[r] = r / perRow * rowStep + r % perRow * span;
        }
    }

    /**
     * The rows of tap sums that {@link #kernelGradient} writes: {@code k} rounded up to a multiple of 3, as it takes
     * the taps three at a time (the sums of the padding taps are never read).
     */
    static int paddedTaps(int k) {
        return (k + 2) / 3 * 3;
    }

    /**
     * Output rows {@code oy0 <= oy < oy1} from expanded pixels {@code e}, the repeated kernel {@code kp} and bias,
     * relu'd when {@code floor} is 0 (−∞ leaves it alone); row {@code oy0} at {@code out[oo]}, rows {@code stride}
     * floats apart. Whole chunks are stored: with rows closer than {@code perRow·span} floats, a row's last lanes
     * land on the next row, whose own stores come later, or past the last row.
     */
    void forward(float[] e, float[] kp, float[] bias, float floorValue, int oy0, int oy1, float[] out, int oo,
            int stride) {
        FloatVector floor = FloatVector.broadcast(S, floorValue);
        int[] d = tap;
        for (int oy = oy0; oy < oy1; oy++) {
            int er = oy * rowStep;
            int or = oo + (oy - oy0) * stride;
            int c = 0;
            for (; c + 4 <= perRow; c += 4) {
                for (int j = 0; j < vectors; j++) {
                    FloatVector b = FloatVector.fromArray(S, bias, j * L);
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
                    FloatVector a0 = FloatVector.fromArray(S, bias, j * L);
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

    /**
     * Adds vector {@code j} of each tap's products to {@code sums} (tap-major, {@code vectors} vectors per tap).
     * {@code grad} holds the output rows' gradients {@code perRow·span} floats apart, zero past each row's end.
     */
    void kernelGradient(float[] e, float[] grad, int j, float[] sums) {
        int chunks = chunkAt.length;
        int[] at = chunkAt;
        int[] d = tap;
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
                int p0 = at[r];
                a0 = FloatVector.fromArray(S, e, p0 + d0).fma(g0, a0);
                a1 = FloatVector.fromArray(S, e, p0 + d1).fma(g0, a1);
                a2 = FloatVector.fromArray(S, e, p0 + d2).fma(g0, a2);
            }
            add(sums, (t * vectors + j) * L, a0.add(b0));
            add(sums, ((t + 1) * vectors + j) * L, a1.add(b1));
            add(sums, ((t + 2) * vectors + j) * L, a2.add(b2));
        }
    }

    private static void add(float[] sums, int at, FloatVector v) {
        FloatVector.fromArray(S, sums, at).add(v).intoArray(sums, at);
    }
}
