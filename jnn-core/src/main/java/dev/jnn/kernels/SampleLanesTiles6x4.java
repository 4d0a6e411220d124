package dev.jnn.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link SampleLanesConv}'s register tiles: 24 sums, each a vector of 16 samples, and per step one load or one
 * broadcast for every four multiply-adds (a broadcast per multiply-add, as with filters in the lanes, runs at ~70%
 * of the multiply-add rate on AVX-512; one per four at ~97%).
 *
 * <p>Layouts: {@code xl} holds a block's input as (feature, lane), {@code zl} its output gradient likewise, with
 * feature {@code q·filters + f} for position q and filter f. Offsets named {@code …16} are in floats (features
 * times 16). Sums are named {@code a<row><column>}; the vectors are locals, written out, as a vector in an array or
 * passed to a method that is not inlined is boxed.
 */
final class SampleLanesTiles6x4 {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_512;

    private SampleLanesTiles6x4() {
    }

    /**
     * Forward: positions q to q + 5 (rows) times filters f0 to f0 + 3 (columns), the bias plus every tap's input
     * times kernel value, floored (relu with 0, none with −∞), stored as features of {@code ol}.
     */
    static void forward6x4(float[] xl, int xb, int[] window16, int q, int[] tap16, float[] kern, int ko, int filters,
            int f0, float[] bias, int bo, float floorValue, float[] ol, int ob) {
        int p0 = xb + window16[q], p1 = xb + window16[q + 1], p2 = xb + window16[q + 2];
        int p3 = xb + window16[q + 3], p4 = xb + window16[q + 4], p5 = xb + window16[q + 5];
        FloatVector c0 = FloatVector.broadcast(S, bias[bo + f0]), c1 = FloatVector.broadcast(S, bias[bo + f0 + 1]);
        FloatVector c2 = FloatVector.broadcast(S, bias[bo + f0 + 2]), c3 = FloatVector.broadcast(S, bias[bo + f0 + 3]);
        FloatVector a00 = c0, a01 = c1, a02 = c2, a03 = c3, a10 = c0, a11 = c1, a12 = c2, a13 = c3;
        FloatVector a20 = c0, a21 = c1, a22 = c2, a23 = c3, a30 = c0, a31 = c1, a32 = c2, a33 = c3;
        FloatVector a40 = c0, a41 = c1, a42 = c2, a43 = c3, a50 = c0, a51 = c1, a52 = c2, a53 = c3;
        for (int t = 0, kt = ko + f0; t < tap16.length; t++, kt += filters) {
            int d = tap16[t];
            FloatVector w0 = FloatVector.broadcast(S, kern[kt]), w1 = FloatVector.broadcast(S, kern[kt + 1]);
            FloatVector w2 = FloatVector.broadcast(S, kern[kt + 2]), w3 = FloatVector.broadcast(S, kern[kt + 3]);
            FloatVector v = FloatVector.fromArray(S, xl, p0 + d);
            a00 = v.fma(w0, a00);
            a01 = v.fma(w1, a01);
            a02 = v.fma(w2, a02);
            a03 = v.fma(w3, a03);
            v = FloatVector.fromArray(S, xl, p1 + d);
            a10 = v.fma(w0, a10);
            a11 = v.fma(w1, a11);
            a12 = v.fma(w2, a12);
            a13 = v.fma(w3, a13);
            v = FloatVector.fromArray(S, xl, p2 + d);
            a20 = v.fma(w0, a20);
            a21 = v.fma(w1, a21);
            a22 = v.fma(w2, a22);
            a23 = v.fma(w3, a23);
            v = FloatVector.fromArray(S, xl, p3 + d);
            a30 = v.fma(w0, a30);
            a31 = v.fma(w1, a31);
            a32 = v.fma(w2, a32);
            a33 = v.fma(w3, a33);
            v = FloatVector.fromArray(S, xl, p4 + d);
            a40 = v.fma(w0, a40);
            a41 = v.fma(w1, a41);
            a42 = v.fma(w2, a42);
            a43 = v.fma(w3, a43);
            v = FloatVector.fromArray(S, xl, p5 + d);
            a50 = v.fma(w0, a50);
            a51 = v.fma(w1, a51);
            a52 = v.fma(w2, a52);
            a53 = v.fma(w3, a53);
        }
        FloatVector floor = FloatVector.broadcast(S, floorValue);
        int step = filters * 16;
        int o = ob + (q * filters + f0) * 16;
        a00.max(floor).intoArray(ol, o);
        a01.max(floor).intoArray(ol, o + 16);
        a02.max(floor).intoArray(ol, o + 32);
        a03.max(floor).intoArray(ol, o + 48);
        o += step;
        a10.max(floor).intoArray(ol, o);
        a11.max(floor).intoArray(ol, o + 16);
        a12.max(floor).intoArray(ol, o + 32);
        a13.max(floor).intoArray(ol, o + 48);
        o += step;
        a20.max(floor).intoArray(ol, o);
        a21.max(floor).intoArray(ol, o + 16);
        a22.max(floor).intoArray(ol, o + 32);
        a23.max(floor).intoArray(ol, o + 48);
        o += step;
        a30.max(floor).intoArray(ol, o);
        a31.max(floor).intoArray(ol, o + 16);
        a32.max(floor).intoArray(ol, o + 32);
        a33.max(floor).intoArray(ol, o + 48);
        o += step;
        a40.max(floor).intoArray(ol, o);
        a41.max(floor).intoArray(ol, o + 16);
        a42.max(floor).intoArray(ol, o + 32);
        a43.max(floor).intoArray(ol, o + 48);
        o += step;
        a50.max(floor).intoArray(ol, o);
        a51.max(floor).intoArray(ol, o + 16);
        a52.max(floor).intoArray(ol, o + 32);
        a53.max(floor).intoArray(ol, o + 48);
    }

