package dev.jnn.plot;

import dev.jnn.tensor.Tensor;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.geom.Ellipse2D;
import java.util.TreeSet;

/** Scatter plots of two columns coloured by class: the data itself, PCA projections, one panel of a pair plot. */
final class Scatter {
    private Scatter() {
    }

    /** The classes present in {@code y}, sorted. */
    static int[] classes(int[] y) {
        TreeSet<Integer> s = new TreeSet<>();
        for (int v : y) {
            s.add(v);
        }
        return s.stream().mapToInt(Integer::intValue).toArray();
    }

    static XYPlot plot(Tensor x, int i, int j, int[] y, String[] names, String xName, String yName) {
        if (x.rank() != 2 || i < 0 || j < 0 || i >= x.cols() || j >= x.cols()) {
            throw new IllegalArgumentException("columns " + i + " and " + j + " are not both columns of " + x);
        }
        if (y != null && y.length != x.rows()) {
            throw new IllegalArgumentException("x has " + x.rows() + " rows but y has " + y.length + " labels");
        }
        int[] classes = y == null ? new int[] {0} : classes(y);
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer dots = new XYLineAndShapeRenderer(false, true);
        int size = x.rows() > 2000 ? 4 : 7;
        for (int k = 0; k < classes.length; k++) {
            String name = y == null ? "samples" : names != null && classes[k] >= 0 && classes[k] < names.length
                    ? names[classes[k]] : String.valueOf(classes[k]);
            XYSeries s = new XYSeries(name, false, true);
            for (int r = 0; r < x.rows(); r++) {
                if (y == null || y[r] == classes[k]) {
                    s.add(x.get(r, i), x.get(r, j));
                }
            }
            data.addSeries(s);
            dots.setSeriesPaint(k, Style.color(k));
            dots.setSeriesShape(k, new Ellipse2D.Double(-size / 2.0, -size / 2.0, size, size));
        }
        NumberAxis xa = new NumberAxis(xName);
        NumberAxis ya = new NumberAxis(yName);
        xa.setAutoRangeIncludesZero(false);
        ya.setAutoRangeIncludesZero(false);
        return new XYPlot(data, xa, ya, dots);
    }

    static Figure draw(String kind, String title, Tensor x, int i, int j, int[] y, String[] names, String xName,
                       String yName) {
        XYPlot plot = plot(x, i, j, y, names, xName, yName);
        return Figure.of(kind, Style.xy(new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, y != null)),
                Style.WIDTH, Style.HEIGHT);
    }
}
