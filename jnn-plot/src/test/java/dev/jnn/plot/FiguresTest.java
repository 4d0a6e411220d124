package dev.jnn.plot;

import dev.jnn.estimator.MLPClassifier;
import dev.jnn.estimator.Solver;
import dev.jnn.metrics.ConfusionMatrix;
import dev.jnn.model.zoo.ModelZoo;
import dev.jnn.preprocess.Pca;
import dev.jnn.tensor.DType;
import dev.jnn.tensor.Rng;
import dev.jnn.tensor.Tensor;
import org.jfree.chart.annotations.XYAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every kind renders headless, at its size, with content; known places have the colours and texts they must. */
class FiguresTest {
    /** Two well-separated blobs: class 0 around (-5, -5), class 1 around (5, 5). */
    static Tensor blobs(int[] y) {
        Rng rng = new Rng(3);
        Tensor x = Tensor.zeros(DType.FLOAT64, y.length, 2);
        for (int r = 0; r < y.length; r++) {
            y[r] = r % 2;
            double c = y[r] == 0 ? -5 : 5;
            x.set(rng.normal(c, 0.5), r, 0);
            x.set(rng.normal(c, 0.5), r, 1);
        }
        return x;
    }

    static void assertPicture(Figure f, int minWidth, int minHeight) {
        BufferedImage img = f.image();
        assertTrue(img.getWidth() >= minWidth && img.getHeight() >= minHeight,
                f.kind() + " is " + img.getWidth() + "x" + img.getHeight());
        int first = img.getRGB(0, 0);
        boolean varied = false;
        for (int y = 0; y < img.getHeight() && !varied; y += 3) {
            for (int x = 0; x < img.getWidth() && !varied; x += 3) {
                varied = img.getRGB(x, y) != first;
            }
        }
        assertTrue(varied, f.kind() + " is one colour");
    }

    private static Color at(Figure f, Point2D p) {
        return new Color(f.image().getRGB((int) Math.round(p.getX()), (int) Math.round(p.getY())));
    }

    @Test
    void decisionBoundaryPaintsEachBlobsRegionInItsClassColour() throws Exception {
        int[] y = new int[100];
        Tensor x = blobs(y);
        MLPClassifier clf = MLPClassifier.builder().solver(Solver.LBFGS).hiddenLayerSizes(5).randomState(0).build();
        clf.fit(x, y);
        for (boolean shading : new boolean[] {false, true}) {
            Figure f = Figures.decisionBoundary(clf, x, y, new String[] {"a", "b"}, shading);
            if (System.getenv("JNN_PLOT_KEEP") != null) {
                f.write(Path.of(System.getenv("JNN_PLOT_KEEP"), "boundary-" + shading + ".png"));
            }
            assertPicture(f, 640, 480);
            if (!shading) {
                // near the far corners of the grid, beyond every point: deep inside each blob's side
                assertEquals(Style.light(0), at(f, f.pixel(-7.0, -6.5)));
                assertEquals(Style.light(1), at(f, f.pixel(6.5, 6.8)));
            }
            long lines = ((XYPlot) f.chart().getPlot()).getAnnotations().size();
            assertTrue(lines > 10, "the 0.5 contour has segments: " + lines);
        }
        BufferedImage read = ImageIO.read(new java.io.ByteArrayInputStream(
                Figures.decisionBoundary(clf, x, y, new String[] {"a", "b"}, false).png()));
        assertEquals(Style.WIDTH, read.getWidth());
    }