    /**
     * Kernel gradient: taps t0 to t0 + 5 (rows) times filters f0 to f0 + 3 (columns), each the sum over all
     * positions of the tap's input times the filter's gradient, lane by lane, stored at
     * {@code sums[so + (tap·filters + filter)·16]}.
     */
    static void gradient6x4(float[] xl, int xb, int[] window16, int positions, int[] tap16, int t0, float[] zl,
            int zb, int filters, int f0, float[] sums, int so) {
        int d0 = tap16[t0], d1 = tap16[t0 + 1], d2 = tap16[t0 + 2], d3 = tap16[t0 + 3], d4 = tap16[t0 + 4];
        int d5 = tap16[t0 + 5];
        FloatVector z = FloatVector.zero(S);
        FloatVector a00 = z, a01 = z, a02 = z, a03 = z, a10 = z, a11 = z, a12 = z, a13 = z;
        FloatVector a20 = z, a21 = z, a22 = z, a23 = z, a30 = z, a31 = z, a32 = z, a33 = z;
        FloatVector a40 = z, a41 = z, a42 = z, a43 = z, a50 = z, a51 = z, a52 = z, a53 = z;
        int step = filters * 16;
        for (int q = 0, zq = zb + f0 * 16; q < positions; q++, zq += step) {
            int p = xb + window16[q];
            FloatVector g0 = FloatVector.fromArray(S, zl, zq), g1 = FloatVector.fromArray(S, zl, zq + 16);
            FloatVector g2 = FloatVector.fromArray(S, zl, zq + 32), g3 = FloatVector.fromArray(S, zl, zq + 48);
            FloatVector v = FloatVector.fromArray(S, xl, p + d0);
            a00 = v.fma(g0, a00);
            a01 = v.fma(g1, a01);
            a02 = v.fma(g2, a02);
            a03 = v.fma(g3, a03);
            v = FloatVector.fromArray(S, xl, p + d1);
            a10 = v.fma(g0, a10);
            a11 = v.fma(g1, a11);
            a12 = v.fma(g2, a12);
            a13 = v.fma(g3, a13);
            v = FloatVector.fromArray(S, xl, p + d2);
            a20 = v.fma(g0, a20);
            a21 = v.fma(g1, a21);
            a22 = v.fma(g2, a22);
            a23 = v.fma(g3, a23);
            v = FloatVector.fromArray(S, xl, p + d3);
            a30 = v.fma(g0, a30);
            a31 = v.fma(g1, a31);
            a32 = v.fma(g2, a32);
            a33 = v.fma(g3, a33);
            v = FloatVector.fromArray(S, xl, p + d4);
            a40 = v.fma(g0, a40);
            a41 = v.fma(g1, a41);
            a42 = v.fma(g2, a42);
            a43 = v.fma(g3, a43);
            v = FloatVector.fromArray(S, xl, p + d5);
            a50 = v.fma(g0, a50);
            a51 = v.fma(g1, a51);
            a52 = v.fma(g2, a52);
            a53 = v.fma(g3, a53);
        }
        int row = filters * 16;
        int o = so + (t0 * filters + f0) * 16;
        a00.intoArray(sums, o + 0);
        a01.intoArray(sums, o + 16);
        a02.intoArray(sums, o + 32);
        a03.intoArray(sums, o + 48);
        o += row;
        a10.intoArray(sums, o + 0);
        a11.intoArray(sums, o + 16);
        a12.intoArray(sums, o + 32);
        a13.intoArray(sums, o + 48);
        o += row;
        a20.intoArray(sums, o + 0);
        a21.intoArray(sums, o + 16);
        a22.intoArray(sums, o + 32);
        a23.intoArray(sums, o + 48);
        o += row;
        a30.intoArray(sums, o + 0);
        a31.intoArray(sums, o + 16);
        a32.intoArray(sums, o + 32);
        a33.intoArray(sums, o + 48);
        o += row;
        a40.intoArray(sums, o + 0);
        a41.intoArray(sums, o + 16);
        a42.intoArray(sums, o + 32);
        a43.intoArray(sums, o + 48);
        o += row;
        a50.intoArray(sums, o + 0);
        a51.intoArray(sums, o + 16);
        a52.intoArray(sums, o + 32);
        a53.intoArray(sums, o + 48);
    }

