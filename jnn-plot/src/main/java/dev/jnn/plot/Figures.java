package dev.jnn.plot;

import dev.jnn.api.Classifier;
import dev.jnn.metrics.ConfusionMatrix;
import dev.jnn.preprocess.Pca;
import dev.jnn.selection.SearchResults;
import dev.jnn.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Every figure of the course, one small method per kind, from jnn's own result objects. Each returns a
 * {@link Figure} (a PNG-ready picture whose kind names its file); nothing here trains or changes a model.
 * Charts are JFreeChart's, image grids plain {@code BufferedImage}s; all render headless.
 */
public final class Figures {
    private Figures() {
    }

    /** Training loss per epoch of one or more runs (overlaid, with a legend), with their validation curves. */
    public static Figure lossCurves(List<LossRun> runs, boolean logY) {
        return LossCurves.draw(runs, logY);
    }

    /** The loss curve of one run. */
    public static Figure lossCurve(LossRun run) {
        return LossCurves.draw(List.of(run), false);
    }

    /**
     * The predicted class of a classifier trained on 2-D data over a grid covering {@code x}, with the points
     * ({@code y} labels, {@code names} per class index) on top and misclassified ones ringed; for two classes, the
     * 0.5 probability contour, and with {@code shading} the probability of the second class as the background.
     */
    public static Figure decisionBoundary(Classifier clf, Tensor x, int[] y, String[] names, boolean shading) {
        return DecisionBoundary.draw(clf.classes(), clf::predict, clf::predictProba, x, y, names, shading);
    }

    /**
     * As {@link #decisionBoundary(Classifier, Tensor, int[], String[], boolean)} for any predictor (say, a pipeline
     * of transforms and a model): {@code predict} gives labels among the sorted {@code classes}, {@code proba} (or
     * null) their probabilities in that order.
     */
    public static Figure decisionBoundary(int[] classes, Function<Tensor, int[]> predict,
                                          Function<Tensor, double[][]> proba, Tensor x, int[] y, String[] names,
                                          boolean shading) {
        return DecisionBoundary.draw(classes, predict, proba, x, y, names, shading);
    }

    /** The confusion matrix with its counts, or with {@code normalize} each true class's shares, in the cells. */
    public static Figure confusionMatrix(ConfusionMatrix cm, boolean normalize) {
        double[][] v = normalize ? cm.normalized("true") : toDouble(cm.counts());
        return Heatmaps.confusion(cm.labels(), v, normalize);
    }

    /**
     * A grid search's mean test (or with {@code train}, training) scores over two of its parameters, rows by
     * {@code rowParam}; {@code cvResults} is {@code cv_results_} as {@link SearchResults#asMap()} or its JSON file
     * holds it.
     */
    public static Figure searchHeatmap(Map<String, List<Object>> cvResults, String rowParam, String colParam,
                                       boolean train) {
        String key = scoreKey(cvResults, train);
        double[] scores = cvResults.get(key).stream().mapToDouble(o -> ((Number) o).doubleValue()).toArray();
        return Heatmaps.search(train ? "search_heatmap_train" : "search_heatmap", rowParam,
                column(cvResults, rowParam), colParam, column(cvResults, colParam), scores,
                key.replace('_', ' '));
    }

    /** {@link #searchHeatmap(Map, String, String, boolean)} of a search's results. */
    public static Figure searchHeatmap(SearchResults results, String rowParam, String colParam, boolean train) {
        return searchHeatmap(results.asMap(), rowParam, colParam, train);
    }

    /** ROC curves of class probabilities ({@code y} class indices into the probability columns). */
    public static Figure rocCurves(int[] y, double[][] proba, String[] names) {
        return RocCurves.draw(y, proba, names);
    }

    /** Up to {@code max} images (rows of {@code height × width} values) with their captions. */
    public static Figure samples(Tensor images, int height, int width, String[] captions, int max) {
        int n = Math.min(max, images.rows());
        ImageGrids.Tile[] tiles = new ImageGrids.Tile[n];
        for (int i = 0; i < n; i++) {
            tiles[i] = new ImageGrids.Tile(image(images, i, height * width), captions == null ? null : captions[i], false);
        }
        return ImageGrids.draw("samples", "Samples", tiles, height, width, 10, ImageGrids.Scaling.GLOBAL, true);
    }