    @Test
    void heatmapCellsSayTheirValues() {
        ConfusionMatrix cm = ConfusionMatrix.of(new int[] {0, 0, 0, 1, 1, 2}, new int[] {0, 0, 1, 1, 1, 0});
        Figure counts = Figures.confusionMatrix(cm, false);
        assertPicture(counts, 640, 480);
        assertEquals("2", text(counts, 0, 2), "true 0 predicted 0 sits top left");
        assertEquals("1", text(counts, 1, 2), "true 0 predicted 1");
        assertEquals("1", text(counts, 0, 0), "true 2 predicted 0 sits bottom left");
        Figure shares = Figures.confusionMatrix(cm, true);
        assertEquals("0.67", text(shares, 0, 2));
        // the darkest cell is the largest count: true 0 / predicted 0 and true 1 / predicted 1 (2 each)
        Color big = at(counts, counts.pixel(0.3, 2.3));
        Color zero = at(counts, counts.pixel(2.3, 2.3));
        assertTrue(big.getRed() < zero.getRed(), big + " vs " + zero);

        Map<String, List<Object>> cv = new LinkedHashMap<>();
        cv.put("param_alpha", List.of(1e-4, 1e-4, 1e-2, 1e-2, 1.0, 1.0));
        cv.put("param_hidden_layer_sizes", List.of(new int[] {5}, new int[] {10}, new int[] {5}, new int[] {10},
                new int[] {5}, new int[] {10}));
        cv.put("mean_test_score", List.of(0.5, 0.6, 0.7, 0.8, 0.9, 0.95));
        Figure search = Figures.searchHeatmap(cv, "alpha", "hidden_layer_sizes", false);
        assertPicture(search, 640, 480);
        assertEquals("0.950", text(search, 1, 0), "alpha 1 (bottom row) with (10,)");
        assertEquals("0.500", text(search, 0, 2), "alpha 1e-4 (top row) with (5,)");
        assertTrue(((XYPlot) search.chart().getPlot()).getRangeAxis().getLabel().contains("log-spaced"));
        assertThrows(IllegalArgumentException.class, () -> Figures.searchHeatmap(cv, "alpha", "tol", false));
        assertThrows(IllegalArgumentException.class, () -> Figures.searchHeatmap(cv, "alpha", "hidden_layer_sizes", true));
    }

    private static String text(Figure f, double x, double y) {
        for (XYAnnotation a : ((XYPlot) f.chart().getPlot()).getAnnotations()) {
            if (a instanceof XYTextAnnotation t && t.getX() == x && t.getY() == y) {
                return t.getText();
            }
        }
        throw new AssertionError("no annotation at " + x + ", " + y);
    }

    @Test
    void lossCurvesOverlayRunsInTheirColours() {
        LossRun a = new LossRun("relu", List.of(1.0, 0.5, 0.25, 0.2), List.of(0.6, 0.7, 0.8, 0.82),
                "validation score", false);
        LossRun b = LossRun.of("tanh", List.of(1.2, 0.9, 0.7, 0.6));
        Figure one = Figures.lossCurve(a);
        assertPicture(one, 640, 480);
        Figure both = Figures.lossCurves(List.of(a, b), true);
        assertPicture(both, 640, 480);
        // the second run's line passes through its second point
        Color c = at(both, both.pixel(2, 0.9));
        assertTrue(close(c, Style.color(1)), "tanh's line at epoch 2: " + c);
        assertThrows(IllegalArgumentException.class, () -> LossRun.of("empty", List.of()));
    }

