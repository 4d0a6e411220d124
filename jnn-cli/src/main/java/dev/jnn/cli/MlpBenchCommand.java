package dev.jnn.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jnn.data.Dataset;
import dev.jnn.data.RemoteSet;
import dev.jnn.estimator.FitMonitor;
import dev.jnn.estimator.MLPClassifier;
import dev.jnn.tensor.DType;
import dev.jnn.tensor.Parallel;
import dev.jnn.tensor.Tensor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code jnn bench mlp}: the MLPClassifier epoch time on an MNIST-format set (Fashion-MNIST by default), with the
 * configuration that {@code jnn-bench/compare.py} also gives scikit-learn: (100,), adam, batch 200.
 */
@Command(name = "mlp", mixinStandardHelpOptions = true,
        description = "Time MLPClassifier epochs on an MNIST-format dataset (pixels / 255) and report test accuracy.")
final class MlpBenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data-dir", description = "Directory with the four IDX files (raw or .gz). Default: fashion-mnist"
            + " from the catalogue's search order (JNN_DATA, the cache, /usr/share/datasets/fashion-mnist, download).")
    Path dir;

    @picocli.CommandLine.Mixin
    RunOptions run;

    @Option(names = "--epochs", defaultValue = "20")
    int epochs;

    @Option(names = "--rows", paramLabel = "N", description = "Train on the first N training rows (for scaling"
            + " runs). Default: all 60,000.")
    Integer rows;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    /** Timed predict_proba passes over the test set; the median is reported. */
    private static final int PREDICT_REPEATS = 7;

    @Override
    public Integer call() throws Exception {
        run.applyThreads();
        DType type = run.dtype(DType.FLOAT32);
        String dtype = type.toString().toLowerCase(java.util.Locale.ROOT);
        if (rows != null) {
            BenchSetup.atLeast("--rows", rows, 1);
        }
        Dataset data = BenchSetup.idx(RemoteSet.FASHION_MNIST, dir, !json, type);
        int n = rows == null ? data.train().size() : rows;
        if (n > data.train().size()) {
            throw new IllegalArgumentException("--rows must be at most the " + data.train().size()
                    + " training rows; got " + n);
        }
        Tensor xTrain = data.train().x().rows(0, n);
        int[] yTrain = Arrays.copyOf(data.train().y(), n);
        Tensor xTest = data.test().x();
        int[] yTest = data.test().y();
        MLPClassifier clf = MLPClassifier.builder().hiddenLayerSizes(100).batchSize(200).maxIter(epochs)
                .randomState(0).build();
        List<Double> seconds = new ArrayList<>();
        long[] last = {System.nanoTime()};
        clf.setMonitor(new FitMonitor() {
            @Override
            public void onIteration(int iteration, int max, double loss, double score) {
                long now = System.nanoTime();
                seconds.add((now - last[0]) / 1e9);
                last[0] = now;
            }
        });
        long start = System.nanoTime();
        clf.fit(xTrain, yTrain);
        double fit = (System.nanoTime() - start) / 1e9;
        double accuracy = clf.score(xTest, yTest);
        double[] predict = new double[PREDICT_REPEATS];   // predict_proba on the whole test set, after warm-up
        for (int i = 0; i < predict.length; i++) {
            long t0 = System.nanoTime();
            clf.predictProba(xTest);
            predict[i] = (System.nanoTime() - t0) / 1e9;
        }
        java.util.Arrays.sort(predict);
        double predictRate = xTest.rows() / predict[predict.length / 2];
        double[] sorted = seconds.stream().mapToDouble(d -> d).sorted().toArray();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("dtype", dtype);
        r.put("threads", Parallel.threads());
        r.put("rows", n);
        r.put("n_iter", clf.nIter());
        r.put("fit_seconds", fit);
        r.put("epoch_seconds", seconds);
        r.put("median_epoch_seconds", sorted[sorted.length / 2]);
        r.put("mean_epoch_seconds", fit / clf.nIter());
        r.put("test_accuracy", accuracy);
        r.put("final_loss", clf.loss());
        r.put("predict_proba_rows_per_second", predictRate);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().writeValueAsString(r));
        } else {
            out.printf("MLPClassifier (100,) adam batch 200, %d rows, %s, %d threads: %d epochs in %.2f s, median epoch %.3f s,"
                    + " test accuracy %.4f; predict_proba %.0f rows/s (median of %d)%n", n, dtype, Parallel.threads(),
                    clf.nIter(), fit, sorted[sorted.length / 2], accuracy, predictRate, PREDICT_REPEATS);
        }
        out.flush();
        return 0;
    }
}
