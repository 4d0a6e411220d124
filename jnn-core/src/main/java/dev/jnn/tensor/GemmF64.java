package dev.jnn.tensor;

import java.util.Arrays;

/**
 * The FLOAT64 GEMM: packing, the work of one block, and the scalar tile used without the Vector API.
 *
 * <p>Loop order (GotoBLAS/BLIS, driven by {@link Gemm#drive}): columns in blocks of {@link Gemm#NC}, k in blocks
 * of at most {@link Gemm#KC} (a packed block of op(B)), rows in blocks of {@link Gemm#MC}, then micro-tiles of
 * 8 rows by {@code NR} columns. Each output element is the sum over k in increasing order, one fused multiply-add per
 * term, restarted at every k block: the result does not depend on where a rectangle starts, so any split across
 * threads gives the same bits.
 */
final class GemmF64 {
    static final int MR = 8;
    /** Lanes per vector: the tile is 2 vectors wide, the leftover tile 1 vector. */
    static final int L = VectorSupport.available() ? VectorTilesF64.L : 8;
    static final int NR = 2 * L;
    /** The narrowest panel: half a vector, for a few leftover columns (none below 4 lanes). */
    static final int H = VectorSupport.available() ? VectorTilesF64.H : L / 2;
    /** Above this many column panels per task, A is packed; below, read in place. */
    static final int PACK_A_MIN_PANELS = 8;

    /** Per thread: a packed block of op(A) and a spill tile. */
    private static final ThreadLocal<double[][]> SCRATCH = ThreadLocal.withInitial(() -> new double[][] {
        new double[Gemm.MC * Gemm.KC], new double[MR * NR]});
    /** Per calling thread: the packed block of op(B) that all of a call's tasks read. */
    private static final ThreadLocal<double[]> SHARED_B = ThreadLocal.withInitial(() -> new double[Gemm.NC * Gemm.KC]);

    private GemmF64() {
    }

    /**
     * One product: holds the operands and the shared packed op(B). {@link Gemm#drive} packs B once, across the
     * threads, then splits the tiles among them.
     */
    static final class Call implements Gemm.Engine {
        private final boolean ta;
        private final boolean tb;
        private final double alpha;
        private final double beta;
        private final double[] a;
        private final int ao;
        private final int lda;
        private final double[] b;
        private final int bo;
        private final int ldb;
        private final double[] c;
        private final int co;
        private final int ldc;
        private final boolean vector;
        private double[] pb = SHARED_B.get();

        Call(boolean ta, boolean tb, double alpha, double[] a, int ao, int lda, double[] b, int bo, int ldb,
             double beta, double[] c, int co, int ldc, boolean vector) {
            this.ta = ta;
            this.tb = tb;
            this.alpha = alpha;
            this.beta = beta;
            this.a = a;
            this.ao = ao;
            this.lda = lda;
            this.b = b;
            this.bo = bo;
            this.ldb = ldb;
            this.c = c;
            this.co = co;
            this.ldc = ldc;
            this.vector = vector;
        }

        @Override
        public void packPanels(int jc, int nc, int pc, int kc, int bOff, int q0, int q1) {
            for (int q = q0; q < q1; q++) {
                int jr = q * NR;
                int nr = Math.min(NR, nc - jr);
                if (vector && !tb) {
                    VectorTilesF64.packRows(b, bo + pc * ldb + jc + jr, ldb, kc, nr, width(nr), pb, bOff + jr * kc);
                } else {
                    packB(tb, b, bo, ldb, pc, kc, jc + jr, nr, pb, bOff + jr * kc);
                }
            }
        }

