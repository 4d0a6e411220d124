package dev.jnn.tensor;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API micro-kernels for {@link GemmF64}: an 8-row by 2-vector register tile (8 x 16 on AVX-512) and a
 * 1-vector tile for the leftover columns. Both read the packed panels of {@link GemmF64} and accumulate each
 * output with one fused multiply-add per k in increasing k, exactly as the scalar tile does, so the two paths
 * agree to the bit.
 */
final class VectorTilesF64 {
    static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    static final int L = S.length();
    /** The half-width species for a few leftover columns, when a vector holds 8 or more lanes. */
    static final VectorSpecies<Double> HS = L >= 8
            ? VectorSpecies.of(double.class, VectorShape.forBitSize(S.vectorBitSize() / 2)) : S;
    static final int H = HS.length();

    private VectorTilesF64() {
    }

    /**
     * One 8 x w tile over kc terms. Element (r, p) of the A block is {@code ap[ao + r * ars + p * acs]}: a packed
     * micro-panel has ars = 1, acs = 8; rows of a plain row-major A read in place have ars = lda, acs = 1.
     */
    static void tile(int kc, double[] ap, int ao, int ars, int acs, double[] bp, int bo, int w, double[] c, int co,
                     int ldc, int mr, int nr, double alpha, double beta, double[] tmp) {
        if (w == H && H < L) {
            tile8xHalf(kc, ap, ao, ars, acs, bp, bo, tmp);
        } else if (w == L) {
            tile8x1(kc, ap, ao, ars, acs, bp, bo, tmp);
        } else {
            tile8x2(kc, ap, ao, ars, acs, bp, bo, tmp);
        }
        writeBack(tmp, w, c, co, ldc, mr, nr, alpha, beta);
    }

