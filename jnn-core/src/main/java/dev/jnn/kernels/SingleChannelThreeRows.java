package dev.jnn.kernels;

import jdk.incubator.vector.FloatVector;

/**
 * {@link SingleChannelRollingRows} for kernels of three rows: every vector loaded from input row {@code r} feeds output rows r,
 * r−1 and r−2 in the forward pass, and meets those rows' gradients in the kernel gradient.
 *
 * <p>Each method computes vector {@code j} of every chunk, so that the sums of four chunks and three rows fit in
 * registers. Blocks of four chunks, then single chunks.
 */
final class SingleChannelThreeRows extends SingleChannelRollingRows {
    SingleChannelThreeRows(ConvGeometry g, int filters, int vectors, int perRow) {
        super(g, filters, vectors, perRow, 3, 4);
    }

    /** Four chunks from chunk {@code c}. Vectors come from arrays here: passed in, they would be boxed. */
    @Override
    void forward4(float[] e, float[] kp, float[] bias, int j, int c, float floorValue, float[] out) {
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

    @Override
    void forward1(float[] e, float[] kp, float[] bias, int j, int c, float floorValue, float[] out) {
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

    /** Column {@code kx} of the kernel, four chunks from chunk {@code c}. */
    @Override
    void gradientBlock(float[] e, float[] grad, int j, int c, int kx, float[] sums) {
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

    @Override
    void gradient1(float[] e, float[] grad, int j, int c, int kx, float[] sums) {
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
}