    private static boolean close(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) + Math.abs(a.getGreen() - b.getGreen())
                + Math.abs(a.getBlue() - b.getBlue()) < 60;
    }

    @Test
    void imageGridsShowTheImages() {
        Tensor images = Tensor.zeros(DType.FLOAT32, 12, 64);
        for (int i = 0; i < 12; i++) {
            images.set(1.0, i, i);                     // one lit pixel per 8x8 image
        }
        String[] truth = new String[12];
        String[] pred = new String[12];
        for (int i = 0; i < 12; i++) {
            truth[i] = String.valueOf(i % 3);
            pred[i] = String.valueOf(i % 2 == 0 ? i % 3 : (i + 1) % 3);
        }
        Figure samples = Figures.samples(images, 8, 8, truth, 10);
        assertPicture(samples, 640, 100);
        Figure wrong = Figures.misclassified(images, 8, 8, truth, pred, 10);
        assertPicture(wrong, 640, 100);
        // ink is dark on a light page: the first tile's lit pixel (0, 0) is black, its neighbour white
        int zoom = (640 / 10 - 6) / 8 + 1;
        int left = (samples.image().getWidth() - 10 * (8 * zoom + 6)) / 2 + 6;
        assertEquals(Color.BLACK.getRGB(), samples.image().getRGB(left + 1, 31));
        assertEquals(Color.WHITE.getRGB(), samples.image().getRGB(left + zoom + 1, 31));

        Tensor kernel = Tensor.zeros(DType.FLOAT64, 64, 7);
        for (int i = 0; i < kernel.size(); i++) {
            kernel.setFlat(i, Math.sin(i));
        }
        assertPicture(Figures.firstLayerWeights(kernel, 8, 8), 640, 100);
        assertThrows(IllegalArgumentException.class, () -> Figures.firstLayerWeights(kernel, 7, 8));
        assertPicture(Figures.reconstructions(images, images, 8, 8, 6), 640, 100);
    }

    @Test
    void featureMapsAndFiltersOfLeNet() {
        var lenet = ModelZoo.lenet5x3(28).seed(0).build(784);
        Tensor digit = Tensor.zeros(DType.FLOAT32, 1, 784);
        for (int p = 0; p < 784; p++) {
            digit.setFlat(p, (p / 28 > 8 && p / 28 < 20 && p % 28 > 12 && p % 28 < 16) ? 1f : 0f);
        }
        Tensor maps = lenet.activations(0, digit);     // Keras counting: the Input is not a layer
        Figure f = Figures.featureMaps(maps, 26, 26, 6);
        assertPicture(f, 640, 100);
        Tensor kernel = lenet.layers().get(1).parameters().get(0).value();
        assertPicture(Figures.filters(kernel, 3, 3, 1), 640, 60);
        Tensor kernel2 = lenet.layers().get(3).parameters().get(0).value();
        assertPicture(Figures.filters(kernel2, 3, 3, 6), 640, 200);
        assertThrows(IllegalArgumentException.class, () -> Figures.featureMaps(maps, 26, 26, 5));
    }

    @Test
    void pcaRocActivationsAndDataFigures() {
        int[] y = new int[90];
        Tensor x2 = blobs(y);
        Tensor x = Tensor.zeros(DType.FLOAT64, 90, 4);
        for (int r = 0; r < 90; r++) {
            x.set(x2.get(r, 0), r, 0);
            x.set(x2.get(r, 1), r, 1);
            x.set(x2.get(r, 0) * 0.5 + r % 7 * 0.1, r, 2);
            x.set(r % 5, r, 3);
        }
        Pca pca = new Pca().fit(x);
        Figure p = Figures.pca(pca, pca.transform(x), y, new String[] {"a", "b"});
        assertPicture(p, 1200, 480);
        double[][] proba = new double[90][];
        int[] three = new int[90];
        for (int r = 0; r < 90; r++) {
            three[r] = r % 3;
            double s = (r % 3 + (r * 7 % 10) / 10.0) / 3;
            proba[r] = new double[] {(1 - s) / 2, (1 - s) / 2, s};
        }
        assertPicture(Figures.rocCurves(three, proba, new String[] {"x", "y", "z"}), 640, 480);
        assertPicture(Figures.activations(), 640, 480);
        assertPicture(Figures.scatter(x2, y, null), 640, 480);
        assertPicture(Figures.pairPlot(x, 0, 3, y, null, new String[] {"a", "b", "c", "d"}), 640, 480);
        assertEquals(0.5, RocCurves.interpolate(new double[] {0, 1}, new double[] {0, 1}, 0.5));
    }

    @Test
    void reportEmbedsEveryFigure(@TempDir Path dir) throws Exception {
        List<Figure> figs = new ArrayList<>();
        figs.add(Figures.activations());
        figs.add(Figures.lossCurve(LossRun.of("run", List.of(1.0, 0.5))));
        Path page = new HtmlReport("jnn fit <digits>", "jnn fit --plots out").metric("accuracy", 0.97)
                .params(Map.of("alpha", 1e-4)).text("precision  recall").figures(figs).write(dir);
        String html = Files.readString(page);
        assertEquals(2, html.split("data:image/png;base64,", -1).length - 1);
        assertTrue(html.contains("jnn fit &lt;digits&gt;") && html.contains("0.970000"), html.substring(0, 400));
        Path png = figs.get(0).writeInto(dir);
        assertEquals("activations.png", png.getFileName().toString());
        assertEquals(Style.WIDTH, ImageIO.read(png.toFile()).getWidth());
    }
}
