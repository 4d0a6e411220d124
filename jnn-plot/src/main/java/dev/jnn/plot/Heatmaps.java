package dev.jnn.plot;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultXYZDataset;

import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Annotated heatmaps: the confusion matrix (true labels down, predicted across, counts or row-normalised shares)
 * and a grid search's mean scores over two parameters (the course's η×λ and C×γ figures). Each cell shows its value
 * as text; cells shade from white to blue with the value.
 */
final class Heatmaps {
    private static final int SHADES = 64;

    private Heatmaps() {
    }

    static Figure confusion(String[] labels, double[][] values, boolean normalized) {
        int k = labels.length;
        double[][] grid = new double[k][k];
        String[][] text = new String[k][k];
        for (int t = 0; t < k; t++) {
            for (int p = 0; p < k; p++) {
                grid[t][p] = values[t][p];
                text[t][p] = normalized ? String.format(Locale.ROOT, "%.2f", values[t][p])
                        : Long.toString(Math.round(values[t][p]));
            }
        }
        String title = normalized ? "Confusion matrix (each true class's share)" : "Confusion matrix";
        return draw("confusion_matrix", title, "predicted label", labels, "true label", labels, grid, text);
    }

    /**
     * Mean scores of a search over two parameters: {@code scores[i]} belongs to {@code rowValues[i]} and
     * {@code colValues[i]}; where other parameters varied too, a cell shows the best score of its pair.
     */
    static Figure search(String kind, String rowName, List<?> rowParam, String colName, List<?> colParam,
                         double[] scores, String scoreName) {
        if (rowParam.size() != scores.length || colParam.size() != scores.length) {
            throw new IllegalArgumentException("a search heatmap needs one value of each parameter per score");
        }
        List<Object> rowValues = rowParam.stream().map(Heatmaps::comparable).toList();
        List<Object> colValues = colParam.stream().map(Heatmaps::comparable).toList();
        List<Object> rows = distinct(rowValues);
        List<Object> cols = distinct(colValues);
        double[][] grid = new double[rows.size()][cols.size()];
        for (double[] r : grid) {
            java.util.Arrays.fill(r, Double.NaN);
        }
        for (int i = 0; i < scores.length; i++) {
            int r = rows.indexOf(rowValues.get(i));
            int c = cols.indexOf(colValues.get(i));
            if (Double.isNaN(grid[r][c]) || scores[i] > grid[r][c]) {
                grid[r][c] = scores[i];
            }
        }
        String[][] text = new String[rows.size()][cols.size()];
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < cols.size(); c++) {
                text[r][c] = Double.isNaN(grid[r][c]) ? "nan" : String.format(Locale.ROOT, "%.3f", grid[r][c]);
            }
        }
        return draw(kind, scoreName + " by " + rowName + " and " + colName, axisName(colName, cols),
                labels(cols), axisName(rowName, rows), labels(rows), grid, text);
    }

    /** Rows from the top down, columns left to right; {@code text[r][c]} annotates cell (r, c). */
    private static Figure draw(String kind, String title, String colAxis, String[] colLabels, String rowAxis,
                               String[] rowLabels, double[][] grid, String[][] text) {
        int rows = rowLabels.length;
        int cols = colLabels.length;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double[][] cells = new double[3][rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int i = r * cols + c;
                cells[0][i] = c;
                cells[1][i] = rows - 1 - r;              // the first row at the top
                cells[2][i] = grid[r][c];
                if (!Double.isNaN(grid[r][c])) {
                    lo = Math.min(lo, grid[r][c]);
                    hi = Math.max(hi, grid[r][c]);
                }
            }
        }
        if (!(hi > lo)) {
            hi = lo + 1;
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("cells", cells);
        XYBlockRenderer blocks = new XYBlockRenderer();
        blocks.setPaintScale(blues(lo, hi));
        String[] upwards = new String[rows];
        for (int r = 0; r < rows; r++) {
            upwards[r] = rowLabels[rows - 1 - r];
        }
        SymbolAxis x = new SymbolAxis(colAxis, colLabels);
        SymbolAxis y = new SymbolAxis(rowAxis, upwards);
        x.setGridBandsVisible(false);
        y.setGridBandsVisible(false);
        XYPlot plot = new XYPlot(data, x, y, blocks);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        Font font = new Font(Font.SANS_SERIF, Font.BOLD, Math.max(9, Math.min(16, 160 / Math.max(rows, cols))));
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                XYTextAnnotation a = new XYTextAnnotation(text[r][c], c, rows - 1 - r);
                a.setFont(font);
                a.setTextAnchor(TextAnchor.CENTER);
                double shade = Double.isNaN(grid[r][c]) ? 0 : (grid[r][c] - lo) / (hi - lo);
                a.setPaint(shade > 0.6 ? Color.WHITE : Color.BLACK);
                plot.addAnnotation(a, false);
            }
        }
        JFreeChart chart = Style.xy(new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false));
        int side = Math.max(Style.HEIGHT, Math.min(1000, 60 * Math.max(rows, cols) + 160));
        return Figure.of(kind, chart, side + 40, side);
    }

    /** White to matplotlib's blue in {@link #SHADES} steps over {@code [lo, hi]}; NaN cells stay grey. */
    static LookupPaintScale blues(double lo, double hi) {
        LookupPaintScale scale = new LookupPaintScale(lo, hi + (hi - lo) * 1e-9, new Color(0xcccccc));
        for (int s = 0; s < SHADES; s++) {
            double t = s / (SHADES - 1.0);
            scale.add(lo + (hi - lo) * s / SHADES, new Color((int) Math.round(247 - t * (247 - 8)),
                    (int) Math.round(251 - t * (251 - 48)), (int) Math.round(255 - t * (255 - 107))));
        }
        return scale;
    }

    /**
     * Tuples (hidden_layer_sizes) as their text, so that equal tuples are one value; numbers written as text (as a
     * command line gives them) as numbers, so that they sort and show as such.
     */
    private static Object comparable(Object v) {
        if (v instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                return s;
            }
        }
        return v instanceof int[] a ? java.util.Arrays.toString(a) : v instanceof List<?> l ? l.toString() : v;
    }

    /** The values in first-seen order; numbers sorted ascending. */
    private static List<Object> distinct(List<?> values) {
        Map<String, Object> seen = new LinkedHashMap<>();
        values.forEach(v -> seen.putIfAbsent(String.valueOf(v), v));
        List<Object> out = new ArrayList<>(seen.values());
        if (out.stream().allMatch(v -> v instanceof Number)) {
            out.sort((a, b) -> Double.compare(((Number) a).doubleValue(), ((Number) b).doubleValue()));
        }
        return out;
    }

    /** Positive numbers with a constant ratio (above 1.5) are log-spaced: shown as powers and said so. */
    static boolean logSpaced(List<Object> values) {
        if (values.size() < 3 || !values.stream().allMatch(v -> v instanceof Number n && n.doubleValue() > 0)) {
            return false;
        }
        double first = Math.log(((Number) values.get(1)).doubleValue() / ((Number) values.get(0)).doubleValue());
        for (int i = 1; i + 1 < values.size(); i++) {
            double step = Math.log(((Number) values.get(i + 1)).doubleValue() / ((Number) values.get(i)).doubleValue());
            if (Math.abs(step - first) > 1e-6 * Math.abs(first)) {
                return false;
            }
        }
        return first > Math.log(1.5);
    }

    private static String axisName(String name, List<Object> values) {
        return logSpaced(values) ? name + " (log-spaced)" : name;
    }

    private static String[] labels(List<Object> values) {
        boolean log = logSpaced(values);
        return values.stream().map(v -> log ? String.format(Locale.ROOT, "%.0e", ((Number) v).doubleValue())
                : v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue())
                : String.valueOf(v)).toArray(String[]::new);
    }
}
