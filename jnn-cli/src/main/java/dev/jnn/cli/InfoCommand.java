package dev.jnn.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.jnn.estimator.MultilayerPerceptron;
import dev.jnn.model.Sequential;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code jnn info}: what a model file holds. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Show a saved model: its kind, features, classes, its summary (layers or parameters) and the"
                + " file's metadata; --json prints the same as JSON.")
final class InfoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ModelFileOption model;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        SavedModel m = model.load();
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("file", model.file.toString());
        info.put("kind", m.kind());
        info.put("features", m.features());
        info.put("dtype", m.metadata.get("dtype"));
        if (m.isClassifier()) {
            info.put("classes", m.classes());
        }
        String summary = summary(m.model);
        info.put("summary", summary);
        info.put("metadata", m.metadata);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(info));
        } else {
            out.printf("%s: %s, %d features, %s%s%n%n%s%n", model.file, m.kind(), m.features(), info.get("dtype"),
                    m.isClassifier() ? ", classes " + String.join(" ", m.classes()) : "", summary);
            out.println("metadata:");
            m.metadata.forEach((k, v) -> out.printf("  %s: %s%n", k, v.length() > 300 ? v.substring(0, 300) + "..." : v));
        }
        out.flush();
        return 0;
    }

    private static String summary(Object model) {
        if (model instanceof dev.jnn.preprocess.Pipeline p) {
            return "preprocessing: " + p.steps().stream().map(st -> st.name() + " "
                    + st.transformer().getClass().getSimpleName()).toList() + "\n" + summary(p.finalEstimator());
        }
        if (model instanceof Sequential s) {
            return s.summary();
        }
        if (model instanceof dev.jnn.estimator.Perceptron p) {
            return "coef " + p.coef().length + " x " + p.nFeaturesIn() + ", n_iter " + p.nIter() + "\nparams: "
                    + p.getParams();
        }
        if (model instanceof dev.jnn.estimator.SVC s) {
            return s.params().kernel().pythonName() + " kernel, gamma " + s.fittedGamma() + ", support vectors "
                    + java.util.Arrays.toString(s.nSupport()) + ", n_iter " + java.util.Arrays.toString(s.nIter())
                    + "\nparams: " + s.getParams();
        }
        MultilayerPerceptron mlp = (MultilayerPerceptron) model;
        StringBuilder b = new StringBuilder("layers (units): ").append(mlp.nFeaturesIn());
        mlp.coefs().forEach(w -> b.append(" -> ").append(w.cols()));
        b.append(", out_activation ").append(mlp.outActivation().pythonName()).append(", n_iter ").append(mlp.nIter())
                .append(", loss ").append(String.format(java.util.Locale.ROOT, "%.6f", mlp.loss()))
                .append("\nparams: ").append(dev.jnn.estimator.MLPParams.TABLE.toMap(mlp.params()).entrySet().stream()
                        .map(e -> e.getKey() + "=" + (e.getValue() instanceof int[] a ? java.util.Arrays.toString(a)
                                : e.getValue())).toList());
        return b.toString();
    }
}