    /** Up to {@code max} misclassified images, captioned {@code true→predicted} in red. */
    public static Figure misclassified(Tensor images, int height, int width, String[] truth, String[] predicted,
                                       int max) {
        List<ImageGrids.Tile> tiles = new ArrayList<>();
        for (int i = 0; i < images.rows() && tiles.size() < max; i++) {
            if (!truth[i].equals(predicted[i])) {
                tiles.add(new ImageGrids.Tile(image(images, i, height * width), truth[i] + "→" + predicted[i], true));
            }
        }
        if (tiles.isEmpty()) {
            throw new IllegalArgumentException("no misclassified samples to draw");
        }
        return ImageGrids.draw("misclassified", "Misclassified (true→predicted)", tiles.toArray(ImageGrids.Tile[]::new),
                height, width, 10, ImageGrids.Scaling.GLOBAL, true);
    }

    /** The first layer's weights, one tile per hidden unit: column u of {@code kernel} (inputs × units) as an image. */
    public static Figure firstLayerWeights(Tensor kernel, int height, int width) {
        if (kernel.rows() != height * width) {
            throw new IllegalArgumentException("the kernel has " + kernel.rows() + " inputs, not " + height + "x"
                    + width);
        }
        int units = Math.min(kernel.cols(), 100);
        ImageGrids.Tile[] tiles = new ImageGrids.Tile[units];
        for (int u = 0; u < units; u++) {
            double[] px = new double[height * width];
            for (int p = 0; p < px.length; p++) {
                px[p] = kernel.get(p, u);
            }
            tiles[u] = new ImageGrids.Tile(px, null, false);
        }
        return ImageGrids.draw("first_layer_weights", "First-layer weights (" + units + " units)", tiles, height,
                width, 10, ImageGrids.Scaling.PER_TILE, false);
    }

    /** Every channel of one sample's feature maps: {@code maps} is one row of (height, width, channels) values. */
    public static Figure featureMaps(Tensor maps, int height, int width, int channels) {
        if (maps.size() != height * width * channels) {
            throw new IllegalArgumentException("feature maps of " + maps.size() + " values are not " + height + "x"
                    + width + "x" + channels);
        }
        ImageGrids.Tile[] tiles = new ImageGrids.Tile[channels];
        for (int c = 0; c < channels; c++) {
            double[] px = new double[height * width];
            for (int p = 0; p < px.length; p++) {
                px[p] = maps.getFlat(p * channels + c);
            }
            tiles[c] = new ImageGrids.Tile(px, "map " + c, false);
        }
        return ImageGrids.draw("feature_maps", "Feature maps (" + channels + " channels)", tiles, height, width,
                Math.min(channels, 8), ImageGrids.Scaling.PER_TILE, false);
    }

    /** A convolution's filters, a row per filter and a tile per input channel: {@code kernel} is (kh·kw·channels, filters). */
    public static Figure filters(Tensor kernel, int kh, int kw, int channels) {
        if (kernel.rows() != kh * kw * channels) {
            throw new IllegalArgumentException("a kernel of " + kernel.rows() + " rows is not " + kh + "x" + kw + "x"
                    + channels);
        }
        int shown = Math.min(channels, 8);
        ImageGrids.Tile[] tiles = new ImageGrids.Tile[kernel.cols() * shown];
        for (int f = 0; f < kernel.cols(); f++) {
            for (int c = 0; c < shown; c++) {
                double[] px = new double[kh * kw];
                for (int p = 0; p < px.length; p++) {
                    px[p] = kernel.get(p * channels + c, f);
                }
                tiles[f * shown + c] = new ImageGrids.Tile(px, null, false);
            }
        }
        return ImageGrids.draw("filters", "Filters (" + kernel.cols() + " filters x " + shown + " channels)", tiles,
                kh, kw, shown == 1 ? Math.min(kernel.cols(), 8) : shown, ImageGrids.Scaling.PER_TILE, false);
    }

