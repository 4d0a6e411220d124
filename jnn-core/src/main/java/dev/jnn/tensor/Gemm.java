package dev.jnn.tensor;

import java.util.Arrays;

/**
 * General matrix product {@code C = alpha * op(A) * op(B) + beta * C} for FLOAT32 and FLOAT64, in all four
 * transpose cases, on row-major data.
 *
 * <p>op(X) is X or its transpose. op(A) is m x k, op(B) is k x n and C is m x n. The kernels are packed and
 * register-tiled with the Vector API (plain Java when it is absent) and run on {@link Parallel#threads()} threads;
 * 1 thread and N threads give bit-identical C. When {@code beta} is 0, C is overwritten without being read
 * (as in BLAS), so NaN in the old C does not leak; NaN in A or B propagates.
 */
public final class Gemm {
    static final int KC = 256;
    static final int MC = 128;
    static final int NC = 512;
    /**
     * Flops per task, at least: a product gets one task per this many flops, up to the thread count. Alone, a
     * 200 x 100 x 10 product finishes sooner on two threads, but inside a fit of small layers the hand-offs cost
     * more than they save: at 100,000 flops a task, the 36 MLP fits on digits of {@code jnn bench search} took
     * 14.0 s with one job, at 2,000,000 they take 6.9 s (as with one kernel thread); the MNIST layers still split.
     */
    static final long FLOPS_PER_TASK = 2_000_000L;
    /** Elements of packed op(B) held at once (per calling thread): all k blocks of a column block when they fit. */
    static final long PACKED_B_BUDGET = 1L << 21;
    /**
     * Below this many rows (and with op(B) not transposed), B is read in place row by row instead of packed: a
     * product of one to a few rows, such as predicting one sample, costs less than packing B.
     */
    static final int FEW_ROWS = 5;

    private Gemm() {
    }

    /**
     * The micro-kernels this JVM runs: the register tile of each dtype (rows × columns of C held in registers)
     * and the cache blocking, e.g. {@code float32 8×32, float64 8×16 (Vector API 512-bit); blocks KC 256, MC 128,
     * NC 512}.
     */
    public static String kernels() {
        String how = VectorSupport.available()
                ? "Vector API " + jdk.incubator.vector.FloatVector.SPECIES_PREFERRED.vectorBitSize() + "-bit"
                : "plain Java";
        return "float32 " + GemmF32.MR + "×" + GemmF32.NR + ", float64 " + GemmF64.MR + "×" + GemmF64.NR + " (" + how
                + "); blocks KC " + KC + ", MC " + MC + ", NC " + NC;
    }

    /** A new matrix {@code a * b}. */
    public static Tensor matmul(Tensor a, Tensor b) {
        Tensor c = Tensor.zeros(a.dtype(), a.requireRank(2).dim(0), b.requireRank(2).dim(1));
        gemm(false, false, 1.0, a, b, 0.0, c);
        return c;
    }

    /** {@code c = alpha * op(a) * op(b) + beta * c} on rank-2 tensors of one dtype. */
    public static void gemm(boolean transA, boolean transB, double alpha, Tensor a, Tensor b, double beta, Tensor c) {
        a.requireRank(2);
        b.requireRank(2);
        c.requireRank(2);
        if (a.dtype() != b.dtype() || a.dtype() != c.dtype()) {
            throw new IllegalArgumentException("gemm needs one dtype; got A " + a.dtype() + ", B " + b.dtype()
                    + ", C " + c.dtype());
        }
        int m = transA ? a.dim(1) : a.dim(0);
        int k = transA ? a.dim(0) : a.dim(1);
        int kb = transB ? b.dim(1) : b.dim(0);
        int n = transB ? b.dim(0) : b.dim(1);
        if (k != kb) {
            throw new IllegalArgumentException("gemm: op(A) has shape [" + m + ", " + k + "] and op(B) has shape ["
                    + kb + ", " + n + "]: inner dimensions " + k + " and " + kb + " differ (A " + shape(a) + ", B "
                    + shape(b) + ", transA=" + transA + ", transB=" + transB + ")");
        }
        if (c.dim(0) != m || c.dim(1) != n) {
            throw new IllegalArgumentException("gemm: C has shape " + shape(c) + " but op(A) op(B) has shape ["
                    + m + ", " + n + "]");
        }
        if (a.dtype() == DType.FLOAT32) {
            sgemm(transA, transB, m, n, k, (float) alpha, a.floatData(), a.offset(), a.dim(1), b.floatData(),
                    b.offset(), b.dim(1), (float) beta, c.floatData(), c.offset(), n);
        } else {
            dgemm(transA, transB, m, n, k, alpha, a.doubleData(), a.offset(), a.dim(1), b.doubleData(), b.offset(),
                    b.dim(1), beta, c.doubleData(), c.offset(), n);
        }
    }

