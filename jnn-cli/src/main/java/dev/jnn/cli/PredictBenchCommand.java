package dev.jnn.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jnn.data.Dataset;
import dev.jnn.estimator.MLPClassifier;
import dev.jnn.model.Sequential;
import dev.jnn.tensor.Parallel;
import dev.jnn.tensor.Tensor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * {@code jnn bench predict}: prediction throughput on MNIST's 10,000 test rows in batches of 1000, and the latency
 * of one row at a time, for the MNIST MLP and both LeNet-5 networks, in float32. Speed does not depend on the
 * weights' values, so the MLP is fitted briefly (one epoch on 2000 rows) and the networks are used as initialised;
 * {@code jnn-bench/compare.py} sets up scikit-learn and PyTorch the same way.
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Prediction speed on MNIST's test rows (float32): rows/s in batches of 1000, and the latency of"
            + " single rows, for the MLP (100,) (predict_proba) and LeNet-5 (lenet5-3x3, lenet5)."})
final class PredictBenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", paramLabel = "mlp|lenet5-3x3|lenet5",
            description = "Time only this model (repeatable). Default: all three.")
    List<String> models;

    @Option(names = "--repeats", defaultValue = "7", paramLabel = "N",
            description = "Timed passes over the test rows; the median is reported (default ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--data-dir", description = "Directory with MNIST's four IDX files (raw or .gz).")
    Path dir;

    @Option(names = "--threads", paramLabel = "N", description = "Threads for the kernels. Default: all cores.")
    Integer threads;

    @Option(names = "--warmup", defaultValue = "2", paramLabel = "SECONDS",
            description = "Untimed predictions before each measurement, so that the steady state is timed (default"
                    + " ${DEFAULT-VALUE} s: fewer leave the vector kernels half-compiled).")
    double warmup;

    @Option(names = "--json", description = "Print a JSON list instead of text.")
    boolean json;

    /** Rows per batch of the throughput pass, and single-row calls timed for the latency. */
    static final int BATCH = 1000;
    static final int SINGLE_CALLS = 2000;

    @Override
    public Integer call() throws Exception {
        BenchSetup.threads(threads);
        BenchSetup.atLeast("--repeats", repeats, 1);
        if (!(warmup >= 0 && warmup <= 600)) {
            throw new IllegalArgumentException("--warmup must be between 0 and 600 seconds; got " + warmup);
        }
        List<String> names = models == null ? List.of("mlp", "lenet5-3x3", "lenet5") : models;
        List<Function<Tensor, ?>> predictors = new ArrayList<>();
        for (String name : names) {                      // check every name before loading anything
            if (!name.equals("mlp") && !java.util.Arrays.asList(BenchSetup.NETWORKS).contains(name)) {
                throw new IllegalArgumentException("--model must be mlp, " + String.join(" or ", BenchSetup.NETWORKS)
                        + "; got '" + name + "'");
            }
        }
        Dataset data = BenchSetup.mnist(dir, !json);
        Tensor x = data.test().x();
        for (String name : names) {
            if (name.equals("mlp")) {
                MLPClassifier clf = MLPClassifier.builder().hiddenLayerSizes(100).batchSize(200).maxIter(1)
                        .randomState(0).build();
                try (EstimatorWarnings held = new EstimatorWarnings()) {   // its ConvergenceWarning is expected
                    int fitted = Math.min(2000, data.train().size());
                    clf.fit(data.train().x().rows(0, fitted), java.util.Arrays.copyOf(data.train().y(), fitted));
                }
                predictors.add(clf::predictProba);
            } else {
                Sequential net = BenchSetup.lenet(name);
                net.build(x.cols());
                predictors.add(net::predict);
            }
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        PrintWriter out = spec.commandLine().getOut();
        for (int i = 0; i < names.size(); i++) {
            Map<String, Object> r = measure(names.get(i), predictors.get(i), x);
            rows.add(r);
            if (!json) {
                out.printf("%-11s %d threads: %,.0f rows/s in batches of %d, one row in %.1f µs (%,.0f rows/s)%n",
                        names.get(i), Parallel.threads(), (Double) r.get("batch_rows_per_second"), (Integer) r.get("batch"),
                        (Double) r.get("single_row_microseconds"), 1e6 / (Double) r.get("single_row_microseconds"));
                out.flush();
            }
        }
        if (json) {
            out.println(new ObjectMapper().writeValueAsString(rows));
        }
        out.flush();
        return 0;
    }

    private Map<String, Object> measure(String name, Function<Tensor, ?> predict, Tensor x) {
        int batch = Math.min(BATCH, x.rows());
        int n = x.rows() - x.rows() % batch;
        Runnable pass = () -> {
            for (int s = 0; s < n; s += batch) {
                predict.apply(x.rows(s, s + batch));
            }
        };
        long warmNanos = (long) (warmup * 1e9);
        // Warm-up: the steady state is measured, so the JIT gets --warmup to compile each path (ten passes over
        // the test rows leave the vector kernels half-compiled and halve the figure).
        for (long end = System.nanoTime() + warmNanos; System.nanoTime() < end; ) {
            pass.run();
        }
        double[] seconds = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long t0 = System.nanoTime();
            pass.run();
            seconds[i] = (System.nanoTime() - t0) / 1e9;
        }
        double[] micros = new double[SINGLE_CALLS];
        for (long end = System.nanoTime() + warmNanos, i = 0; System.nanoTime() < end; i++) {
            int row = (int) (i % x.rows());
            predict.apply(x.rows(row, row + 1));
        }
        for (int i = 0; i < SINGLE_CALLS; i++) {
            int row = i % x.rows();
            long t0 = System.nanoTime();
            predict.apply(x.rows(row, row + 1));
            micros[i] = (System.nanoTime() - t0) / 1e3;
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("model", name);
        r.put("threads", Parallel.threads());
        r.put("batch", batch);
        r.put("batch_rows_per_second", n / BenchSetup.median(seconds));
        r.put("single_row_microseconds", BenchSetup.median(micros));
        return r;
    }
}
