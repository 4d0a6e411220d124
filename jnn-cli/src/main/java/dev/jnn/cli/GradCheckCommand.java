package dev.jnn.cli;

import dev.jnn.data.Samples;
import dev.jnn.estimator.MLPClassifier;
import dev.jnn.estimator.MLPParams;
import dev.jnn.model.ModelJson;
import dev.jnn.model.Sequential;
import dev.jnn.nn.GradientCheck;
import dev.jnn.nn.Loss;
import dev.jnn.optim.Sgd;
import dev.jnn.tensor.DType;
import dev.jnn.tensor.Tensor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code jnn gradcheck}: back-propagation against central differences, per parameter tensor, in float64. */
@Command(name = "gradcheck", mixinStandardHelpOptions = true,
        description = "Check an MLP's (after one epoch on the rows) or a JSON network's (as initialised) gradients"
                + " against central differences on the first --samples training rows, in float64. Prints the largest"
                + " relative error per parameter tensor; exits 1 when any is above 1e-6. Relu and max pooling have"
                + " kinks: on data with many zeros (pre-activations at exactly 0, tied maxima) central differences"
                + " straddle them and show large errors; check with tanh or logistic and average pooling.")
final class GradCheckCommand implements Callable<Integer> {
    static final double LIMIT = 1e-6;

    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data;

    /** The MLP parameters' options, added by {@link Main#commandLine()}. */
    MlpOptions mlp;

    @Option(names = "--model", paramLabel = "FILE.json", description = "A JSON layer list (jnn fit --model) instead of the MLP.")
    Path model;

    @Option(names = "--seed", defaultValue = "0",
            description = "With --model: the seed of the network's initial weights. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--samples", defaultValue = "20", description = "Rows to check on. Default: ${DEFAULT-VALUE}.")
    int samples;

    @Override
    public Integer call() throws Exception {
        if (samples < 1) {
            throw new IllegalArgumentException("--samples must be at least 1, got " + samples);
        }
        Samples train = data.load(DType.FLOAT64, true, false).train();
        int n = Math.min(samples, train.size());
        Tensor x = train.x().rows(0, n).copy();
        int[] y = Arrays.copyOf(train.classIndices(), n);
        List<GradientCheck.Row> rows;
        String what;
        if (model != null) {
            if (!mlp.params().isEmpty()) {
                throw new IllegalArgumentException("--" + mlp.params().keySet().iterator().next().replace('_', '-')
                        + " is an MLP option; it does not apply to --model FILE.json");
            }
            if (!Files.isRegularFile(model)) {
                throw new dev.jnn.data.DataException(model + ": no such file");
            }
            Sequential net = ModelJson.read(Files.readString(model, StandardCharsets.UTF_8), model.toString())
                    .seed(seed);
            net.dtype(DType.FLOAT64);
            net.compile(new Sgd(), Loss.SPARSE_CATEGORICAL_CROSSENTROPY);
            net.build(x.cols());
            rows = GradientCheck.of(net.network(), net.loss(), x, net.targets(y), 1);
            what = model.toString();
        } else {
            Map<String, Object> params = new java.util.TreeMap<>(MlpOptions.only(mlp.params(), MLPParams.TABLE, "the MLP"));
            params.putIfAbsent("max_iter", 1);
            params.putIfAbsent("random_state", 0);
            MLPClassifier clf = new MLPClassifier();
            clf.setParams(params);
            clf.fit(x, y);
            rows = GradientCheck.of(clf.network(), clf.lossFunction(), x, clf.targets(y), 1.0 / n);
            what = "MLPClassifier" + Arrays.toString(clf.params().hiddenLayerSizes());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Gradient check of %s on %d rows of %s (float64, step %.0e)%n%n", what, n, data.data,
                GradientCheck.STEP);
        out.printf("%-36s %8s %22s%n", "parameter", "size", "max relative error");
        boolean ok = true;
        for (GradientCheck.Row r : rows) {
            out.printf("%-36s %8d %22.3e%s%n", r.parameter(), r.size(), r.maxRelativeError(),
                    r.maxRelativeError() > LIMIT ? "  ABOVE 1e-6" : "");
            ok &= r.maxRelativeError() <= LIMIT;
        }
        out.println();
        out.println(ok ? "All gradients agree within 1e-6." : "Some gradients differ by more than 1e-6.");
        out.flush();
        return ok ? 0 : 1;
    }
}
