package dev.jnn.plot;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.util.List;

/**
 * Loss curves: each run's training loss per epoch (or iteration), and its validation curve when it has one, a
 * validation loss on the same axis (dashed) or a validation score on a second axis at the right (dotted).
 * Several runs overlay in one chart with a legend, as the course compares activations, rates and solvers.
 */
final class LossCurves {
    private LossCurves() {
    }

    static Figure draw(List<LossRun> runs, boolean logY) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("a loss curve needs at least one run");
        }
        XYSeriesCollection losses = new XYSeriesCollection();
        XYSeriesCollection scores = new XYSeriesCollection();
        int longest = runs.stream().mapToInt(r -> r.loss().size()).max().orElse(0);
        XYLineAndShapeRenderer lossLines = new XYLineAndShapeRenderer(true, longest <= 30);
        XYLineAndShapeRenderer scoreLines = new XYLineAndShapeRenderer(true, longest <= 30);
        boolean several = runs.size() > 1;
        java.util.Set<String> names = new java.util.HashSet<>();
        for (int r = 0; r < runs.size(); r++) {
            LossRun run = runs.get(r);
            String name = run.name();
            for (int n = 2; !names.add(name); n++) {
                name = run.name() + " (" + n + ")";          // series keys must be unique
            }
            String prefix = several ? name + ": " : "";
            add(losses, lossLines, series(prefix + "training loss", run.loss(), logY), r, 2f, null);
            if (run.validation() != null && !run.validation().isEmpty()) {
                String label = prefix + run.validationName();
                if (run.validationIsLoss()) {
                    add(losses, lossLines, series(label, run.validation(), logY), r, 2f, new float[] {8f, 5f});
                } else {
                    add(scores, scoreLines, series(label, run.validation(), false), r, 2f, new float[] {2f, 4f});
                }
            }
        }
        NumberAxis epochs = new NumberAxis("epoch");
        epochs.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        ValueAxis lossAxis;
        if (logY) {
            lossAxis = new LogAxis("loss (log scale)");
        } else {
            NumberAxis linear = new NumberAxis("loss");
            linear.setAutoRangeIncludesZero(false);
            widen(linear, losses);
            lossAxis = linear;
        }
        XYPlot plot = new XYPlot(losses, epochs, lossAxis, lossLines);
        if (scores.getSeriesCount() > 0) {
            NumberAxis scoreAxis = new NumberAxis("validation score");
            scoreAxis.setAutoRangeIncludesZero(false);
            widen(scoreAxis, scores);
            plot.setRangeAxis(1, scoreAxis);
            plot.setDataset(1, scores);
            plot.mapDatasetToRangeAxis(1, 1);
            plot.setRenderer(1, scoreLines);
        }
        String title = several ? "Loss curves" : "Loss curve: " + runs.get(0).name();
        return Figure.of("loss_curve", Style.xy(new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true)),
                Style.WIDTH, Style.HEIGHT);
    }

    /** A flat curve (one epoch, or a constant loss) still gets a readable range: ±10% around its value. */
    private static void widen(NumberAxis axis, XYSeriesCollection data) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < data.getSeriesCount(); s++) {
            XYSeries series = data.getSeries(s);
            if (!series.isEmpty()) {
                lo = Math.min(lo, series.getMinY());
                hi = Math.max(hi, series.getMaxY());
            }
        }
        if (lo <= hi && hi - lo <= 1e-9 * Math.max(1, Math.abs(hi))) {
            double pad = lo == 0 ? 0.5 : Math.abs(lo) * 0.1;
            axis.setRange(lo - pad, hi + pad);
        }
    }

    private static XYSeries series(String name, List<Double> values, boolean positiveOnly) {
        XYSeries s = new XYSeries(name, false, true);
        for (int i = 0; i < values.size(); i++) {
            double v = values.get(i);
            if (Double.isFinite(v) && (!positiveOnly || v > 0)) {
                s.add(i + 1, v);
            }
        }
        return s;
    }

    private static void add(XYSeriesCollection data, XYLineAndShapeRenderer lines, XYSeries s, int run, float width,
                            float[] dashes) {
        int index = data.getSeriesCount();
        data.addSeries(s);
        lines.setSeriesPaint(index, Style.color(run));
        lines.setSeriesStroke(index, dashes == null ? Style.stroke(width)
                : new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dashes, 0f));
    }
}
