package dev.jnn.kernels;

import jdk.incubator.vector.FloatVector;

/**
 * {@link SingleChannelRollingRows} for kernels of five rows (LeNet-5's 5×5): every vector loaded from input row {@code r} feeds
 * output rows r to r−4 in the forward pass, and meets those rows' gradients in the kernel gradient.
 *
 * <p>Each method computes vector {@code j} of every chunk. The forward pass holds four chunks' sums for the five
 * rows in registers (20 of them), the kernel gradient two chunks' sums and their rows' gradients (another 20);
 * single chunks follow. Accumulators are named {@code s<kernel row><chunk>}.
 */
final class SingleChannelFiveRows extends SingleChannelRollingRows {
    SingleChannelFiveRows(ConvGeometry g, int filters, int vectors, int perRow) {
        super(g, filters, vectors, perRow, 5, 2);
    }

    /** Four chunks from chunk {@code c}. Vectors come from arrays here: passed in, they would be boxed. */
    @Override
    void forward4(float[] e, float[] kp, float[] bias, int j, int c, float floorValue, float[] out) {
        FloatVector b = FloatVector.fromArray(S, bias, j * L);
        FloatVector floor = FloatVector.broadcast(S, floorValue);
        FloatVector s00 = b, s01 = b, s02 = b, s03 = b; // output row r (kernel row 0), chunks c to c + 3
        FloatVector s10 = b, s11 = b, s12 = b, s13 = b; // r - 1
        FloatVector s20 = b, s21 = b, s22 = b, s23 = b; // r - 2
        FloatVector s30 = b, s31 = b, s32 = b, s33 = b; // r - 3
        FloatVector s40 = b, s41 = b, s42 = b, s43 = b; // r - 4
        int kStep = kw * vectors * L;
        for (int r = 0; r < inRows; r++) {
            int q = r * rowStep + c * span + j * L;
            for (int kx = 0; kx < kw; kx++, q += pixelStep) {
                int kt = (kx * vectors + j) * L;
                FloatVector w0 = FloatVector.fromArray(S, kp, kt);
                FloatVector w1 = FloatVector.fromArray(S, kp, kt + kStep);
                FloatVector w2 = FloatVector.fromArray(S, kp, kt + 2 * kStep);
                FloatVector w3 = FloatVector.fromArray(S, kp, kt + 3 * kStep);
                FloatVector w4 = FloatVector.fromArray(S, kp, kt + 4 * kStep);
                FloatVector v = FloatVector.fromArray(S, e, q);
                s00 = v.fma(w0, s00);
                s10 = v.fma(w1, s10);
                s20 = v.fma(w2, s20);
                s30 = v.fma(w3, s30);
                s40 = v.fma(w4, s40);
                v = FloatVector.fromArray(S, e, q + span);
                s01 = v.fma(w0, s01);
                s11 = v.fma(w1, s11);
                s21 = v.fma(w2, s21);
                s31 = v.fma(w3, s31);
                s41 = v.fma(w4, s41);
                v = FloatVector.fromArray(S, e, q + 2 * span);
                s02 = v.fma(w0, s02);
                s12 = v.fma(w1, s12);
                s22 = v.fma(w2, s22);
                s32 = v.fma(w3, s32);
                s42 = v.fma(w4, s42);
                v = FloatVector.fromArray(S, e, q + 3 * span);
                s03 = v.fma(w0, s03);
                s13 = v.fma(w1, s13);
                s23 = v.fma(w2, s23);
                s33 = v.fma(w3, s33);
                s43 = v.fma(w4, s43);
            }
            int o = r * stride + c * span + j * L;
            s40.max(floor).intoArray(out, o);
            s41.max(floor).intoArray(out, o + span);
            s42.max(floor).intoArray(out, o + 2 * span);
            s43.max(floor).intoArray(out, o + 3 * span);
            s40 = s30;
            s41 = s31;
            s42 = s32;
            s43 = s33;
            s30 = s20;
            s31 = s21;
            s32 = s22;
            s33 = s23;
            s20 = s10;
            s21 = s11;
            s22 = s12;
            s23 = s13;
            s10 = s00;
            s11 = s01;
            s12 = s02;
            s13 = s03;
            s00 = b;
            s01 = b;
            s02 = b;
            s03 = b;
        }
    }

