package dev.jnn.plot;

import dev.jnn.tensor.DType;
import dev.jnn.tensor.Tensor;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.util.function.Function;

/**
 * The decision boundary of a classifier on 2-D data: the predicted class over a grid that covers the data with a
 * 10% margin, as a raster of the classes' light colours, the points on top in their class colours, the misclassified
 * ones ringed in black; for a binary classifier the 0.5 probability contour, and optionally the probability of
 * the second class as shading.
 */
final class DecisionBoundary {
    static final int GRID = 200;

    private DecisionBoundary() {
    }

    /**
     * @param classes the labels the classifier predicts, sorted
     * @param predict the predicted label of each row
     * @param proba   the probability of each class per row (columns in {@code classes} order), or null
     */
    static Figure draw(int[] classes, Function<Tensor, int[]> predict, Function<Tensor, double[][]> proba,
                       Tensor x, int[] y, String[] names, boolean shading) {
        if (x.rank() != 2 || x.cols() != 2) {
            throw new IllegalArgumentException("a decision boundary needs 2-D data (2 columns), got " + x);
        }
        if (y.length != x.rows()) {
            throw new IllegalArgumentException("x has " + x.rows() + " rows but y has " + y.length + " labels");
        }
        double[] lo = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        double[] hi = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int r = 0; r < x.rows(); r++) {
            for (int c = 0; c < 2; c++) {
                lo[c] = Math.min(lo[c], x.get(r, c));
                hi[c] = Math.max(hi[c], x.get(r, c));
            }
        }
        double[] step = new double[2];
        for (int c = 0; c < 2; c++) {
            double margin = Math.max(hi[c] - lo[c], 1e-9) * 0.1;
            lo[c] -= margin;
            hi[c] += margin;
            step[c] = (hi[c] - lo[c]) / (GRID - 1);
        }
        Tensor grid = Tensor.zeros(x.dtype() == DType.FLOAT32 ? DType.FLOAT32 : DType.FLOAT64, GRID * GRID, 2);
        for (int j = 0; j < GRID; j++) {
            for (int i = 0; i < GRID; i++) {
                grid.set(lo[0] + i * step[0], j * GRID + i, 0);
                grid.set(lo[1] + j * step[1], j * GRID + i, 1);
            }
        }
        int[] predicted = predict.apply(grid);
        double[][] p = classes.length == 2 && proba != null ? proba.apply(grid) : null;
        double[][] cells = new double[3][GRID * GRID];
        for (int k = 0; k < GRID * GRID; k++) {
            cells[0][k] = grid.get(k, 0);
            cells[1][k] = grid.get(k, 1);
            cells[2][k] = shading && p != null ? p[k][1] : indexOf(classes, predicted[k]);
        }
        DefaultXYZDataset raster = new DefaultXYZDataset();
        raster.addSeries("predicted class", cells);
        XYBlockRenderer blocks = new XYBlockRenderer();
        blocks.setBlockWidth(step[0]);
        blocks.setBlockHeight(step[1]);
        blocks.setSeriesVisibleInLegend(0, false);
        blocks.setPaintScale(shading && p != null ? shades() : regions(classes.length));

        XYSeriesCollection points = new XYSeriesCollection();
        XYLineAndShapeRenderer dots = new XYLineAndShapeRenderer(false, true);
        int[] fitted = predict.apply(x);
        XYSeries wrong = new XYSeries("misclassified", false, true);
        for (int k = 0; k < classes.length; k++) {
            XYSeries s = new XYSeries(k < names.length ? names[k] : String.valueOf(classes[k]), false, true);
            for (int r = 0; r < x.rows(); r++) {
                if (y[r] == classes[k]) {
                    s.add(x.get(r, 0), x.get(r, 1));
                }
            }
            points.addSeries(s);
            dots.setSeriesPaint(k, Style.color(k));
            dots.setSeriesShape(k, new Ellipse2D.Double(-4, -4, 8, 8));
        }
        for (int r = 0; r < x.rows(); r++) {
            if (fitted[r] != y[r]) {
                wrong.add(x.get(r, 0), x.get(r, 1));
            }
        }
        if (!wrong.isEmpty()) {
            points.addSeries(wrong);
            dots.setSeriesPaint(classes.length, Color.BLACK);
            dots.setSeriesShape(classes.length, new Ellipse2D.Double(-7, -7, 14, 14));
            dots.setSeriesShapesFilled(classes.length, false);
        }