    private static void tile8x2(int kc, double[] ap, int ao, int ars, int acs, double[] bp, int bo, double[] tmp) {
        int r1 = ars, r2 = 2 * ars, r3 = 3 * ars, r4 = 4 * ars, r5 = 5 * ars, r6 = 6 * ars, r7 = 7 * ars;
        DoubleVector z = DoubleVector.zero(S);
        DoubleVector c00 = z, c01 = z, c10 = z, c11 = z, c20 = z, c21 = z, c30 = z, c31 = z;
        DoubleVector c40 = z, c41 = z, c50 = z, c51 = z, c60 = z, c61 = z, c70 = z, c71 = z;
        int a = ao;
        int b = bo;
        for (int p = 0; p < kc; p++, a += acs, b += 2 * L) {
            DoubleVector b0 = DoubleVector.fromArray(S, bp, b);
            DoubleVector b1 = DoubleVector.fromArray(S, bp, b + L);
            DoubleVector x = DoubleVector.broadcast(S, ap[a]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = DoubleVector.broadcast(S, ap[a + r1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = DoubleVector.broadcast(S, ap[a + r2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = DoubleVector.broadcast(S, ap[a + r3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = DoubleVector.broadcast(S, ap[a + r4]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            x = DoubleVector.broadcast(S, ap[a + r5]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
            x = DoubleVector.broadcast(S, ap[a + r6]);
            c60 = x.fma(b0, c60);
            c61 = x.fma(b1, c61);
            x = DoubleVector.broadcast(S, ap[a + r7]);
            c70 = x.fma(b0, c70);
            c71 = x.fma(b1, c71);
        }
        int w = 2 * L;
        c00.intoArray(tmp, 0);
        c01.intoArray(tmp, L);
        c10.intoArray(tmp, w);
        c11.intoArray(tmp, w + L);
        c20.intoArray(tmp, 2 * w);
        c21.intoArray(tmp, 2 * w + L);
        c30.intoArray(tmp, 3 * w);
        c31.intoArray(tmp, 3 * w + L);
        c40.intoArray(tmp, 4 * w);
        c41.intoArray(tmp, 4 * w + L);
        c50.intoArray(tmp, 5 * w);
        c51.intoArray(tmp, 5 * w + L);
        c60.intoArray(tmp, 6 * w);
        c61.intoArray(tmp, 6 * w + L);
        c70.intoArray(tmp, 7 * w);
        c71.intoArray(tmp, 7 * w + L);
    }

    private static void tile8x1(int kc, double[] ap, int ao, int ars, int acs, double[] bp, int bo, double[] tmp) {
        int r1 = ars, r2 = 2 * ars, r3 = 3 * ars, r4 = 4 * ars, r5 = 5 * ars, r6 = 6 * ars, r7 = 7 * ars;
        DoubleVector z = DoubleVector.zero(S);
        DoubleVector c0 = z, c1 = z, c2 = z, c3 = z, c4 = z, c5 = z, c6 = z, c7 = z;
        int a = ao;
        int b = bo;
        for (int p = 0; p < kc; p++, a += acs, b += L) {
            DoubleVector b0 = DoubleVector.fromArray(S, bp, b);
            c0 = DoubleVector.broadcast(S, ap[a]).fma(b0, c0);
            c1 = DoubleVector.broadcast(S, ap[a + r1]).fma(b0, c1);
            c2 = DoubleVector.broadcast(S, ap[a + r2]).fma(b0, c2);
            c3 = DoubleVector.broadcast(S, ap[a + r3]).fma(b0, c3);
            c4 = DoubleVector.broadcast(S, ap[a + r4]).fma(b0, c4);
            c5 = DoubleVector.broadcast(S, ap[a + r5]).fma(b0, c5);
            c6 = DoubleVector.broadcast(S, ap[a + r6]).fma(b0, c6);
            c7 = DoubleVector.broadcast(S, ap[a + r7]).fma(b0, c7);
        }
        c0.intoArray(tmp, 0);
        c1.intoArray(tmp, L);
        c2.intoArray(tmp, 2 * L);
        c3.intoArray(tmp, 3 * L);
        c4.intoArray(tmp, 4 * L);
        c5.intoArray(tmp, 5 * L);
        c6.intoArray(tmp, 6 * L);
        c7.intoArray(tmp, 7 * L);
    }

    private static void tile8xHalf(int kc, double[] ap, int ao, int ars, int acs, double[] bp, int bo, double[] tmp) {
        int r1 = ars, r2 = 2 * ars, r3 = 3 * ars, r4 = 4 * ars, r5 = 5 * ars, r6 = 6 * ars, r7 = 7 * ars;
        DoubleVector z = DoubleVector.zero(HS);
        DoubleVector c0 = z, c1 = z, c2 = z, c3 = z, c4 = z, c5 = z, c6 = z, c7 = z;
        int a = ao;
        int b = bo;
        for (int p = 0; p < kc; p++, a += acs, b += H) {
            DoubleVector b0 = DoubleVector.fromArray(HS, bp, b);
            c0 = DoubleVector.broadcast(HS, ap[a]).fma(b0, c0);
            c1 = DoubleVector.broadcast(HS, ap[a + r1]).fma(b0, c1);
            c2 = DoubleVector.broadcast(HS, ap[a + r2]).fma(b0, c2);
            c3 = DoubleVector.broadcast(HS, ap[a + r3]).fma(b0, c3);
            c4 = DoubleVector.broadcast(HS, ap[a + r4]).fma(b0, c4);
            c5 = DoubleVector.broadcast(HS, ap[a + r5]).fma(b0, c5);
            c6 = DoubleVector.broadcast(HS, ap[a + r6]).fma(b0, c6);
            c7 = DoubleVector.broadcast(HS, ap[a + r7]).fma(b0, c7);
        }
        c0.intoArray(tmp, 0);
        c1.intoArray(tmp, H);
        c2.intoArray(tmp, 2 * H);
        c3.intoArray(tmp, 3 * H);
        c4.intoArray(tmp, 4 * H);
        c5.intoArray(tmp, 5 * H);
        c6.intoArray(tmp, 6 * H);
        c7.intoArray(tmp, 7 * H);
    }

    /**
     * Row r of a few-row product over one k block, with op(B) read in place (row stride ldb): columns in chunks of
     * four vectors, then two, one and a masked one for the last {@code n % L} (whose masked-off lanes add products
     * of zeros and are not written), the kc terms in increasing k, one fused multiply-add each, as the tiles do.
     * Writes {@code c = alpha * acc + beta * c} for columns [0, n) from co.
     */
    static void fewRows(int kc, double[] a, int ai, int acs, double[] b, int bi, int ldb, int n, double[] c, int co,
                        double alpha, double beta, double[] tmp) {
        int j = 0;
        for (; j + 4 * L <= n; j += 4 * L) {
            chunk4(kc, a, ai, acs, b, bi + j, ldb, tmp);
            writeBack(tmp, 4 * L, c, co + j, 0, 1, 4 * L, alpha, beta);
        }
        if (j + 2 * L <= n) {
            chunk2(kc, a, ai, acs, b, bi + j, ldb, tmp);
            writeBack(tmp, 2 * L, c, co + j, 0, 1, 2 * L, alpha, beta);
            j += 2 * L;
        }
        if (j + L <= n) {
            chunk1(kc, a, ai, acs, b, bi + j, ldb, tmp);
            writeBack(tmp, L, c, co + j, 0, 1, L, alpha, beta);
            j += L;
        }
        if (j < n) {
            chunkMasked(kc, a, ai, acs, b, bi + j, ldb, S.indexInRange(0, n - j), tmp);
            writeBack(tmp, L, c, co + j, 0, 1, n - j, alpha, beta);
        }
    }

    private static void chunk4(int kc, double[] a, int ai, int acs, double[] b, int bi, int ldb, double[] tmp) {
        DoubleVector z = DoubleVector.zero(S);
        DoubleVector c0 = z, c1 = z, c2 = z, c3 = z;
        for (int p = 0; p < kc; p++, ai += acs, bi += ldb) {
            DoubleVector x = DoubleVector.broadcast(S, a[ai]);
            c0 = x.fma(DoubleVector.fromArray(S, b, bi), c0);
            c1 = x.fma(DoubleVector.fromArray(S, b, bi + L), c1);
            c2 = x.fma(DoubleVector.fromArray(S, b, bi + 2 * L), c2);
            c3 = x.fma(DoubleVector.fromArray(S, b, bi + 3 * L), c3);
        }
        c0.intoArray(tmp, 0);
        c1.intoArray(tmp, L);
        c2.intoArray(tmp, 2 * L);
        c3.intoArray(tmp, 3 * L);
    }

    private static void chunk2(int kc, double[] a, int ai, int acs, double[] b, int bi, int ldb, double[] tmp) {
        DoubleVector c0 = DoubleVector.zero(S), c1 = c0;
        for (int p = 0; p < kc; p++, ai += acs, bi += ldb) {
            DoubleVector x = DoubleVector.broadcast(S, a[ai]);
            c0 = x.fma(DoubleVector.fromArray(S, b, bi), c0);
            c1 = x.fma(DoubleVector.fromArray(S, b, bi + L), c1);
        }
        c0.intoArray(tmp, 0);
        c1.intoArray(tmp, L);
    }

    private static void chunk1(int kc, double[] a, int ai, int acs, double[] b, int bi, int ldb, double[] tmp) {
        DoubleVector c0 = DoubleVector.zero(S);
        for (int p = 0; p < kc; p++, ai += acs, bi += ldb) {
            c0 = DoubleVector.broadcast(S, a[ai]).fma(DoubleVector.fromArray(S, b, bi), c0);
        }
        c0.intoArray(tmp, 0);
    }

    /** As chunk1 for the last columns: the masked-off lanes add products of zeros and are not written. */
    private static void chunkMasked(int kc, double[] a, int ai, int acs, double[] b, int bi, int ldb,
                                    VectorMask<Double> m, double[] tmp) {
        DoubleVector c0 = DoubleVector.zero(S);
        for (int p = 0; p < kc; p++, ai += acs, bi += ldb) {
            c0 = DoubleVector.broadcast(S, a[ai]).fma(DoubleVector.fromArray(S, b, bi, m), c0);
        }
        c0.intoArray(tmp, 0);
    }

    /**
     * Packs kc rows of a plain op(B), nr valid values each (row stride ld), as a panel w wide ({@link GemmF64#width}),
     * zero-filling the columns past nr: one or two masked copies a row instead of a copy and a fill.
     */
    static void packRows(double[] src, int so, int ld, int kc, int nr, int w, double[] dst, int d) {
        if (w == H && H < L) {
            VectorMask<Double> m = HS.indexInRange(0, nr);
            for (int p = 0; p < kc; p++) {
                DoubleVector.fromArray(HS, src, so + p * ld, m).intoArray(dst, d + p * w);
            }
        } else if (w == L) {
            VectorMask<Double> m = S.indexInRange(0, nr);
            for (int p = 0; p < kc; p++) {
                DoubleVector.fromArray(S, src, so + p * ld, m).intoArray(dst, d + p * w);
            }
        } else {
            VectorMask<Double> m0 = S.indexInRange(0, nr);
            VectorMask<Double> m1 = S.indexInRange(L, nr);
            for (int p = 0; p < kc; p++) {
                int o = so + p * ld;
                DoubleVector.fromArray(S, src, o, m0).intoArray(dst, d + p * w);
                DoubleVector.fromArray(S, src, o + L, m1).intoArray(dst, d + p * w + L);
            }
        }
    }

    /**
     * c = alpha * acc + beta * c for the valid mr x nr corner of a tile: two separately rounded products and a
     * sum, as in the scalar write-back (a product by 1 is exact, so the bits agree); a short last chunk is
     * masked, or written lane by lane at the array's end, where a masked store takes the JDK's slow lane-checking
     * path. It is kept apart from the tiles because a branch with live vector accumulators makes C2 box them, which
     * slows the tile several times.
     */
    private static void writeBack(double[] acc, int w, double[] c, int co, int ldc, int mr, int nr, double alpha,
                                  double beta) {
        int full = nr - nr % L;
        VectorMask<Double> tail = S.indexInRange(full, nr);
        for (int r = 0; r < mr; r++) {
            int ci = co + r * ldc;
            int ai = r * w;
            if (beta == 0.0) {
                for (int j = 0; j < full; j += L) {
                    DoubleVector.fromArray(S, acc, ai + j).mul(alpha).intoArray(c, ci + j);
                }
                if (full < nr && ci + full + L > c.length) {
                    for (int j = full; j < nr; j++) {
                        c[ci + j] = acc[ai + j] * alpha;
                    }
                } else if (full < nr) {
                    DoubleVector.fromArray(S, acc, ai + full).mul(alpha).intoArray(c, ci + full, tail);
                }
            } else {
                for (int j = 0; j < full; j += L) {
                    DoubleVector.fromArray(S, acc, ai + j).mul(alpha)
                            .add(DoubleVector.fromArray(S, c, ci + j).mul(beta)).intoArray(c, ci + j);
                }
                if (full < nr && ci + full + L > c.length) {
                    for (int j = full; j < nr; j++) {
                        c[ci + j] = acc[ai + j] * alpha + c[ci + j] * beta;
                    }
                } else if (full < nr) {
                    DoubleVector.fromArray(S, acc, ai + full).mul(alpha)
                            .add(DoubleVector.fromArray(S, c, ci + full, tail).mul(beta)).intoArray(c, ci + full, tail);
                }
            }
        }
    }
}
