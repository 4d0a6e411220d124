package dev.jnn.cli;

import dev.jnn.estimator.FitMonitor;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Shows a fit's progress: on a terminal, a bar over the iterations with the loss and validation score (stderr);
 * elsewhere (a pipe, a file, CI), one plain line on stderr every tenth of the iterations; in verbose mode,
 * scikit-learn's per-iteration lines (stdout). The bar closes on the last iteration, so that a warning the fit
 * then logs gets a line of its own. It also times every epoch.
 */
final class ProgressMonitor implements FitMonitor, AutoCloseable {
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean show;
    private final boolean terminal;
    private ProgressBar progress;
    private final List<Double> epochSeconds = new ArrayList<>();
    private final List<Double> losses = new ArrayList<>();
    private long last = System.nanoTime();

    /** Progress to {@code err} when {@code show}; messages to {@code out}. */
    ProgressMonitor(PrintWriter out, PrintWriter err, boolean show) {
        this.out = out;
        this.err = err;
        this.show = show;
        java.io.Console console = System.console();
        this.terminal = console != null && console.isTerminal();
    }

    @Override
    public void onIteration(int iteration, int maxIterations, double loss, double validationScore) {
        long now = System.nanoTime();
        epochSeconds.add((now - last) / 1e9);
        losses.add(loss);
        last = now;
        if (!show) {
            return;
        }
        if (!terminal) {
            int every = Math.max(1, maxIterations / 10);
            if (iteration % every == 0 || iteration == maxIterations) {
                err.printf("fit: iteration %d/%d, loss %.6f%s%n", iteration, maxIterations, loss,
                        Double.isNaN(validationScore) ? "" : String.format(", validation score %.4f", validationScore));
                err.flush();
            }
            return;
        }
        if (progress == null) {
            progress = new ProgressBarBuilder().setTaskName("fit").setInitialMax(maxIterations)
                    .setStyle(ProgressBarStyle.ASCII).setUnit(" it", 1).setUpdateIntervalMillis(100).build();
        }
        progress.stepBy(1);
        progress.setExtraMessage(String.format(" loss %.5f", loss)
                + (Double.isNaN(validationScore) ? "" : String.format(" val %.4f", validationScore)));
        if (iteration >= maxIterations) {
            close();
        }
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