    /** FLOAT32 product on raw row-major arrays with offsets and leading dimensions (row strides). */
    public static void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, int aOff,
                             int lda, float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc) {
        sgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc,
                VectorSupport.available(), Parallel.threads());
    }

    /** FLOAT64 product on raw row-major arrays with offsets and leading dimensions (row strides). */
    public static void dgemm(boolean transA, boolean transB, int m, int n, int k, double alpha, double[] a, int aOff,
                             int lda, double[] b, int bOff, int ldb, double beta, double[] c, int cOff, int ldc) {
        dgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc,
                VectorSupport.available(), Parallel.threads());
    }

    static void sgemm(boolean ta, boolean tb, int m, int n, int k, float alpha, float[] a, int aOff, int lda,
                      float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc, boolean vector,
                      int threads) {
        check(ta, tb, m, n, k, a.length, aOff, lda, b.length, bOff, ldb, c.length, cOff, ldc);
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0) {
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    int x = cOff + i * ldc + j;
                    c[x] = beta == 0f ? 0f : beta * c[x];
                }
            }
            return;
        }
        if (m < FEW_ROWS && !tb && vector && VectorSupport.available()) {
            driveColumns(m, n, k, threads, (j0, j1) -> GemmF32.fewRows(ta, m, j0, j1, k, alpha, a, aOff, lda, b, bOff,
                    ldb, beta, c, cOff, ldc));
            return;
        }
        drive(m, n, k, threads, GemmF32.MR, GemmF32.NR, new GemmF32.Call(ta, tb, alpha, a, aOff, lda, b, bOff, ldb,
                beta, c, cOff, ldc, vector && VectorSupport.available()));
    }

    static void dgemm(boolean ta, boolean tb, int m, int n, int k, double alpha, double[] a, int aOff, int lda,
                      double[] b, int bOff, int ldb, double beta, double[] c, int cOff, int ldc, boolean vector,
                      int threads) {
        check(ta, tb, m, n, k, a.length, aOff, lda, b.length, bOff, ldb, c.length, cOff, ldc);
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0) {
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    int x = cOff + i * ldc + j;
                    c[x] = beta == 0.0 ? 0.0 : beta * c[x];
                }
            }
            return;
        }
        if (m < FEW_ROWS && !tb && vector && VectorSupport.available()) {
            driveColumns(m, n, k, threads, (j0, j1) -> GemmF64.fewRows(ta, m, j0, j1, k, alpha, a, aOff, lda, b, bOff,
                    ldb, beta, c, cOff, ldc));
            return;
        }
        drive(m, n, k, threads, GemmF64.MR, GemmF64.NR, new GemmF64.Call(ta, tb, alpha, a, aOff, lda, b, bOff, ldb,
                beta, c, cOff, ldc, vector && VectorSupport.available()));
    }

    /** The dtype-specific half of a product, driven by {@link #drive}. */
    interface Engine {
        /** Makes the shared packed-B buffer hold at least this many elements. */
        void reserveB(int elements);

        /** Packs panels [q0, q1) (NR columns each) of the op(B) block at (pc, jc) into the buffer from bOff. */
        void packPanels(int jc, int nc, int pc, int kc, int bOff, int q0, int q1);

        /** Accumulates rows [i0, i1) x panels [q0, q1) of the block packed at bOff; the first k block applies beta. */
        void compute(int jc, int nc, int pc, int kc, int bOff, boolean firstK, int i0, int i1, int q0, int q1);
    }

    /**
     * Runs a product: columns in blocks of NC, k in equal blocks of at most KC (fixed by k alone). The threads
     * first pack op(B) together (all k blocks of a column block at once, up to a memory budget), then split the
     * tiles by rows or by column panels, whichever has more, each task walking the k blocks in order. Every
     * element is summed in the same order whatever the split: the thread count changes the speed, never the bits.
     */
    static void drive(int m, int n, int k, int threads, int mr, int nr, Engine e) {
        int tasks = (int) Math.max(1, Math.min(threads, 2L * m * n * k / FLOPS_PER_TASK));
        int kBlocks = (k + KC - 1) / KC;
        int rowTiles = (m + mr - 1) / mr;
        for (int jc = 0; jc < n; jc += NC) {
            int nc = Math.min(NC, n - jc);
            int panels = (nc + nr - 1) / nr;
            int blockElems = panels * nr * ((k + kBlocks - 1) / kBlocks);
            int group = (int) Math.max(1, Math.min(kBlocks, PACKED_B_BUDGET / blockElems));
            e.reserveB(group * blockElems);
            boolean byRows = rowTiles >= panels || rowTiles >= 2 * tasks;
            int units = byRows ? rowTiles : panels;
            int computeTasks = Math.min(tasks, units);
            for (int start = 0; start < kBlocks; start += group) {
                int g0 = start;
                int g1 = Math.min(kBlocks, g0 + group);
                int fjc = jc;
                int packUnits = (g1 - g0) * panels;
                int packTasks = Math.min(tasks, packUnits);
                Parallel.forEach(packTasks, t -> {
                    for (int u = share(packUnits, t, packTasks); u < share(packUnits, t + 1, packTasks); u++) {
                        int kb = g0 + u / panels;
                        int q = u % panels;
                        int pc = kStart(k, kb, kBlocks);
                        e.packPanels(fjc, nc, pc, kStart(k, kb + 1, kBlocks) - pc, (kb - g0) * blockElems, q, q + 1);
                    }
                });
                Parallel.forEach(computeTasks, t -> {
                    int u0 = share(units, t, computeTasks);
                    int u1 = share(units, t + 1, computeTasks);
                    for (int kb = g0; kb < g1; kb++) {
                        int pc = kStart(k, kb, kBlocks);
                        int kc = kStart(k, kb + 1, kBlocks) - pc;
                        int bOff = (kb - g0) * blockElems;
                        if (byRows) {
                            e.compute(fjc, nc, pc, kc, bOff, kb == 0, u0 * mr, Math.min(m, u1 * mr), 0, panels);
                        } else {
                            e.compute(fjc, nc, pc, kc, bOff, kb == 0, 0, m, u0, u1);
                        }
                    }
                });
            }
        }
    }

    /** A range of output columns, for {@link #driveColumns}. */
    interface Columns {
        void compute(int j0, int j1);
    }

    /**
     * Runs a product of a few rows as column ranges, split among the threads in multiples of 64 columns (whole
     * vectors in both dtypes): the columns are independent, so the split changes no bit.
     */
    static void driveColumns(int m, int n, int k, int threads, Columns work) {
        int chunks = (n + 63) / 64;
        int tasks = (int) Math.max(1, Math.min(Math.min(threads, chunks), 2L * m * n * k / FLOPS_PER_TASK));
        if (tasks == 1) {
            work.compute(0, n);
            return;
        }
        Parallel.forEach(tasks, t -> work.compute(Math.min(n, share(chunks, t, tasks) * 64),
                Math.min(n, share(chunks, t + 1, tasks) * 64)));
    }

    /** Start of k block kb of kBlocks equal blocks. */
    static int kStart(int k, int kb, int kBlocks) {
        return (int) ((long) k * kb / kBlocks);
    }

    private static int share(int units, int t, int tasks) {
        return (int) ((long) units * t / tasks);
    }

    private static void check(boolean ta, boolean tb, int m, int n, int k, int aLen, int aOff, int lda, int bLen,
                              int bOff, int ldb, int cLen, int cOff, int ldc) {
        if (m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException("gemm: negative size m=" + m + ", n=" + n + ", k=" + k);
        }
        checkOperand("A", ta ? k : m, ta ? m : k, aLen, aOff, lda);
        checkOperand("B", tb ? n : k, tb ? k : n, bLen, bOff, ldb);
        checkOperand("C", m, n, cLen, cOff, ldc);
    }

    private static void checkOperand(String name, int rows, int cols, int length, int off, int ld) {
        if (ld < Math.max(1, cols)) {
            throw new IllegalArgumentException("gemm: leading dimension of " + name + " is " + ld
                    + " but its rows have " + cols + " elements");
        }
        long end = rows == 0 || cols == 0 ? off : off + (long) (rows - 1) * ld + cols;
        if (off < 0 || end > length) {
            throw new IllegalArgumentException("gemm: " + name + " [" + rows + ", " + cols + "] with offset " + off
                    + " and leading dimension " + ld + " needs " + end + " elements; its array has " + length);
        }
    }

    private static String shape(Tensor t) {
        return Arrays.toString(t.shape());
    }
}
