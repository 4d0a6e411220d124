package dev.jnn.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jnn.data.Dataset;
import dev.jnn.model.Fit;
import dev.jnn.model.History;
import dev.jnn.model.Metric;
import dev.jnn.model.Sequential;
import dev.jnn.nn.Loss;
import dev.jnn.optim.Adam;
import dev.jnn.tensor.Parallel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code jnn bench lenet}: LeNet-5 epoch times on full MNIST with the setting {@code jnn-bench/compare.py} also
 * gives PyTorch: Adam at 0.001, batch 128, shuffled, float32, random_state 0.
 */
@Command(name = "lenet", mixinStandardHelpOptions = true,
        description = {"Time LeNet-5 epochs on full MNIST (pixels / 255): Adam 0.001, batch 128, shuffled, float32.",
            "Prints each epoch's seconds (the first ones carry the JIT's warm-up), the whole fit and test accuracy."})
final class LenetBenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--network", defaultValue = "lenet5-3x3", paramLabel = "lenet5-3x3|lenet5",
            description = "lenet5-3x3 (3x3 convolutions, dropout) or lenet5 (LeCun's 5x5); default ${DEFAULT-VALUE}.")
    String network;

    @Option(names = "--epochs", defaultValue = "5", description = "Epochs (default ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch-size", defaultValue = "128", description = "Batch size (default ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--data-dir", description = "Directory with MNIST's four IDX files (raw or .gz). Default: the"
            + " catalogue's search order (JNN_DATA, the cache, download).")
    Path dir;

    @Option(names = "--threads", paramLabel = "N", description = "Threads for the kernels. Default: all cores.")
    Integer threads;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        BenchSetup.threads(threads);
        BenchSetup.atLeast("--epochs", epochs, 1);
        BenchSetup.atLeast("--batch-size", batchSize, 1);
        Sequential model = BenchSetup.lenet(network);
        Dataset data = BenchSetup.mnist(dir, !json);
        model.compile(new Adam(0.001, 0.9, 0.999, 1e-7), Loss.SPARSE_CATEGORICAL_CROSSENTROPY, Metric.ACCURACY);
        model.build(data.train().x().cols());
        long start = System.nanoTime();
        History h = model.fit(data.train().x(), data.train().y(),
                Fit.epochs(epochs).batchSize(batchSize).shuffle(true));
        double fit = (System.nanoTime() - start) / 1e9;
        double accuracy = model.evaluate(data.test().x(), data.test().y()).get("accuracy");
        List<Double> seconds = h.epochSeconds();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("network", network);
        r.put("threads", Parallel.threads());
        r.put("batch_size", batchSize);
        r.put("epoch_seconds", seconds);
        r.put("best_epoch_seconds", seconds.stream().mapToDouble(d -> d).min().orElseThrow());
        r.put("fit_seconds", fit);
        r.put("test_accuracy", accuracy);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().writeValueAsString(r));
        } else {
            out.printf("%s on MNIST, batch %d, %d threads: %d epochs in %.2f s (%s s), best epoch %.2f s,"
                    + " test accuracy %.4f%n", network, batchSize, Parallel.threads(), epochs, fit,
                    String.join(" ", seconds.stream().map(s -> String.format(java.util.Locale.ROOT, "%.2f", s))
                            .toList()), (Double) r.get("best_epoch_seconds"), accuracy);
        }
        out.flush();
        return 0;
    }
}
