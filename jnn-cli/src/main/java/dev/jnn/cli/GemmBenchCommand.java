package dev.jnn.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jnn.tensor.DType;
import dev.jnn.tensor.Parallel;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code jnn bench gemm}: GFLOP/s of the matrix products that the MLP and LeNet issues run. */
@Command(name = "gemm", mixinStandardHelpOptions = true,
        description = {"GFLOP/s of jnn's matrix product on the MLP and LeNet shapes, in float32 and float64,",
            "at 1 thread and at all threads (median of the timed repetitions after a warm-up)."})
final class GemmBenchCommand implements Callable<Integer> {
    @Option(names = "--json", description = "Print a JSON list of {m, k, n, trans, dtype, threads, gflops}.")
    boolean json;

    @Option(names = "--repeats", defaultValue = "7", paramLabel = "N",
            description = "Timed repetitions per product (at least 5; default ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--threads", paramLabel = "N",
            description = "The 'all threads' count (default: -Djnn.threads, JNN_THREADS or the processors).")
    Integer threads;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (repeats < 5) {
            throw new IllegalArgumentException("--repeats must be at least 5; got " + repeats);
        }
        if (threads != null && threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1; got " + threads);
        }
        int all = threads != null ? threads : Parallel.threads();
        PrintWriter out = spec.commandLine().getOut();
        List<GemmBench.Result> results = new ArrayList<>();
        if (!json) {
            out.printf("jnn bench gemm  (%s; median of %d repetitions)%n", KernelInfo.describe(), repeats);
            out.printf("%-22s %-5s %-8s %7s %9s%n", "m x k x n", "trans", "dtype", "threads", "GFLOP/s");
            out.flush();
        }
        int[] counts = all == 1 ? new int[] {1} : new int[] {1, all};
        try {
            GemmBench.warmUp(all);
            for (GemmBench.Shape s : GemmBench.SHAPES) {
                for (DType dt : DType.values()) {
                    for (int t : counts) {
                        GemmBench.Result r = GemmBench.run(s, dt, t, repeats);
                        results.add(r);
                        if (!json) {
                            out.printf("%-22s %-5s %-8s %7d %9.1f%n", s.m() + " x " + s.k() + " x " + s.n(), s.trans(),
                                    dt.numpyName(), t, r.gflops());
                            out.flush();
                        }
                    }
                }
            }
        } finally {
            Parallel.setThreads(0);
        }
        if (json) {
            out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(results));
        }
        out.flush();
        return 0;
    }
}
