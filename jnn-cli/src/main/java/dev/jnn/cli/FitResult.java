package dev.jnn.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.jnn.data.Samples;
import dev.jnn.estimator.MLPClassifier;
import dev.jnn.estimator.MLPRegressor;
import dev.jnn.estimator.MultilayerPerceptron;
import dev.jnn.util.AtomicFiles;
import dev.jnn.metrics.ClassificationReport;
import dev.jnn.metrics.ConfusionMatrix;
import dev.jnn.metrics.Metrics;
import dev.jnn.util.PyFormat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What {@code jnn fit} learned about the test set, printed for people and written as JSON for machines. */
record FitResult(double fitSeconds, List<Double> epochSeconds, int testRows, String[] predicted,
                 ClassificationReport report, ConfusionMatrix confusion, double r2, double mse, String[] classNames) {

    static FitResult of(MultilayerPerceptron est, Samples test, boolean intLabels, double seconds,
                        List<Double> epochSeconds) {
        if (est instanceof MLPClassifier clf) {
            String[] pred = intLabels
                    ? Arrays.stream(clf.predict(test.x())).mapToObj(Integer::toString).toArray(String[]::new)
                    : clf.predictNames(test.x());
            return ofClassification(test, pred, seconds, epochSeconds);
        }
        return ofRegression(test, ((MLPRegressor) est).predict(test.x()), seconds, epochSeconds);
    }

    /** The report of predicted labels against the test set's (compared as integers when all are integers). */
    static FitResult ofClassification(Samples test, String[] pred, double seconds, List<Double> epochSeconds) {
        boolean ints = test.hasIntLabels() && Arrays.stream(pred).allMatch(v -> v.matches("[+-]?\\d{1,9}"));
        ClassificationReport report;
        ConfusionMatrix cm;
        if (ints) {
            int[] p = Arrays.stream(pred).mapToInt(v -> Integer.parseInt(v.replace("+", ""))).toArray();
            report = ClassificationReport.of(test.y(), p);
            cm = ConfusionMatrix.of(test.y(), p);
        } else {
            report = ClassificationReport.of(test.labels(), pred);
            cm = ConfusionMatrix.of(test.labels(), pred);
        }
        return new FitResult(seconds, epochSeconds, test.size(), pred, report, cm, Double.NaN, Double.NaN, null);
    }

    /** R² and MSE of predicted values against the test set's targets. */
    static FitResult ofRegression(Samples test, double[] p, double seconds, List<Double> epochSeconds) {
        double[] y = test.targets();
        return new FitResult(seconds, epochSeconds, test.size(),
                Arrays.stream(p).mapToObj(PyFormat::repr).toArray(String[]::new), null, null, Metrics.r2(y, p),
                Metrics.meanSquaredError(y, p), null);
    }

    /**
     * The same results with the classes named as the data set names them ({@code Datasets.classNames}: label
     * {@code i} is {@code names[i]}); unchanged when there are none or the labels are not such indices.
     */
    FitResult named(String[] names) {
        if (names == null || report == null) {
            return this;
        }
        String[] labels = confusion.labels();
        String[] shown = new String[labels.length];
        for (int i = 0; i < labels.length; i++) {
            if (!labels[i].matches("\\d{1,9}") || Integer.parseInt(labels[i]) >= names.length) {
                return this;
            }
            shown[i] = names[Integer.parseInt(labels[i])];
        }
        return new FitResult(fitSeconds, epochSeconds, testRows, predicted, report.withTargetNames(shown), confusion,
                r2, mse, shown);
    }

    /** The classification report and confusion matrix, or R² and MSE. */
    String summary() {
        if (report == null) {
            return String.format("Test set (%d rows): R² %.6f, mean squared error %.6g%n", testRows, r2, mse);
        }
        return report.text() + "\nConfusion matrix (rows: true label, columns: predicted; labels "
                + (classNames == null ? String.join(" ", confusion.labels()) : String.join(", ", classNames)) + "):\n"
                + confusion.toNumpyString() + "\n";
    }

    void writeReport(Path file, MultilayerPerceptron est) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("estimator", est.getClass().getSimpleName());
        root.put("params", jsonParams(est.getParams()));
        root.put("n_iter", est.nIter());
        boolean stochastic = est.params().solver().stochastic();
        root.put("loss", est.loss());
        root.put("loss_curve", stochastic ? est.lossCurve() : null);
        root.put("validation_scores", stochastic ? est.validationScores() : null);
        root.put("warnings", est.warnings());
        writeReport(file, root);
    }

    /** Writes {@code head} (what the learner reports about itself), the timings and the test results. */
    void writeReport(Path file, Map<String, Object> head) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>(head);
        root.put("fit_seconds", fitSeconds);
        root.put("epoch_seconds", epochSeconds);
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("n_samples", testRows);
        if (report != null) {
            t.put("accuracy", report.accuracy());
            t.put("classification_report", report.text());
            t.put("classification_report_dict", report.toMap());
            t.put("labels", confusion.labels());
            t.put("confusion_matrix", confusion.counts());
        } else {
            t.put("r2", r2);
            t.put("mse", mse);
        }
        root.put("test", t);
        writeJson(file, root);
    }

    /** What the dashboard shows at the end: the test accuracy, the classes and the confusion matrix, or R² and MSE. */
    Map<String, Object> dashboardScores() {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("test_rows", testRows);
        t.put("fit_seconds", fitSeconds);
        if (report == null) {
            t.put("test_r2", r2);
            t.put("test_mse", mse);
            return t;
        }
        t.put("test_accuracy", report.accuracy());
        t.put("classes", classNames != null ? List.of(classNames) : List.of(confusion.labels()));
        t.put("confusion_matrix", confusion.counts());
        return t;
    }

    /** Writes {@code root} as indented JSON, atomically. */
    static void writeJson(Path file, Map<String, Object> root) throws IOException {
        byte[] bytes = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(root);
        AtomicFiles.write(file, bytes);
    }

    void writePredictions(Path file) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (String p : predicted) {
            sb.append(PredictionsCsv.field(p)).append('\n');
        }
        AtomicFiles.write(file, sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    static Map<String, Object> jsonParams(Map<String, Object> params) {
        Map<String, Object> out = new LinkedHashMap<>(params);
        out.replaceAll((k, v) -> v instanceof Double d && d.isInfinite() ? "inf" : v);
        return out;
    }
}
