package dev.jnn.cli;

import dev.jnn.estimator.FitMonitor;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Shows a fit on the terminal: a progress bar over the iterations with the loss and validation score (stderr),
 * or, in verbose mode, scikit-learn's per-iteration lines (stdout). It also times every epoch.
 */
final class ProgressMonitor implements FitMonitor, AutoCloseable {
    private final PrintWriter out;
    private final boolean bar;
    private ProgressBar progress;
    private final List<Double> epochSeconds = new ArrayList<>();
    private final List<Double> losses = new ArrayList<>();
    private long last = System.nanoTime();

    ProgressMonitor(PrintWriter out, boolean bar) {
        this.out = out;
        this.bar = bar;
    }

    @Override
    public void onIteration(int iteration, int maxIterations, double loss, double validationScore) {
        long now = System.nanoTime();
        epochSeconds.add((now - last) / 1e9);
        losses.add(loss);
        last = now;
        if (!bar) {
            return;
        }
        if (progress == null) {
            progress = new ProgressBarBuilder().setTaskName("fit").setInitialMax(maxIterations)
                    .setStyle(ProgressBarStyle.ASCII).setUnit(" it", 1).setUpdateIntervalMillis(100).build();
        }
        progress.stepBy(1);
        progress.setExtraMessage(String.format(" loss %.5f", loss)
                + (Double.isNaN(validationScore) ? "" : String.format(" val %.4f", validationScore)));
    }

    @Override
    public void onMessage(String line) {
        out.println(line);
        out.flush();
    }

    /** The loss of every iteration (epochs of sgd and adam, iterations of lbfgs), in order. */
    List<Double> losses() {
        return losses;
    }

    /** Seconds per iteration, in order. */
    List<Double> epochSeconds() {
        return epochSeconds;
    }

    @Override
    public void close() {
        if (progress != null) {
            progress.maxHint(progress.getCurrent());
            progress.close();
            progress = null;            // close() may run twice: explicitly, then by try-with-resources
        }
    }
}
