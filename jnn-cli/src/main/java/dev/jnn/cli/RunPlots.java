package dev.jnn.cli;

import dev.jnn.data.Samples;
import dev.jnn.metrics.ConfusionMatrix;
import dev.jnn.plot.Figure;
import dev.jnn.plot.Figures;
import dev.jnn.plot.HtmlReport;
import dev.jnn.plot.LossRun;
import dev.jnn.preprocess.Pca;
import dev.jnn.api.Transformer;
import dev.jnn.tensor.Tensor;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code --plots DIR}: collects the figures that apply to a run, then writes each as {@code DIR/KIND.png} and the
 * run's page {@code DIR/index.html}. The directory is checked (and made) before any training starts.
 */
final class RunPlots {
    private final Path dir;
    private final List<Figure> figures = new ArrayList<>();
    private final Map<String, Object> metrics = new LinkedHashMap<>();

    /** Checks {@code dir} (a directory, or absent and then made); a file in its place is a usage error. */
    RunPlots(Path dir) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--plots " + dir + ": exists and is not a directory");
        }
        Files.createDirectories(dir);
        this.dir = dir;
    }

    /** The figures for the dashboard alone (no --plots): kept in memory, never written. */
    private RunPlots() {
        this.dir = null;
    }

    static RunPlots inMemory() {
        return new RunPlots();
    }

    /** The figures collected so far. */
    List<Figure> figures() {
        return List.copyOf(figures);
    }

    void add(Figure f) {
        figures.add(f);
    }

    void metric(String name, Object value) {
        metrics.put(name, value);
    }

    /** Training loss per epoch with the validation curve when there is one. */
    void lossCurve(String name, List<Double> loss, List<Double> validation, String validationName, boolean isLoss) {
        if (loss != null && !loss.isEmpty()) {
            add(Figures.lossCurve(new LossRun(name, loss, validation, validationName, isLoss)));
        }
    }

    /**
     * The figures of a classifier's test results: the confusion matrix; ROC curves from the test probabilities
     * (when every test label was seen in training); for images, the misclassified test samples.
     *
     * @param classNames the classifier's classes, in the order of its probability columns
     */
    void classifier(ConfusionMatrix cm, Samples test, Tensor rawTestX, String[] predicted, String[] classNames,
                    double[][] testProba) {
        add(Figures.confusionMatrix(cm, false));
        String[] truth = test.hasIntLabels() ? Arrays.stream(test.y()).mapToObj(Integer::toString)
                .toArray(String[]::new) : test.labels();
        int[] index = indices(truth, classNames);
        if (index != null && testProba != null) {
            add(Figures.rocCurves(index, testProba, classNames));
        }
        int side = imageSide(rawTestX.cols());
        if (side > 0 && !Arrays.equals(truth, predicted)) {
            add(Figures.misclassified(rawTestX, side, side, truth, predicted, 60));
        }
    }

    /**
     * The decision boundary over the raw 2-D training data, predicting through the fitted {@code transforms}:
     * {@code predictIndices} and {@code proba} take transformed rows.
     */
    void boundary(Samples rawTrain, List<Transformer> transforms, String[] classNames,
                  Function<Tensor, int[]> predictIndices, Function<Tensor, double[][]> proba) {
        if (rawTrain.x().cols() != 2) {
            return;
        }
        String[] labels = rawTrain.hasIntLabels() ? Arrays.stream(rawTrain.y()).mapToObj(Integer::toString)
                .toArray(String[]::new) : rawTrain.labels();
        int[] y = indices(labels, classNames);
        if (y == null) {
            return;
        }
        int[] classes = new int[classNames.length];
        Arrays.setAll(classes, i -> i);
        Function<Tensor, Tensor> through = x -> {
            Tensor t = x;
            for (Transformer tr : transforms) {
                t = tr.transform(t);
            }
            return t;
        };
        add(Figures.decisionBoundary(classes, x -> predictIndices.apply(through.apply(x)),
                proba == null ? null : x -> proba.apply(through.apply(x)), rawTrain.x(), y, classNames, false));
    }

    /** With {@code --pca}: the projected training rows by class and the explained variance. */
    void pca(List<Transformer> transforms, Samples rawTrain, String[] classNames) {
        Tensor x = rawTrain.x();
        for (Transformer t : transforms) {
            x = t.transform(x);
            if (t instanceof Pca pca && x.cols() >= 2) {
                String[] labels = rawTrain.hasIntLabels() ? Arrays.stream(rawTrain.y()).mapToObj(Integer::toString)
                        .toArray(String[]::new) : rawTrain.labels();
                add(Figures.pca(pca, x, classNames == null ? null : indices(labels, classNames), classNames));
                return;
            }
        }
    }

    /** Writes every figure and the page; prints where they went. */
    void write(String title, String command, Map<String, Object> params, String text, PrintWriter out)
            throws IOException {
        if (dir == null) {
            return;
        }
        for (Figure f : figures) {
            f.writeInto(dir);
        }
        HtmlReport page = new HtmlReport(title, command).params(params).text(text).figures(figures);
        metrics.forEach(page::metric);
        Path index = page.write(dir);
        out.printf("Plots: %d figures and %s%n", figures.size(), index);
        out.flush();
    }

    /** The filters of a convolution, one row per filter and a tile per input channel. */
    static Figure filters(dev.jnn.nn.Conv2D conv) {
        List<?> size = (List<?>) conv.config().get("kernel_size");
        int kh = (Integer) size.get(0);
        int kw = (Integer) size.get(1);
        Tensor k = conv.kernel().value();
        return Figures.filters(k, kh, kw, k.rows() / (kh * kw));
    }

    /** Layer {@code index}'s feature maps for one row (the layer's output shape is (height, width, channels)). */
    static Figure featureMaps(dev.jnn.model.Sequential net, int index, Tensor row) {
        int[] shape = net.layers().get(index).outputShape();
        int kerasIndex = (int) net.layers().subList(0, index).stream()
                .filter(l -> !(l instanceof dev.jnn.nn.Input)).count();
        return Figures.featureMaps(net.activations(kerasIndex, row), shape[0], shape[1], shape[2]);
    }

    /** The side of square images of {@code features} pixels (8x8 digits and up), else 0. */
    static int imageSide(int features) {
        int side = (int) Math.round(Math.sqrt(features));
        return features >= 64 && side * side == features ? side : 0;
    }

    /** Each label's index among {@code classNames}, or null when one is not there. */
    static int[] indices(String[] labels, String[] classNames) {
        Map<String, Integer> at = new LinkedHashMap<>();
        for (int i = 0; i < classNames.length; i++) {
            at.put(classNames[i], i);
        }
        int[] out = new int[labels.length];
        for (int r = 0; r < labels.length; r++) {
            Integer i = at.get(labels[r]);
            if (i == null) {
                return null;
            }
            out[r] = i;
        }
        return out;
    }
}