    /**
     * Input gradient: adds to input features {@code e} to {@code e + 5} (columns) of the windows of positions q to
     * q + 3 (rows), {@code at16} from each window's start, the sum over filters of the position's gradient times
     * the kernel value; {@code kt} indexes the kernel row of feature {@code e}, filter 0.
     */
    static void input4x6(float[] dl, int[] window16, int q, int at16, float[] zl, int zb, int filters, float[] kern,
            int kt) {
        int p0 = window16[q] + at16, p1 = window16[q + 1] + at16, p2 = window16[q + 2] + at16;
        int p3 = window16[q + 3] + at16;
        FloatVector a00 = FloatVector.fromArray(S, dl, p0), a01 = FloatVector.fromArray(S, dl, p0 + 16);
        FloatVector a02 = FloatVector.fromArray(S, dl, p0 + 32), a03 = FloatVector.fromArray(S, dl, p0 + 48);
        FloatVector a04 = FloatVector.fromArray(S, dl, p0 + 64), a05 = FloatVector.fromArray(S, dl, p0 + 80);
        FloatVector a10 = FloatVector.fromArray(S, dl, p1), a11 = FloatVector.fromArray(S, dl, p1 + 16);
        FloatVector a12 = FloatVector.fromArray(S, dl, p1 + 32), a13 = FloatVector.fromArray(S, dl, p1 + 48);
        FloatVector a14 = FloatVector.fromArray(S, dl, p1 + 64), a15 = FloatVector.fromArray(S, dl, p1 + 80);
        FloatVector a20 = FloatVector.fromArray(S, dl, p2), a21 = FloatVector.fromArray(S, dl, p2 + 16);
        FloatVector a22 = FloatVector.fromArray(S, dl, p2 + 32), a23 = FloatVector.fromArray(S, dl, p2 + 48);
        FloatVector a24 = FloatVector.fromArray(S, dl, p2 + 64), a25 = FloatVector.fromArray(S, dl, p2 + 80);
        FloatVector a30 = FloatVector.fromArray(S, dl, p3), a31 = FloatVector.fromArray(S, dl, p3 + 16);
        FloatVector a32 = FloatVector.fromArray(S, dl, p3 + 32), a33 = FloatVector.fromArray(S, dl, p3 + 48);
        FloatVector a34 = FloatVector.fromArray(S, dl, p3 + 64), a35 = FloatVector.fromArray(S, dl, p3 + 80);
        int step = filters * 16;
        for (int f = 0, zq = zb + q * step; f < filters; f++, zq += 16) {
            FloatVector g0 = FloatVector.fromArray(S, zl, zq), g1 = FloatVector.fromArray(S, zl, zq + step);
            FloatVector g2 = FloatVector.fromArray(S, zl, zq + 2 * step);
            FloatVector g3 = FloatVector.fromArray(S, zl, zq + 3 * step);
            int w = kt + f;
            FloatVector c = FloatVector.broadcast(S, kern[w]);
            a00 = g0.fma(c, a00);
            a10 = g1.fma(c, a10);
            a20 = g2.fma(c, a20);
            a30 = g3.fma(c, a30);
            c = FloatVector.broadcast(S, kern[w + filters]);
            a01 = g0.fma(c, a01);
            a11 = g1.fma(c, a11);
            a21 = g2.fma(c, a21);
            a31 = g3.fma(c, a31);
            c = FloatVector.broadcast(S, kern[w + 2 * filters]);
            a02 = g0.fma(c, a02);
            a12 = g1.fma(c, a12);
            a22 = g2.fma(c, a22);
            a32 = g3.fma(c, a32);
            c = FloatVector.broadcast(S, kern[w + 3 * filters]);
            a03 = g0.fma(c, a03);
            a13 = g1.fma(c, a13);
            a23 = g2.fma(c, a23);
            a33 = g3.fma(c, a33);
            c = FloatVector.broadcast(S, kern[w + 4 * filters]);
            a04 = g0.fma(c, a04);
            a14 = g1.fma(c, a14);
            a24 = g2.fma(c, a24);
            a34 = g3.fma(c, a34);
            c = FloatVector.broadcast(S, kern[w + 5 * filters]);
            a05 = g0.fma(c, a05);
            a15 = g1.fma(c, a15);
            a25 = g2.fma(c, a25);
            a35 = g3.fma(c, a35);
        }
        a00.intoArray(dl, p0);
        a01.intoArray(dl, p0 + 16);
        a02.intoArray(dl, p0 + 32);
        a03.intoArray(dl, p0 + 48);
        a04.intoArray(dl, p0 + 64);
        a05.intoArray(dl, p0 + 80);
        a10.intoArray(dl, p1);
        a11.intoArray(dl, p1 + 16);
        a12.intoArray(dl, p1 + 32);
        a13.intoArray(dl, p1 + 48);
        a14.intoArray(dl, p1 + 64);
        a15.intoArray(dl, p1 + 80);
        a20.intoArray(dl, p2);
        a21.intoArray(dl, p2 + 16);
        a22.intoArray(dl, p2 + 32);
        a23.intoArray(dl, p2 + 48);
        a24.intoArray(dl, p2 + 64);
        a25.intoArray(dl, p2 + 80);
        a30.intoArray(dl, p3);
        a31.intoArray(dl, p3 + 16);
        a32.intoArray(dl, p3 + 32);
        a33.intoArray(dl, p3 + 48);
        a34.intoArray(dl, p3 + 64);
        a35.intoArray(dl, p3 + 80);
    }

    /** {@link #input4x6}'s sum for one position's feature at {@code dl[p]}: the tiles' leftovers. */
    static void input1x1(float[] dl, int p, float[] zl, int zq, int filters, float[] kern, int kt) {
        FloatVector a = FloatVector.fromArray(S, dl, p);
        for (int f = 0; f < filters; f++) {
            a = FloatVector.fromArray(S, zl, zq + f * 16).fma(FloatVector.broadcast(S, kern[kt + f]), a);
        }
        a.intoArray(dl, p);
    }
}
