package dev.jnn.model;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;

/**
 * Keras's per-epoch progress line: {@code Epoch 1/5}, then
 * {@code 469/469 [==============================] - 3s 6ms/step - loss: 0.2914 - accuracy: 0.9123 - val_loss: ...}.
 * On an interactive stream the line is redrawn as batches finish (at most ten times a second); otherwise only the
 * finished line is printed, so logs stay clean.
 */
public final class ProgressLogger implements Callback {
    private static final int WIDTH = 30;
    private final PrintWriter out;
    private final boolean interactive;
    private int epochs;
    private long epochStart;
    private long lastDraw;
    private int batches;

    /** Prints to {@code out}; {@code interactive} redraws the line within an epoch. */
    public ProgressLogger(PrintWriter out, boolean interactive) {
        this.out = out;
        this.interactive = interactive;
    }

    /** Prints to {@code out}; {@code interactive} redraws the line within an epoch. */
    public ProgressLogger(PrintStream out, boolean interactive) {
        this(new PrintWriter(out, true, java.nio.charset.StandardCharsets.UTF_8), interactive);
    }

    @Override
    public void onTrainBegin(Sequential model, Fit fit) {
        epochs = fit.epochs();
    }

    @Override
    public void onEpochBegin(Sequential model, int epoch) {
        out.println("Epoch " + (epoch + 1) + "/" + epochs);
        epochStart = System.nanoTime();
        lastDraw = 0;
    }

    @Override
    public void onBatchEnd(Sequential model, int batch, int batches, Map<String, Double> logs) {
        this.batches = batches;
        long now = System.nanoTime();
        if (interactive && (now - lastDraw > 100_000_000L || batch + 1 == batches)) {
            lastDraw = now;
            out.print("\r" + line(batch + 1, batches, logs, now));
            out.flush();
        }
    }

    @Override
    public void onEpochEnd(Sequential model, int epoch, Map<String, Double> logs) {
        out.print((interactive ? "\r" : "") + line(batches, batches, logs, System.nanoTime()) + "\n");
        out.flush();
    }

    private String line(int done, int total, Map<String, Double> logs, long now) {
        StringBuilder b = new StringBuilder();
        String count = String.valueOf(total);
        b.append(String.format(Locale.ROOT, "%" + count.length() + "d/%s [", done, count));
        int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
        if (done < total) {
            b.append("=".repeat(Math.max(0, filled - 1))).append('>').append(".".repeat(WIDTH - Math.max(filled, 1)));
        } else {
            b.append("=".repeat(WIDTH));
        }
        double seconds = (now - epochStart) / 1e9;
        b.append(String.format(Locale.ROOT, "] - %.0fs %.0fms/step", seconds, done == 0 ? 0 : seconds * 1000 / done));
        logs.forEach((k, v) -> b.append(String.format(Locale.ROOT, " - %s: %.4f", k, v)));
        return b.toString();
    }
}
