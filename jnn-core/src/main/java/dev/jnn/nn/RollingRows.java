package dev.jnn.nn;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link SingleChannelConv}'s kernels for kernels of three rows. They walk down the input rows once, and every
 * vector loaded from input row {@code r} serves all three kernel rows: in the forward pass it feeds output rows r,
 * r−1 and r−2, whose sums stay in registers as the walk moves on; in the kernel gradient it meets the gradients of
 * those rows, kept likewise. The general kernels load each input vector once per kernel row, and those loads, not
 * the multiplies, bound them. The forward sums keep the general kernel's order (bias, then the taps row by row), so
 * the outputs are the same bits.
 *
 * <p>Layouts are {@link SingleChannelConv}'s: expanded pixels, chunks of {@code span = vectors·L} lanes and
 * {@code perRow} chunks per output row; output and gradient rows here lie {@code perRow·span} floats apart.
 * Each method computes vector {@code j} of every chunk, so that the sums of four chunks and three rows fit in
 * registers. Blocks of four chunks, then single chunks.
 */
final class RollingRows {
    /** {@link SingleChannelConv}'s species, a constant here: the Vector API compiles to vectors only with one. */
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private final int vectors;
    private final int perRow;
    private final int span;
    private final int stride;
    /** Expanded floats per input row, the input rows, and the kernel's width. */
    private final int rowStep;
    private final int inRows;
    private final int kw;
    /** Expanded floats between horizontally adjacent pixels (the filter count). */
    private final int pixelStep;

    RollingRows(Im2col g, int filters, int vectors, int perRow) {
        if (g.kh() != 3) {
            throw new IllegalArgumentException("RollingRows needs a kernel of 3 rows, got " + g.kh());
        }
        this.vectors = vectors;
        this.perRow = perRow;
        this.span = vectors * L;
        this.stride = perRow * span;
        this.rowStep = g.width() * filters;
        this.inRows = g.height();
        this.kw = g.kw();
        this.pixelStep = filters;
    }

    /** Floats between rows of the forward's output and of the kernel gradient's gradient rows. */
    int stride() {
        return stride;
    }

    /**
     * Vector {@code j} of every output chunk, relu'd when {@code floor} is 0 (−∞ leaves it alone), from expanded
     * pixels {@code e} and the repeated kernel {@code kp} and bias. Output row {@code oy} lands at row
     * {@code oy + 2} of {@code out}: rows 0 and 1 take the throwaway sums of the walk's first two steps.
     */
    void forward(float[] e, float[] kp, float[] bias, int j, float floor, float[] out) {
        int c = 0;
        for (; c + 4 <= perRow; c += 4) {
            forward4(e, kp, bias, j, c, floor, out);
        }
        for (; c < perRow; c++) {
            forward1(e, kp, bias, j, c, floor, out);
        }
    }

    /** Four chunks from chunk {@code c}. Vectors come from arrays here: passed in, they would be boxed. */
    private void forward4(float[] e, float[] kp, float[] bias, int j, int c, float floorValue, float[] out) {
        FloatVector b = FloatVector.fromArray(S, bias, j * L);
        FloatVector floor = FloatVector.broadcast(S, floorValue);
        FloatVector a0 = b, a1 = b, a2 = b, a3 = b; // output row r, chunks c to c + 3
        FloatVector b0 = b, b1 = b, b2 = b, b3 = b; // r - 1
        FloatVector c0 = b, c1 = b, c2 = b, c3 = b; // r - 2
        for (int r = 0; r < inRows; r++) {
            int q = r * rowStep + c * span + j * L;
            for (int kx = 0; kx < kw; kx++, q += pixelStep) {
                FloatVector w0 = FloatVector.fromArray(S, kp, (kx * vectors + j) * L);
                FloatVector w1 = FloatVector.fromArray(S, kp, ((kw + kx) * vectors + j) * L);
                FloatVector w2 = FloatVector.fromArray(S, kp, ((2 * kw + kx) * vectors + j) * L);
                FloatVector v = FloatVector.fromArray(S, e, q);
                a0 = v.fma(w0, a0);
                b0 = v.fma(w1, b0);
                c0 = v.fma(w2, c0);
                v = FloatVector.fromArray(S, e, q + span);
                a1 = v.fma(w0, a1);
                b1 = v.fma(w1, b1);
                c1 = v.fma(w2, c1);
                v = FloatVector.fromArray(S, e, q + 2 * span);
                a2 = v.fma(w0, a2);
                b2 = v.fma(w1, b2);
                c2 = v.fma(w2, c2);
                v = FloatVector.fromArray(S, e, q + 3 * span);
                a3 = v.fma(w0, a3);
                b3 = v.fma(w1, b3);
                c3 = v.fma(w2, c3);
            }
            int o = r * stride + c * span + j * L;
            c0.max(floor).intoArray(out, o);
            c1.max(floor).intoArray(out, o + span);
            c2.max(floor).intoArray(out, o + 2 * span);
            c3.max(floor).intoArray(out, o + 3 * span);
            c0 = b0;
            c1 = b1;
            c2 = b2;
            c3 = b3;
            b0 = a0;
            b1 = a1;
            b2 = a2;
            b3 = a3;
            a0 = b;
            a1 = b;
            a2 = b;
            a3 = b;
        }
    }

