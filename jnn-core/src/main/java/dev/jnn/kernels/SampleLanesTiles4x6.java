package dev.jnn.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link SampleLanesConv}'s register tiles for filter counts that are multiples of six (LeNet's first layer): four
 * rows by six filters, with {@link SampleLanesTiles6x4}'s layouts and naming. Per step, one load or broadcast serves
 * four multiply-adds here too.
 */
final class SampleLanesTiles4x6 {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_512;

    private SampleLanesTiles4x6() {
    }

    /**
     * Forward: positions q to q + 3 (rows) times filters f0 to f0 + 5 (columns), as
     * {@link SampleLanesTiles6x4#forward6x4} computes its 6 × 4.
     */
    static void forward4x6(float[] xl, int xb, int[] window16, int q, int[] tap16, float[] kern, int ko, int filters,
            int f0, float[] bias, int bo, float floorValue, float[] ol, int ob) {
        int p0 = xb + window16[q], p1 = xb + window16[q + 1], p2 = xb + window16[q + 2], p3 = xb + window16[q + 3];
        FloatVector c0 = FloatVector.broadcast(S, bias[bo + f0 + 0]);
        FloatVector c1 = FloatVector.broadcast(S, bias[bo + f0 + 1]);
        FloatVector c2 = FloatVector.broadcast(S, bias[bo + f0 + 2]);
        FloatVector c3 = FloatVector.broadcast(S, bias[bo + f0 + 3]);
        FloatVector c4 = FloatVector.broadcast(S, bias[bo + f0 + 4]);
        FloatVector c5 = FloatVector.broadcast(S, bias[bo + f0 + 5]);
        FloatVector a00 = c0, a01 = c1, a02 = c2, a03 = c3, a04 = c4, a05 = c5;
        FloatVector a10 = c0, a11 = c1, a12 = c2, a13 = c3, a14 = c4, a15 = c5;
        FloatVector a20 = c0, a21 = c1, a22 = c2, a23 = c3, a24 = c4, a25 = c5;
        FloatVector a30 = c0, a31 = c1, a32 = c2, a33 = c3, a34 = c4, a35 = c5;
        for (int t = 0, kt = ko + f0; t < tap16.length; t++, kt += filters) {
            int d = tap16[t];
            FloatVector v0 = FloatVector.fromArray(S, xl, p0 + d), v1 = FloatVector.fromArray(S, xl, p1 + d);
            FloatVector v2 = FloatVector.fromArray(S, xl, p2 + d), v3 = FloatVector.fromArray(S, xl, p3 + d);
            FloatVector w = FloatVector.broadcast(S, kern[kt]);
            a00 = v0.fma(w, a00);
            a10 = v1.fma(w, a10);
            a20 = v2.fma(w, a20);
            a30 = v3.fma(w, a30);
            w = FloatVector.broadcast(S, kern[kt + 1]);
            a01 = v0.fma(w, a01);
            a11 = v1.fma(w, a11);
            a21 = v2.fma(w, a21);
            a31 = v3.fma(w, a31);
            w = FloatVector.broadcast(S, kern[kt + 2]);
            a02 = v0.fma(w, a02);
            a12 = v1.fma(w, a12);
            a22 = v2.fma(w, a22);
            a32 = v3.fma(w, a32);
            w = FloatVector.broadcast(S, kern[kt + 3]);
            a03 = v0.fma(w, a03);
            a13 = v1.fma(w, a13);
            a23 = v2.fma(w, a23);
            a33 = v3.fma(w, a33);
            w = FloatVector.broadcast(S, kern[kt + 4]);
            a04 = v0.fma(w, a04);
            a14 = v1.fma(w, a14);
            a24 = v2.fma(w, a24);
            a34 = v3.fma(w, a34);
            w = FloatVector.broadcast(S, kern[kt + 5]);
            a05 = v0.fma(w, a05);
            a15 = v1.fma(w, a15);
            a25 = v2.fma(w, a25);
            a35 = v3.fma(w, a35);
        }
        FloatVector floor = FloatVector.broadcast(S, floorValue);
        int step = filters * 16;
        int o = ob + (q * filters + f0) * 16;
        a00.max(floor).intoArray(ol, o);
        a01.max(floor).intoArray(ol, o + 16);
        a02.max(floor).intoArray(ol, o + 32);
        a03.max(floor).intoArray(ol, o + 48);
        a04.max(floor).intoArray(ol, o + 64);
        a05.max(floor).intoArray(ol, o + 80);
        o += step;
        a10.max(floor).intoArray(ol, o);
        a11.max(floor).intoArray(ol, o + 16);
        a12.max(floor).intoArray(ol, o + 32);
        a13.max(floor).intoArray(ol, o + 48);
        a14.max(floor).intoArray(ol, o + 64);
        a15.max(floor).intoArray(ol, o + 80);
        o += step;
        a20.max(floor).intoArray(ol, o);
        a21.max(floor).intoArray(ol, o + 16);
        a22.max(floor).intoArray(ol, o + 32);
        a23.max(floor).intoArray(ol, o + 48);
        a24.max(floor).intoArray(ol, o + 64);
        a25.max(floor).intoArray(ol, o + 80);
        o += step;
        a30.max(floor).intoArray(ol, o);
        a31.max(floor).intoArray(ol, o + 16);
        a32.max(floor).intoArray(ol, o + 32);
        a33.max(floor).intoArray(ol, o + 48);
        a34.max(floor).intoArray(ol, o + 64);
        a35.max(floor).intoArray(ol, o + 80);
    }