    @Override
    void forward1(float[] e, float[] kp, float[] bias, int j, int c, float floorValue, float[] out) {
        FloatVector b = FloatVector.fromArray(S, bias, j * L);
        FloatVector floor = FloatVector.broadcast(S, floorValue);
        FloatVector s0 = b, s1 = b, s2 = b, s3 = b, s4 = b;
        int kStep = kw * vectors * L;
        for (int r = 0; r < inRows; r++) {
            int q = r * rowStep + c * span + j * L;
            for (int kx = 0; kx < kw; kx++, q += pixelStep) {
                int kt = (kx * vectors + j) * L;
                FloatVector v = FloatVector.fromArray(S, e, q);
                s0 = v.fma(FloatVector.fromArray(S, kp, kt), s0);
                s1 = v.fma(FloatVector.fromArray(S, kp, kt + kStep), s1);
                s2 = v.fma(FloatVector.fromArray(S, kp, kt + 2 * kStep), s2);
                s3 = v.fma(FloatVector.fromArray(S, kp, kt + 3 * kStep), s3);
                s4 = v.fma(FloatVector.fromArray(S, kp, kt + 4 * kStep), s4);
            }
            s4.max(floor).intoArray(out, r * stride + c * span + j * L);
            s4 = s3;
            s3 = s2;
            s2 = s1;
            s1 = s0;
            s0 = b;
        }
    }

    /** Column {@code kx} of the kernel, chunks {@code c} and {@code c + 1}. */
    @Override
    void gradientBlock(float[] e, float[] grad, int j, int c, int kx, float[] sums) {
        FloatVector zero = FloatVector.zero(S);
        FloatVector s00 = zero, s10 = zero, s20 = zero, s30 = zero, s40 = zero; // kernel rows 0 to 4, chunk c
        FloatVector s01 = zero, s11 = zero, s21 = zero, s31 = zero, s41 = zero; // chunk c + 1
        // the gradients of output rows r - 1 to r - 4 (g1x to g4x), for chunks c (x = 0) and c + 1 (x = 1)
        FloatVector g10 = zero, g20 = zero, g30 = zero, g40 = zero;
        FloatVector g11 = zero, g21 = zero, g31 = zero, g41 = zero;
        for (int r = 0; r < inRows; r++) {
            int q = r * rowStep + c * span + j * L + kx * pixelStep;
            int go = r * stride + c * span + j * L;
            FloatVector g00 = FloatVector.fromArray(S, grad, go);
            FloatVector g01 = FloatVector.fromArray(S, grad, go + span);
            FloatVector v = FloatVector.fromArray(S, e, q);
            s00 = v.fma(g00, s00);
            s10 = v.fma(g10, s10);
            s20 = v.fma(g20, s20);
            s30 = v.fma(g30, s30);
            s40 = v.fma(g40, s40);
            v = FloatVector.fromArray(S, e, q + span);
            s01 = v.fma(g01, s01);
            s11 = v.fma(g11, s11);
            s21 = v.fma(g21, s21);
            s31 = v.fma(g31, s31);
            s41 = v.fma(g41, s41);
            g40 = g30;
            g41 = g31;
            g30 = g20;
            g31 = g21;
            g20 = g10;
            g21 = g11;
            g10 = g00;
            g11 = g01;
        }
        int kStep = kw * vectors * L;
        int at = (kx * vectors + j) * L;
        add(sums, at, s00.add(s01));
        add(sums, at + kStep, s10.add(s11));
        add(sums, at + 2 * kStep, s20.add(s21));
        add(sums, at + 3 * kStep, s30.add(s31));
        add(sums, at + 4 * kStep, s40.add(s41));
    }

    @Override
    void gradient1(float[] e, float[] grad, int j, int c, int kx, float[] sums) {
        FloatVector zero = FloatVector.zero(S);
        FloatVector s0 = zero, s1 = zero, s2 = zero, s3 = zero, s4 = zero;
        FloatVector g1 = zero, g2 = zero, g3 = zero, g4 = zero;
        for (int r = 0; r < inRows; r++) {
            FloatVector g0 = FloatVector.fromArray(S, grad, r * stride + c * span + j * L);
            FloatVector v = FloatVector.fromArray(S, e, r * rowStep + c * span + j * L + kx * pixelStep);
            s0 = v.fma(g0, s0);
            s1 = v.fma(g1, s1);
            s2 = v.fma(g2, s2);
            s3 = v.fma(g3, s3);
            s4 = v.fma(g4, s4);
            g4 = g3;
            g3 = g2;
            g2 = g1;
            g1 = g0;
        }
        int kStep = kw * vectors * L;
        int at = (kx * vectors + j) * L;
        add(sums, at, s0);
        add(sums, at + kStep, s1);
        add(sums, at + 2 * kStep, s2);
        add(sums, at + 3 * kStep, s3);
        add(sums, at + 4 * kStep, s4);
    }
}