    private void forward1(float[] e, float[] kp, float[] bias, int j, int c, float floorValue, float[] out) {
        FloatVector b = FloatVector.fromArray(S, bias, j * L);
        FloatVector floor = FloatVector.broadcast(S, floorValue);
        FloatVector a0 = b, b0 = b, c0 = b;
        for (int r = 0; r < inRows; r++) {
            int q = r * rowStep + c * span + j * L;
            for (int kx = 0; kx < kw; kx++, q += pixelStep) {
                FloatVector v = FloatVector.fromArray(S, e, q);
                a0 = v.fma(FloatVector.fromArray(S, kp, (kx * vectors + j) * L), a0);
                b0 = v.fma(FloatVector.fromArray(S, kp, ((kw + kx) * vectors + j) * L), b0);
                c0 = v.fma(FloatVector.fromArray(S, kp, ((2 * kw + kx) * vectors + j) * L), c0);
            }
            c0.max(floor).intoArray(out, r * stride + c * span + j * L);
            c0 = b0;
            b0 = a0;
            a0 = b;
        }
    }

    /**
     * Adds vector {@code j} of each tap's products to {@code sums} (tap-major, {@code vectors} vectors per tap).
     * {@code grad} holds the output rows' gradients {@link #stride()} floats apart, zero in the lanes past each
     * row's end, then two rows of zeros, which the walk's last two steps read.
     */
    void kernelGradient(float[] e, float[] grad, int j, float[] sums) {
        int c = 0;
        for (; c + 4 <= perRow; c += 4) {
            for (int kx = 0; kx < kw; kx++) {
                gradient4(e, grad, j, c, kx, sums);
            }
        }
        for (; c < perRow; c++) {
            for (int kx = 0; kx < kw; kx++) {
                gradient1(e, grad, j, c, kx, sums);
            }
        }
    }

    /** Column {@code kx} of the kernel, four chunks from chunk {@code c}. */
    private void gradient4(float[] e, float[] grad, int j, int c, int kx, float[] sums) {
        FloatVector zero = FloatVector.zero(S);
        // kernel rows 0, 1, 2 for chunks c and c + 2 (x) and c + 1 and c + 3 (y)
        FloatVector x0 = zero, x1 = zero, x2 = zero, y0 = zero, y1 = zero, y2 = zero;
        // the gradients of output rows r - 1 and r - 2, per chunk
        FloatVector g10 = zero, g11 = zero, g12 = zero, g13 = zero;
        FloatVector g20 = zero, g21 = zero, g22 = zero, g23 = zero;
        for (int r = 0; r < inRows; r++) {
            int q = r * rowStep + c * span + j * L + kx * pixelStep;
            int go = r * stride + c * span + j * L;
            FloatVector g00 = FloatVector.fromArray(S, grad, go);
            FloatVector g01 = FloatVector.fromArray(S, grad, go + span);
            FloatVector g02 = FloatVector.fromArray(S, grad, go + 2 * span);
            FloatVector g03 = FloatVector.fromArray(S, grad, go + 3 * span);
            FloatVector v = FloatVector.fromArray(S, e, q);
            x0 = v.fma(g00, x0);
            x1 = v.fma(g10, x1);
            x2 = v.fma(g20, x2);
            v = FloatVector.fromArray(S, e, q + span);
            y0 = v.fma(g01, y0);
            y1 = v.fma(g11, y1);
            y2 = v.fma(g21, y2);
            v = FloatVector.fromArray(S, e, q + 2 * span);
            x0 = v.fma(g02, x0);
            x1 = v.fma(g12, x1);
            x2 = v.fma(g22, x2);
            v = FloatVector.fromArray(S, e, q + 3 * span);
            y0 = v.fma(g03, y0);
            y1 = v.fma(g13, y1);
            y2 = v.fma(g23, y2);
            g20 = g10;
            g21 = g11;
            g22 = g12;
            g23 = g13;
            g10 = g00;
            g11 = g01;
            g12 = g02;
            g13 = g03;
        }
        add(sums, (kx * vectors + j) * L, x0.add(y0));
        add(sums, ((kw + kx) * vectors + j) * L, x1.add(y1));
        add(sums, ((2 * kw + kx) * vectors + j) * L, x2.add(y2));
    }

    private void gradient1(float[] e, float[] grad, int j, int c, int kx, float[] sums) {
        FloatVector zero = FloatVector.zero(S);
        FloatVector x0 = zero, x1 = zero, x2 = zero, g1 = zero, g2 = zero;
        for (int r = 0; r < inRows; r++) {
            FloatVector g0 = FloatVector.fromArray(S, grad, r * stride + c * span + j * L);
            FloatVector v = FloatVector.fromArray(S, e, r * rowStep + c * span + j * L + kx * pixelStep);
            x0 = v.fma(g0, x0);
            x1 = v.fma(g1, x1);
            x2 = v.fma(g2, x2);
            g2 = g1;
            g1 = g0;
        }
        add(sums, (kx * vectors + j) * L, x0);
        add(sums, ((kw + kx) * vectors + j) * L, x1);
        add(sums, ((2 * kw + kx) * vectors + j) * L, x2);
    }

    private static void add(float[] sums, int at, FloatVector v) {
        FloatVector.fromArray(S, sums, at).add(v).intoArray(sums, at);
    }
}