    /**
     * Kernel gradient: taps t0 to t0 + 3 (rows) times filters f0 to f0 + 5 (columns), as
     * {@link SampleLanesTiles6x4#gradient6x4} computes its 6 × 4.
     */
    static void gradient4x6(float[] xl, int xb, int[] window16, int positions, int[] tap16, int t0, float[] zl,
            int zb, int filters, int f0, float[] sums, int so) {
        int d0 = tap16[t0], d1 = tap16[t0 + 1], d2 = tap16[t0 + 2], d3 = tap16[t0 + 3];
        FloatVector z = FloatVector.zero(S);
        FloatVector a00 = z, a01 = z, a02 = z, a03 = z, a04 = z, a05 = z;
        FloatVector a10 = z, a11 = z, a12 = z, a13 = z, a14 = z, a15 = z;
        FloatVector a20 = z, a21 = z, a22 = z, a23 = z, a24 = z, a25 = z;
        FloatVector a30 = z, a31 = z, a32 = z, a33 = z, a34 = z, a35 = z;
        int step = filters * 16;
        for (int q = 0, zq = zb + f0 * 16; q < positions; q++, zq += step) {
            int p = xb + window16[q];
            FloatVector v0 = FloatVector.fromArray(S, xl, p + d0), v1 = FloatVector.fromArray(S, xl, p + d1);
            FloatVector v2 = FloatVector.fromArray(S, xl, p + d2), v3 = FloatVector.fromArray(S, xl, p + d3);
            FloatVector g = FloatVector.fromArray(S, zl, zq);
            a00 = v0.fma(g, a00);
            a10 = v1.fma(g, a10);
            a20 = v2.fma(g, a20);
            a30 = v3.fma(g, a30);
            g = FloatVector.fromArray(S, zl, zq + 16);
            a01 = v0.fma(g, a01);
            a11 = v1.fma(g, a11);
            a21 = v2.fma(g, a21);
            a31 = v3.fma(g, a31);
            g = FloatVector.fromArray(S, zl, zq + 32);
            a02 = v0.fma(g, a02);
            a12 = v1.fma(g, a12);
            a22 = v2.fma(g, a22);
            a32 = v3.fma(g, a32);
            g = FloatVector.fromArray(S, zl, zq + 48);
            a03 = v0.fma(g, a03);
            a13 = v1.fma(g, a13);
            a23 = v2.fma(g, a23);
            a33 = v3.fma(g, a33);
            g = FloatVector.fromArray(S, zl, zq + 64);
            a04 = v0.fma(g, a04);
            a14 = v1.fma(g, a14);
            a24 = v2.fma(g, a24);
            a34 = v3.fma(g, a34);
            g = FloatVector.fromArray(S, zl, zq + 80);
            a05 = v0.fma(g, a05);
            a15 = v1.fma(g, a15);
            a25 = v2.fma(g, a25);
            a35 = v3.fma(g, a35);
        }
        int o = so + (t0 * filters + f0) * 16;
        a00.intoArray(sums, o);
        a01.intoArray(sums, o + 16);
        a02.intoArray(sums, o + 32);
        a03.intoArray(sums, o + 48);
        a04.intoArray(sums, o + 64);
        a05.intoArray(sums, o + 80);
        o += step;
        a10.intoArray(sums, o);
        a11.intoArray(sums, o + 16);
        a12.intoArray(sums, o + 32);
        a13.intoArray(sums, o + 48);
        a14.intoArray(sums, o + 64);
        a15.intoArray(sums, o + 80);
        o += step;
        a20.intoArray(sums, o);
        a21.intoArray(sums, o + 16);
        a22.intoArray(sums, o + 32);
        a23.intoArray(sums, o + 48);
        a24.intoArray(sums, o + 64);
        a25.intoArray(sums, o + 80);
        o += step;
        a30.intoArray(sums, o);
        a31.intoArray(sums, o + 16);
        a32.intoArray(sums, o + 32);
        a33.intoArray(sums, o + 48);
        a34.intoArray(sums, o + 64);
        a35.intoArray(sums, o + 80);
    }
}
