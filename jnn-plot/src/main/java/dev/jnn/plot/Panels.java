package dev.jnn.plot;

import dev.jnn.nn.Activation;
import dev.jnn.preprocess.Pca;
import dev.jnn.tensor.DType;
import dev.jnn.tensor.Tensor;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.statistics.HistogramDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;

/** The figures made of several panels or of library functions: PCA, the pair plot, the activation functions. */
final class Panels {
    private Panels() {
    }

    /** PCA: the first two components' scatter by class, beside the cumulative explained variance with the 0.95 line. */
    static Figure pca(Pca pca, Tensor projected, int[] y, String[] names) {
        if (projected.cols() < 2) {
            throw new IllegalArgumentException("a PCA scatter needs at least 2 components, got " + projected.cols());
        }
        JFreeChart scatter = Style.xy(new JFreeChart("First two principal components", JFreeChart.DEFAULT_TITLE_FONT,
                Scatter.plot(projected, 0, 1, y, names, "PC1", "PC2"), y != null));
        double[] ratio = pca.explainedVarianceRatio();
        XYSeries cumulative = new XYSeries("cumulative explained variance", false, true);
        double sum = 0;
        for (int c = 0; c < ratio.length; c++) {
            sum += ratio[c];
            cumulative.add(c + 1, sum);
        }
        NumberAxis components = new NumberAxis("components");
        components.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis share = new NumberAxis("share of the variance");
        share.setRange(0, 1.02);
        XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, ratio.length <= 60);
        line.setSeriesPaint(0, Style.color(0));
        line.setSeriesStroke(0, Style.stroke(2f));
        XYPlot plot = new XYPlot(new XYSeriesCollection(cumulative), components, share, line);
        ValueMarker marker = new ValueMarker(0.95, new Color(0xd62728), new BasicStroke(1.5f));
        marker.setLabel("0.95");
        plot.addRangeMarker(marker);
        JFreeChart variance = Style.xy(new JFreeChart("Explained variance", JFreeChart.DEFAULT_TITLE_FONT, plot, false));
        return new Figure("pca", side(List.of(scatter, variance), 600, 500));
    }

    /**
     * Two features against each other, as a 2×2 pair plot: each feature's histogram by class on the diagonal, the
     * two scatters off it.
     */
    static Figure pairPlot(Tensor x, int i, int j, int[] y, String[] names, String[] featureNames) {
        int[] f = {i, j};
        JFreeChart[] panels = new JFreeChart[4];
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < 2; c++) {
                String xName = featureName(featureNames, f[c]);
                String yName = featureName(featureNames, f[r]);
                panels[r * 2 + c] = r == c ? histogram(x, f[r], y, names, xName)
                        : Style.xy(new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT,
                        Scatter.plot(x, f[c], f[r], y, names, xName, yName), r == 0));
            }
        }
        BufferedImage img = new BufferedImage(800, 640, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        for (int p = 0; p < 4; p++) {
            panels[p].draw(g, new java.awt.geom.Rectangle2D.Double((p % 2) * 400, (p / 2) * 320, 400, 320));
        }
        g.dispose();
        return new Figure("pair_plot", img);
    }

    private static JFreeChart histogram(Tensor x, int col, int[] y, String[] names, String name) {
        HistogramDataset data = new HistogramDataset();
        int[] classes = y == null ? new int[] {0} : Scatter.classes(y);
        XYBarRenderer bars = new XYBarRenderer();
        bars.setShadowVisible(false);
        bars.setDrawBarOutline(false);
        bars.setBarPainter(new org.jfree.chart.renderer.xy.StandardXYBarPainter());
        for (int k = 0; k < classes.length; k++) {
            int n = 0;
            for (int r = 0; r < x.rows(); r++) {
                n += y == null || y[r] == classes[k] ? 1 : 0;
            }
            double[] v = new double[n];
            n = 0;
            for (int r = 0; r < x.rows(); r++) {
                if (y == null || y[r] == classes[k]) {
                    v[n++] = x.get(r, col);
                }
            }
            String label = names != null && classes[k] >= 0 && classes[k] < names.length ? names[classes[k]]
                    : String.valueOf(classes[k]);
            data.addSeries(label, v, 20);
            Color c = Style.color(k);
            bars.setSeriesPaint(k, new Color(c.getRed(), c.getGreen(), c.getBlue(), 140));
        }
        XYPlot plot = new XYPlot(data, new NumberAxis(name), new NumberAxis("count"), bars);
        return Style.xy(new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false));
    }

    /** The lecture's activation functions (solid) and their derivatives (dashed) over [-4, 4], as jnn computes them. */
    static Figure activations() {
        Activation[] kinds = {Activation.IDENTITY, Activation.LOGISTIC, Activation.TANH, Activation.RELU,
            Activation.LEAKY_RELU, Activation.ELU, Activation.STEP};
        int n = 401;
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
        for (int k = 0; k < kinds.length; k++) {
            Tensor z = Tensor.zeros(DType.FLOAT64, 1, n);
            for (int i = 0; i < n; i++) {
                z.setFlat(i, -4 + 8.0 * i / (n - 1));
            }
            Tensor a = z.copy();
            kinds[k].apply(a);
            XYSeries f = new XYSeries(kinds[k].pythonName(), false, true);
            for (int i = 0; i < n; i++) {
                f.add(z.getFlat(i), a.getFlat(i));
            }
            add(data, lines, f, k, null);
            if (kinds[k] != Activation.STEP) {          // the step has no derivative to train with
                Tensor d = Tensor.zeros(DType.FLOAT64, 1, n);
                for (int i = 0; i < n; i++) {
                    d.setFlat(i, 1.0);
                }
                kinds[k].derivative(a, d);
                XYSeries fd = new XYSeries(kinds[k].pythonName() + "'", false, true);
                for (int i = 0; i < n; i++) {
                    fd.add(z.getFlat(i), d.getFlat(i));
                }
                add(data, lines, fd, k, new float[] {6f, 4f});
            }
        }
        NumberAxis za = new NumberAxis("z");
        NumberAxis fa = new NumberAxis("f(z), f'(z)");
        fa.setRange(-1.6, 2.1);
        XYPlot plot = new XYPlot(data, za, fa, lines);
        return Figure.of("activations", Style.xy(new JFreeChart("Activation functions and their derivatives",
                JFreeChart.DEFAULT_TITLE_FONT, plot, true)), Style.WIDTH, Style.HEIGHT);
    }

    private static void add(XYSeriesCollection data, XYLineAndShapeRenderer lines, XYSeries s, int k, float[] dashes) {
        int index = data.getSeriesCount();
        data.addSeries(s);
        lines.setSeriesPaint(index, Style.color(k));
        lines.setSeriesStroke(index, dashes == null ? Style.stroke(2f)
                : new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dashes, 0f));
    }

    /** Charts side by side, each {@code width}×{@code height}. */
    static BufferedImage side(List<JFreeChart> charts, int width, int height) {
        BufferedImage img = new BufferedImage(width * charts.size(), height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        for (int i = 0; i < charts.size(); i++) {
            charts.get(i).draw(g, new java.awt.geom.Rectangle2D.Double(i * width, 0, width, height));
        }
        g.dispose();
        return img;
    }

    private static String featureName(String[] names, int i) {
        return names != null && i < names.length ? names[i] : "feature " + i;
    }
}