        @Override
        public void compute(int jc, int nc, int pc, int kc, int bOff, boolean firstK, int i0, int i1, int q0,
                            int q1) {
            double[][] scratch = SCRATCH.get();
            double[] pa = scratch[0];
            double[] tmp = scratch[1];
            double betaBlock = firstK ? beta : 1.0;
            // Packing A pays off over many column panels. Over a few, A is read where it is: rows of a plain A
            // (stride lda per row) or columns of a transposed A (8 adjacent values per k).
            boolean packAll = q1 - q0 > PACK_A_MIN_PANELS;
            for (int ic = i0; ic < i1; ic += Gemm.MC) {
                int mc = Math.min(Gemm.MC, i1 - ic);
                // A short last row tile cannot be read in place (its rows end early): pack it, once per block.
                int lastTile = mc - mc % MR;
                if (packAll) {
                    packA(ta, a, ao, lda, ic, mc, pc, kc, pa);
                } else if (lastTile < mc) {
                    packA(ta, a, ao, lda, ic + lastTile, mc - lastTile, pc, kc, pa);
                }
                for (int q = q0; q < q1; q++) {
                    int jr = q * NR;
                    int nr = Math.min(NR, nc - jr);
                    int w = width(nr);
                    for (int ir = 0; ir < mc; ir += MR) {
                        int mr = Math.min(MR, mc - ir);
                        int cOff = co + (ic + ir) * ldc + jc + jr;
                        double[] at = pa;
                        int aOff = ir * kc;
                        int ars = 1;
                        int acs = MR;
                        if (!packAll && mr == MR) {
                            at = a;
                            aOff = ta ? ao + pc * lda + ic + ir : ao + (ic + ir) * lda + pc;
                            ars = ta ? 1 : lda;
                            acs = ta ? lda : 1;
                        } else if (!packAll) {
                            aOff = 0;
                        }
                        if (vector) {
                            VectorTilesF64.tile(kc, at, aOff, ars, acs, pb, bOff + jr * kc, w, c, cOff, ldc, mr, nr,
                                    alpha, betaBlock, tmp);
                        } else {
                            scalarTile(kc, at, aOff, ars, acs, pb, bOff + jr * kc, w, c, cOff, ldc, mr, nr, alpha,
                                    betaBlock, tmp);
                        }
                    }
                }
            }
        }

        @Override
        public void reserveB(int elements) {
            if (pb.length < elements) {
                pb = new double[elements];
                SHARED_B.set(pb);
            }
        }
    }

    /**
     * Columns [j0, j1) of a product of fewer than {@link #MR} rows with a plain op(B), read in place: packing B and
     * padding the rows to a full tile would cost more than the product (a single row times a layer's weights). The
     * k blocks are those of {@link Gemm#drive}, so each element is summed in the same order and gets the same bits.
     */
    static void fewRows(boolean ta, int m, int j0, int j1, int k, double alpha, double[] a, int ao, int lda, double[] b,
                        int bo, int ldb, double beta, double[] c, int co, int ldc) {
        double[] tmp = SCRATCH.get()[1];
        int kBlocks = (k + Gemm.KC - 1) / Gemm.KC;
        for (int kb = 0; kb < kBlocks; kb++) {
            int pc = Gemm.kStart(k, kb, kBlocks);
            int kc = Gemm.kStart(k, kb + 1, kBlocks) - pc;
            double betaBlock = kb == 0 ? beta : 1.0;
            for (int r = 0; r < m; r++) {
                int ai = ta ? ao + pc * lda + r : ao + r * lda + pc;
                VectorTilesF64.fewRows(kc, a, ai, ta ? lda : 1, b, bo + pc * ldb + j0, ldb, j1 - j0, c,
                        co + r * ldc + j0, alpha, betaBlock, tmp);
            }
        }
    }

    /** The packed width of a panel with nr valid columns: half a vector, one vector or the full two. */
    static int width(int nr) {
        return nr <= H ? H : nr <= L ? L : NR;
    }