    /** The first two principal components by class beside the cumulative explained variance. */
    public static Figure pca(Pca pca, Tensor projected, int[] y, String[] names) {
        return Panels.pca(pca, projected, y, names);
    }

    /** Originals (top row of each pair) above their reconstructions, up to {@code max} pairs. */
    public static Figure reconstructions(Tensor originals, Tensor reconstructed, int height, int width, int max) {
        int n = Math.min(max, Math.min(originals.rows(), reconstructed.rows()));
        int cols = Math.min(n, 10);
        List<ImageGrids.Tile> tiles = new ArrayList<>();
        for (int start = 0; start < n; start += cols) {
            for (int i = start; i < Math.min(n, start + cols); i++) {
                tiles.add(new ImageGrids.Tile(image(originals, i, height * width), "original", false));
            }
            for (int i = start; i < Math.min(n, start + cols); i++) {
                tiles.add(new ImageGrids.Tile(image(reconstructed, i, height * width), "rebuilt", false));
            }
        }
        return ImageGrids.draw("reconstructions", "Originals and reconstructions", tiles.toArray(ImageGrids.Tile[]::new),
                height, width, cols, ImageGrids.Scaling.GLOBAL, true);
    }

    /** The activation functions of the lecture and their derivatives. */
    public static Figure activations() {
        return Panels.activations();
    }

    /**
     * Figures side by side in rows of {@code columns}, each scaled to 400×300, as one figure of {@code kind}: say, a
     * decision boundary after each epoch.
     */
    public static Figure panels(String kind, List<Figure> figures, int columns) {
        if (figures.isEmpty()) {
            throw new IllegalArgumentException("no figures to put side by side");
        }
        int cols = Math.max(1, Math.min(columns, figures.size()));
        int rows = (figures.size() + cols - 1) / cols;
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(400 * cols, 300 * rows,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = img.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION,
                java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        for (int i = 0; i < figures.size(); i++) {
            g.drawImage(figures.get(i).image(), (i % cols) * 400, (i / cols) * 300, 400, 300, null);
        }
        g.dispose();
        return new Figure(kind, img);
    }

    /** A 2-column data set by class ({@code y} may be null for unlabelled points). */
    public static Figure scatter(Tensor x, int[] y, String[] names) {
        return Scatter.draw("data", "Data", x, 0, 1, y, names, "x0", "x1");
    }

    /** Features {@code i} and {@code j} as a 2×2 pair plot: histograms by class and the two scatters. */
    public static Figure pairPlot(Tensor x, int i, int j, int[] y, String[] names, String[] featureNames) {
        return Panels.pairPlot(x, i, j, y, names, featureNames);
    }

    private static double[] image(Tensor images, int row, int size) {
        if (images.cols() < size) {
            throw new IllegalArgumentException("images of " + images.cols() + " values cannot hold " + size + " pixels");
        }
        double[] px = new double[size];
        int channels = images.cols() / size;
        for (int p = 0; p < size; p++) {
            px[p] = images.get(row, p * channels);     // channels last: the first channel
        }
        return px;
    }

    private static double[][] toDouble(long[][] counts) {
        double[][] out = new double[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            out[i] = java.util.Arrays.stream(counts[i]).asDoubleStream().toArray();
        }
        return out;
    }

    private static String scoreKey(Map<String, List<Object>> cv, boolean train) {
        String prefix = train ? "mean_train_" : "mean_test_";
        return cv.keySet().stream().filter(k -> k.startsWith(prefix)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("the search results have no " + prefix + "* column"
                        + (train ? " (search with training scores)" : "")));
    }

    private static List<Object> column(Map<String, List<Object>> cv, String param) {
        List<Object> c = cv.get("param_" + param);
        if (c == null) {
            throw new IllegalArgumentException("the search did not vary '" + param + "'; its parameters: "
                    + cv.keySet().stream().filter(k -> k.startsWith("param_")).map(k -> k.substring(6)).toList());
        }
        return c;
    }
}
