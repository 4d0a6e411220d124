package dev.jnn.plot;

import dev.jnn.metrics.RocAuc;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.Arrays;
import java.util.Locale;
import java.util.TreeSet;

/**
 * ROC curves of class probabilities: for two classes the positive class's curve; for more, one curve per class
 * (one against the rest) and the micro average (all decisions pooled) and the macro average (the mean of the
 * per-class true-positive rates over every false-positive rate), each with its AUC in the legend, and the chance
 * diagonal.
 */
final class RocCurves {
    private RocCurves() {
    }

    static Figure draw(int[] y, double[][] proba, String[] names) {
        int k = proba.length == 0 ? 0 : proba[0].length;
        if (y.length != proba.length || k < 2) {
            throw new IllegalArgumentException("ROC curves need a label and at least two class probabilities per row");
        }
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
        if (k == 2) {
            add(data, lines, curve(y, proba, 1), name(names, 1), Style.color(0), 2.5f, null);
        } else {
            RocAuc.Curve[] curves = new RocAuc.Curve[k];
            for (int c = 0; c < k; c++) {
                curves[c] = curve(y, proba, c);
                add(data, lines, curves[c], name(names, c), Style.color(c), 1.5f, null);
            }
            add(data, lines, micro(y, proba), "micro average", Color.BLACK, 2.5f, new float[] {2f, 3f});
            add(data, lines, macro(curves), "macro average", Color.DARK_GRAY, 2.5f, new float[] {8f, 4f});
        }
        XYSeries chance = new XYSeries("chance", false, true);
        chance.add(0, 0);
        chance.add(1, 1);
        int c = data.getSeriesCount();
        data.addSeries(chance);
        lines.setSeriesPaint(c, Color.GRAY);
        lines.setSeriesStroke(c, new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                new float[] {4f, 4f}, 0f));
        NumberAxis fpr = new NumberAxis("false positive rate");
        NumberAxis tpr = new NumberAxis("true positive rate");
        fpr.setRange(0, 1);
        tpr.setRange(0, 1.02);
        XYPlot plot = new XYPlot(data, fpr, tpr, lines);
        return Figure.of("roc_curves", Style.xy(new JFreeChart("ROC curves", JFreeChart.DEFAULT_TITLE_FONT, plot,
                true)), Style.WIDTH, Style.HEIGHT);
    }

    private static RocAuc.Curve curve(int[] y, double[][] proba, int c) {
        boolean[] positive = new boolean[y.length];
        double[] score = new double[y.length];
        for (int r = 0; r < y.length; r++) {
            positive[r] = y[r] == c;
            score[r] = proba[r][c];
        }
        return RocAuc.curve(positive, score, true);
    }

    private static RocAuc.Curve micro(int[] y, double[][] proba) {
        int k = proba[0].length;
        boolean[] positive = new boolean[y.length * k];
        double[] score = new double[y.length * k];
        for (int r = 0; r < y.length; r++) {
            for (int c = 0; c < k; c++) {
                positive[r * k + c] = y[r] == c;
                score[r * k + c] = proba[r][c];
            }
        }
        return RocAuc.curve(positive, score, true);
    }

    /** The mean of the classes' true-positive rates, interpolated at every false-positive rate any class has. */
    private static RocAuc.Curve macro(RocAuc.Curve[] curves) {
        TreeSet<Double> grid = new TreeSet<>();
        for (RocAuc.Curve c : curves) {
            for (double f : c.fpr()) {
                grid.add(f);
            }
        }
        double[] fpr = grid.stream().mapToDouble(Double::doubleValue).toArray();
        double[] tpr = new double[fpr.length];
        for (RocAuc.Curve c : curves) {
            for (int i = 0; i < fpr.length; i++) {
                tpr[i] += interpolate(c.fpr(), c.tpr(), fpr[i]) / curves.length;
            }
        }
        return new RocAuc.Curve(fpr, tpr, new double[fpr.length]);
    }

    /** numpy's {@code interp}: the right-most value where several points share {@code x}. */
    static double interpolate(double[] xs, double[] ys, double x) {
        int hi = Arrays.binarySearch(xs, x);
        if (hi >= 0) {
            while (hi + 1 < xs.length && xs[hi + 1] == x) {
                hi++;
            }
            return ys[hi];
        }
        int at = -hi - 1;
        if (at == 0) {
            return ys[0];
        }
        if (at == xs.length) {
            return ys[xs.length - 1];
        }
        double t = (x - xs[at - 1]) / (xs[at] - xs[at - 1]);
        return ys[at - 1] + t * (ys[at] - ys[at - 1]);
    }

    private static void add(XYSeriesCollection data, XYLineAndShapeRenderer lines, RocAuc.Curve c, String name,
                            Color color, float width, float[] dashes) {
        String label = String.format(Locale.ROOT, "%s (AUC %.3f)", name, RocAuc.auc(c.fpr(), c.tpr()));
        XYSeries s = new XYSeries(label, false, true);
        for (int i = 0; i < c.fpr().length; i++) {
            s.add(c.fpr()[i], c.tpr()[i]);
        }
        int index = data.getSeriesCount();
        data.addSeries(s);
        lines.setSeriesPaint(index, color);
        lines.setSeriesStroke(index, dashes == null ? Style.stroke(width)
                : new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dashes, 0f));
    }

    private static String name(String[] names, int c) {
        return names != null && c < names.length ? "class " + names[c] : "class " + c;
    }
}