    /** Packs op(A)[i0:i0+mc, p0:p0+kc] as 8-row micro-panels, k-major inside each, zero-padded to 8 rows. */
    static void packA(boolean ta, double[] a, int ao, int lda, int i0, int mc, int p0, int kc, double[] dst) {
        for (int ir = 0; ir < mc; ir += MR) {
            int mr = Math.min(MR, mc - ir);
            int base = ir * kc;
            if (!ta) {
                for (int r = 0; r < mr; r++) {
                    int src = ao + (i0 + ir + r) * lda + p0;
                    for (int p = 0; p < kc; p++) {
                        dst[base + p * MR + r] = a[src + p];
                    }
                }
                for (int r = mr; r < MR; r++) {
                    for (int p = 0; p < kc; p++) {
                        dst[base + p * MR + r] = 0.0;
                    }
                }
            } else {
                for (int p = 0; p < kc; p++) {
                    int src = ao + (p0 + p) * lda + i0 + ir;
                    int d = base + p * MR;
                    System.arraycopy(a, src, dst, d, mr);
                    Arrays.fill(dst, d + mr, d + MR, 0.0);
                }
            }
        }
    }

    /**
     * Packs op(B)[p0:p0+kc, j0:j0+nc] from dOff as panels NR wide (a short last panel {@link #width} wide),
     * zero-padded.
     */
    static void packB(boolean tb, double[] b, int bo, int ldb, int p0, int kc, int j0, int nc, double[] dst,
                      int dOff) {
        for (int jr = 0; jr < nc; jr += NR) {
            int nr = Math.min(NR, nc - jr);
            int w = width(nr);
            int base = dOff + jr * kc;
            if (!tb) {
                for (int p = 0; p < kc; p++) {
                    int d = base + p * w;
                    System.arraycopy(b, bo + (p0 + p) * ldb + j0 + jr, dst, d, nr);
                    Arrays.fill(dst, d + nr, d + w, 0.0);
                }
            } else {
                // Four source rows at a time: four read streams, and four adjacent values written per k.
                int j = 0;
                for (; j + 4 <= nr; j += 4) {
                    int s0 = bo + (j0 + jr + j) * ldb + p0;
                    int s1 = s0 + ldb;
                    int s2 = s1 + ldb;
                    int s3 = s2 + ldb;
                    for (int p = 0; p < kc; p++) {
                        int d = base + p * w + j;
                        dst[d] = b[s0 + p];
                        dst[d + 1] = b[s1 + p];
                        dst[d + 2] = b[s2 + p];
                        dst[d + 3] = b[s3 + p];
                    }
                }
                for (; j < nr; j++) {
                    int src = bo + (j0 + jr + j) * ldb + p0;
                    for (int p = 0; p < kc; p++) {
                        dst[base + p * w + j] = b[src + p];
                    }
                }
                for (j = nr; j < w; j++) {
                    for (int p = 0; p < kc; p++) {
                        dst[base + p * w + j] = 0.0;
                    }
                }
            }
        }
    }

    /** The plain-Java tile: the same packed panels and the same fused multiply-add order as the vector tile. */
    static void scalarTile(int kc, double[] ap, int ao, int ars, int acs, double[] bp, int bo, int w, double[] c,
                           int co, int ldc, int mr, int nr, double alpha, double beta, double[] acc) {
        Arrays.fill(acc, 0, MR * w, 0.0);
        for (int p = 0; p < kc; p++) {
            int a = ao + p * acs;
            int b = bo + p * w;
            for (int r = 0; r < MR; r++) {
                double x = ap[a + r * ars];
                int row = r * w;
                for (int j = 0; j < w; j++) {
                    acc[row + j] = Math.fma(x, bp[b + j], acc[row + j]);
                }
            }
        }
        writeBack(acc, w, c, co, ldc, mr, nr, alpha, beta);
    }

    /** c = alpha * acc + beta * c for the valid mr x nr corner of a tile held in {@code acc} (row stride w). */
    static void writeBack(double[] acc, int w, double[] c, int co, int ldc, int mr, int nr, double alpha, double beta) {
        for (int r = 0; r < mr; r++) {
            int ci = co + r * ldc;
            int ai = r * w;
            for (int j = 0; j < nr; j++) {
                double v = alpha == 1.0 ? acc[ai + j] : alpha * acc[ai + j];
                if (beta != 0.0) {
                    v += beta == 1.0 ? c[ci + j] : beta * c[ci + j];
                }
                c[ci + j] = v;
            }
        }
    }
}
