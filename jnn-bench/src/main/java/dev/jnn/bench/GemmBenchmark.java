package dev.jnn.bench;

import dev.jnn.tensor.Gemm;
import dev.jnn.tensor.Parallel;
import dev.jnn.tensor.Rng;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH timing of {@link Gemm} on the MLP and LeNet shapes. Time per product; GFLOP/s = 2 m n k / time.
 * Run: {@code java --add-modules jdk.incubator.vector -jar jnn-bench/target/benchmarks.jar Gemm}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class GemmBenchmark {
    /** m x k x n and the transpose case. */
    @Param({"200x784x100:NN", "784x200x100:TN", "200x100x784:NT", "200x100x10:NN", "128x400x120:NN",
        "1024x1024x1024:NN"})
    public String shape;

    @Param({"1", "2"})
    public int threads;

    private int m;
    private int k;
    private int n;
    private boolean ta;
    private boolean tb;
    private float[] a;
    private float[] b;
    private float[] c;
    private double[] ad;
    private double[] bd;
    private double[] cd;

    @Setup(Level.Trial)
    public void setUp() {
        String[] parts = shape.split(":");
        String[] dims = parts[0].split("x");
        m = Integer.parseInt(dims[0]);
        k = Integer.parseInt(dims[1]);
        n = Integer.parseInt(dims[2]);
        ta = parts[1].charAt(0) == 'T';
        tb = parts[1].charAt(1) == 'T';
        Rng rng = new Rng(0);
        a = new float[m * k];
        b = new float[k * n];
        c = new float[m * n];
        ad = new double[m * k];
        bd = new double[k * n];
        cd = new double[m * n];
        for (int i = 0; i < a.length; i++) {
            ad[i] = rng.uniform(-1, 1);
            a[i] = (float) ad[i];
        }
        for (int i = 0; i < b.length; i++) {
            bd[i] = rng.uniform(-1, 1);
            b[i] = (float) bd[i];
        }
        Parallel.setThreads(threads);
    }

    @Benchmark
    public float[] float32() {
        Gemm.sgemm(ta, tb, m, n, k, 1f, a, 0, ta ? m : k, b, 0, tb ? k : n, 0f, c, 0, n);
        return c;
    }

    @Benchmark
    public double[] float64() {
        Gemm.dgemm(ta, tb, m, n, k, 1.0, ad, 0, ta ? m : k, bd, 0, tb ? k : n, 0.0, cd, 0, n);
        return cd;
    }
}
