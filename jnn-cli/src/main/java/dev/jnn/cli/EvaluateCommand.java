package dev.jnn.cli;

import dev.jnn.data.Dataset;
import dev.jnn.data.Samples;
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

/** {@code jnn evaluate}: a saved model's test results on a data set. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Score a saved model on the test rows of a data set, chosen as jnn fit chooses them (the"
                + " official test split, --test, or the --test-size split with --split-seed): the classification"
                + " report and confusion matrix, or R² and MSE.")
final class EvaluateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ModelFileOption model;

    @Mixin
    DataOptions data;

    @Option(names = "--report", paramLabel = "FILE.json", description = "Write the results as JSON (atomically).")
    Path report;

    @Option(names = "--plots", paramLabel = "DIR", description = "Write the confusion matrix, ROC curves and, for"
            + " images, the misclassified samples as PNG, with DIR/index.html.")
    Path plots;

    @Override
    public Integer call() throws Exception {
        SavedModel m = model.load();
        RunPlots figures = plots == null ? null : new RunPlots(plots);
        Dataset set = data.loadLabelled(m.dtype(), m.isClassifier(), false, "jnn evaluate");
        Samples test = set.test();
        String[] predicted = m.predict(test.x());
        FitResult result = m.isClassifier()
                ? FitResult.ofClassification(test, predicted, 0, List.of()).named(data.classNames())
                : FitResult.ofRegression(test, java.util.Arrays.stream(predicted).mapToDouble(Double::parseDouble)
                        .toArray(), 0, List.of());
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%s (%s) on %s: %d test rows%n%n", model.file, m.kind(), data.data, test.size());
        out.print(result.summary());
        out.flush();
        if (report != null) {
            Map<String, Object> head = new LinkedHashMap<>();
            head.put("model", model.file.toString());
            head.put("kind", m.kind());
            result.writeReport(report, head);
        }
        if (figures != null) {
            if (m.isClassifier()) {
                figures.metric("test accuracy", result.report().accuracy());
                figures.classifier(result.confusion(), test, test.x(), predicted, m.classes(), m.proba(test.x()));
            } else {
                figures.metric("test R2", result.r2());
                figures.metric("test MSE", result.mse());
            }
            figures.write("jnn evaluate " + model.file + " on " + data.data, "jnn evaluate " + String.join(" ",
                    spec.commandLine().getParseResult().originalArgs()), Map.of("model", model.file.toString()),
                    result.summary(), out);
        }
        return 0;
    }
}
