package dev.jnn.io;

import dev.jnn.model.Callback;
import dev.jnn.model.Fit;
import dev.jnn.model.Sequential;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Keras's {@code ModelCheckpoint}: saves the model as a model file during training, either whenever the monitored
 * value improves ({@code best.safetensors}: the lowest loss, or the highest accuracy for a monitor naming one) or
 * after every epoch ({@code epoch-N.safetensors}, N from 1).
 */
public final class ModelCheckpoint implements Callback {
    private final Path dir;
    private final String monitor;
    private final boolean bestOnly;
    private final String[] classNames;
    private final boolean maximise;
    private double best;
    private int bestEpoch = -1;

    /**
     * @param dir        the directory (made if absent)
     * @param monitor    the log key that decides the best epoch, e.g. {@code val_loss}; ignored without
     *                   {@code bestOnly}
     * @param bestOnly   keep only the best epoch's model, else one file per epoch
     * @param classNames the output classes' names stored with each file, or null
     */
    public ModelCheckpoint(Path dir, String monitor, boolean bestOnly, String[] classNames) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("checkpoint directory " + dir + " exists and is not a directory");
        }
        this.dir = dir;
        this.monitor = monitor;
        this.bestOnly = bestOnly;
        this.classNames = classNames == null ? null : classNames.clone();
        this.maximise = monitor.contains("acc");
    }

    @Override
    public void onTrainBegin(Sequential model, Fit fit) {
        best = maximise ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        bestEpoch = -1;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void onEpochEnd(Sequential model, int epoch, Map<String, Double> logs) {
        Path file;
        if (bestOnly) {
            Double v = logs.get(monitor);
            if (v == null) {
                throw new IllegalStateException("ModelCheckpoint monitors '" + monitor + "', which is not in the logs "
                        + logs.keySet());
            }
            if (!(maximise ? v > best : v < best)) {
                return;
            }
            best = v;
            bestEpoch = epoch;
            file = dir.resolve("best.safetensors");
        } else {
            file = dir.resolve("epoch-" + (epoch + 1) + ".safetensors");
        }
        try {
            if (classNames != null) {
                ModelFiles.save(model, classNames, file);
            } else {
                ModelFiles.save(model, file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    /** The epoch (from 0) of the best model saved, or -1. */
    public int bestEpoch() {
        return bestEpoch;
    }
}
