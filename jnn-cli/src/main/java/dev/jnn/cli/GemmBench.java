package dev.jnn.cli;

import dev.jnn.tensor.DType;
import dev.jnn.tensor.Gemm;
import dev.jnn.tensor.Parallel;
import dev.jnn.tensor.Rng;
import java.util.Arrays;
import java.util.List;

/** Times {@link Gemm} on fixed shapes: the measurement behind {@code jnn bench gemm}. */
final class GemmBench {
    /** One product: op(A) is m x k, op(B) is k x n; trans is "NN", "TN", "NT" or "TT". */
    record Shape(int m, int k, int n, String trans) {
        boolean transA() {
            return trans.charAt(0) == 'T';
        }

        boolean transB() {
            return trans.charAt(1) == 'T';
        }
    }

    /** The JSON row: field names as the issue and jnn-bench/gemm_vs_numpy.py expect. */
    record Result(int m, int k, int n, String trans, String dtype, int threads, double gflops) {
    }

    /** The MLP layer (forward and both gradients), the MLP output layer, LeNet's first dense layer, and a cube. */
    static final List<Shape> SHAPES = List.of(
            new Shape(200, 784, 100, "NN"),
            new Shape(784, 200, 100, "TN"),
            new Shape(200, 100, 784, "NT"),
            new Shape(200, 100, 10, "NN"),
            new Shape(128, 400, 120, "NN"),
            new Shape(1024, 1024, 1024, "NN"));

    /** Minimum duration of one timed repetition, so that short products are timed over many calls. */
    private static final long REP_NANOS = 40_000_000L;

    private GemmBench() {
    }

    /**
     * Runs every shape, dtype and thread count briefly so that the JIT has compiled the kernels (with profiles
     * of all of them) before anything is timed.
     */
    static void warmUp(int threads) {
        for (int round = 0; round < 2; round++) {
            for (Shape s : SHAPES) {
                for (DType dt : DType.values()) {
                    for (int t : new int[] {1, threads}) {
                        measure(s, dt, t, 1, 20_000_000L);
                    }
                }
            }
        }
    }

    static Result run(Shape s, DType dtype, int threads, int repeats) {
        return measure(s, dtype, threads, repeats, 3 * REP_NANOS);
    }

    private static Result measure(Shape s, DType dtype, int threads, int repeats, long warmNanos) {
        Parallel.setThreads(threads);
        Rng rng = new Rng(0);
        int aLen = s.m() * s.k();
        int bLen = s.k() * s.n();
        int lda = s.transA() ? s.m() : s.k();
        int ldb = s.transB() ? s.k() : s.n();
        Runnable product;
        if (dtype == DType.FLOAT32) {
            float[] a = randomF(aLen, rng);
            float[] b = randomF(bLen, rng);
            float[] c = new float[s.m() * s.n()];
            product = () -> Gemm.sgemm(s.transA(), s.transB(), s.m(), s.n(), s.k(), 1f, a, 0, lda, b, 0, ldb, 0f, c, 0,
                    s.n());
        } else {
            double[] a = randomD(aLen, rng);
            double[] b = randomD(bLen, rng);
            double[] c = new double[s.m() * s.n()];
            product = () -> Gemm.dgemm(s.transA(), s.transB(), s.m(), s.n(), s.k(), 1.0, a, 0, lda, b, 0, ldb, 0.0, c,
                    0, s.n());
        }
        // Warm-up: let the JIT compile the kernels, and find how many calls make one repetition.
        int calls = 1;
        long warmEnd = System.nanoTime() + warmNanos;
        while (System.nanoTime() < warmEnd) {
            long t0 = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                product.run();
            }
            long dt = System.nanoTime() - t0;
            if (dt < REP_NANOS) {
                calls = (int) Math.min(1 << 20, Math.max(calls * 2L, calls * (REP_NANOS / Math.max(1, dt))));
            }
        }
        double[] gflops = new double[repeats];
        double flops = 2.0 * s.m() * s.n() * s.k() * calls;
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                product.run();
            }
            gflops[r] = flops / (System.nanoTime() - t0);
        }
        Arrays.sort(gflops);
        double median = repeats % 2 == 1 ? gflops[repeats / 2] : (gflops[repeats / 2 - 1] + gflops[repeats / 2]) / 2;
        return new Result(s.m(), s.k(), s.n(), s.trans(), dtype.numpyName(), threads, Math.round(median * 10) / 10.0);
    }

    private static float[] randomF(int n, Rng rng) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) rng.uniform(-1, 1);
        }
        return x;
    }

    private static double[] randomD(int n, Rng rng) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rng.uniform(-1, 1);
        }
        return x;
    }
}