        NumberAxis xAxis = new NumberAxis("x0");
        NumberAxis yAxis = new NumberAxis("x1");
        xAxis.setRange(lo[0] - step[0] / 2, hi[0] + step[0] / 2);
        yAxis.setRange(lo[1] - step[1] / 2, hi[1] + step[1] / 2);
        XYPlot plot = new XYPlot(points, xAxis, yAxis, dots);
        plot.setDataset(1, raster);
        plot.setRenderer(1, blocks);
        // the default (reverse) order draws the raster (dataset 1) first and the points over it
        if (p != null) {
            contour(plot, cells[0], cells[1], p);
        }
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        String title = "Decision boundary (training accuracy " + String.format(java.util.Locale.ROOT, "%.3f",
                accuracy(fitted, y)) + ")";
        JFreeChart chart = Style.xy(new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true));
        return Figure.of("decision_boundary", chart, Style.WIDTH, Style.HEIGHT);
    }

    /** The light colour of each class index. */
    private static LookupPaintScale regions(int k) {
        LookupPaintScale scale = new LookupPaintScale(-0.5, k - 0.5, Color.WHITE);
        for (int c = 0; c < k; c++) {
            scale.add(c - 0.5, Style.light(c));
        }
        return scale;
    }

    /** Probabilities of the second class from the first class's light colour to the second's, in 20 steps. */
    private static LookupPaintScale shades() {
        LookupPaintScale scale = new LookupPaintScale(0, 1.000001, Color.WHITE);
        Color a = Style.light(0);
        Color b = Style.light(1);
        for (int s = 0; s < 20; s++) {
            double t = (s + 0.5) / 20;
            scale.add(s / 20.0, new Color(lerp(a.getRed(), b.getRed(), t), lerp(a.getGreen(), b.getGreen(), t),
                    lerp(a.getBlue(), b.getBlue(), t)));
        }
        return scale;
    }

    private static int lerp(int a, int b, double t) {
        return (int) Math.round(a + (b - a) * t);
    }

    /** The 0.5 level of the second class's probability by marching squares, as black line segments. */
    private static void contour(XYPlot plot, double[] gx, double[] gy, double[][] proba) {
        java.awt.BasicStroke stroke = Style.stroke(2f);
        for (int j = 0; j + 1 < GRID; j++) {
            for (int i = 0; i + 1 < GRID; i++) {
                int[] corner = {j * GRID + i, j * GRID + i + 1, (j + 1) * GRID + i + 1, (j + 1) * GRID + i};
                double[][] crossings = new double[4][];
                int found = 0;
                for (int e = 0; e < 4; e++) {
                    int a = corner[e];
                    int b = corner[(e + 1) % 4];
                    double pa = proba[a][1] - 0.5;
                    double pb = proba[b][1] - 0.5;
                    if ((pa < 0) != (pb < 0)) {
                        double t = pa / (pa - pb);
                        crossings[found++] = new double[] {gx[a] + t * (gx[b] - gx[a]), gy[a] + t * (gy[b] - gy[a])};
                    }
                }
                for (int s = 0; s + 1 < found; s += 2) {
                    Line2D.Double l = new Line2D.Double(crossings[s][0], crossings[s][1], crossings[s + 1][0],
                            crossings[s + 1][1]);
                    plot.addAnnotation(new XYLineAnnotation(l.x1, l.y1, l.x2, l.y2, stroke, Color.BLACK), false);
                }
            }
        }
    }

    private static int indexOf(int[] classes, int label) {
        for (int k = 0; k < classes.length; k++) {
            if (classes[k] == label) {
                return k;
            }
        }
        throw new IllegalStateException("predicted label " + label + " is not among the classes");
    }

    private static double accuracy(int[] predicted, int[] y) {
        int right = 0;
        for (int r = 0; r < y.length; r++) {
            right += predicted[r] == y[r] ? 1 : 0;
        }
        return (double) right / y.length;
    }
}
