package dev.jnn.model;

import dev.jnn.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * The settings of one {@link Sequential#fit} call, immutable: start with {@code Fit.epochs(5)} and chain
 * {@code batchSize(128).validationSplit(0.1).callbacks(...)}. Defaults are Keras's: batch 32, shuffling on, no
 * validation.
 *
 * @param epochs          passes over the training data, ≥ 1
 * @param batchSize       samples per step, ≥ 1
 * @param validationSplit the fraction of rows, taken from the end before shuffling, held out for validation
 * @param validationX     explicit validation inputs, or null
 * @param validationY     explicit validation targets (one-hot or values), or null
 * @param validationLabels explicit validation class indices, or null
 * @param shuffle         whether to reshuffle the training rows every epoch
 * @param callbacks       called around epochs and batches, in order
 */
public record Fit(int epochs, int batchSize, double validationSplit, Tensor validationX, Tensor validationY,
                  int[] validationLabels, boolean shuffle, List<Callback> callbacks) {
    public Fit {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch_size must be >= 1, got " + batchSize);
        }
        if (!(validationSplit >= 0 && validationSplit < 1)) {
            throw new IllegalArgumentException("validation_split must be in [0, 1), got " + validationSplit);
        }
        callbacks = List.copyOf(callbacks);
    }

    /** Settings for {@code n} epochs, otherwise Keras's defaults. */
    public static Fit epochs(int n) {
        return new Fit(n, 32, 0, null, null, null, true, List.of());
    }

    public Fit batchSize(int size) {
        return new Fit(epochs, size, validationSplit, validationX, validationY, validationLabels, shuffle, callbacks);
    }

    public Fit validationSplit(double fraction) {
        return new Fit(epochs, batchSize, fraction, validationX, validationY, validationLabels, shuffle, callbacks);
    }

    /** Validation on given inputs and targets (one row per sample, as the training targets). */
    public Fit validationData(Tensor x, Tensor y) {
        return new Fit(epochs, batchSize, 0, x, y, null, shuffle, callbacks);
    }

    /** Validation on given inputs and class indices. */
    public Fit validationData(Tensor x, int[] labels) {
        return new Fit(epochs, batchSize, 0, x, null, labels.clone(), shuffle, callbacks);
    }

    public Fit shuffle(boolean on) {
        return new Fit(epochs, batchSize, validationSplit, validationX, validationY, validationLabels, on, callbacks);
    }

    /** How many of {@code rows} rows train: all of them, or those before the {@link #validationSplit()}. */
    public int trainingRows(int rows) {
        return validationX == null && validationSplit > 0 ? (int) (rows * (1 - validationSplit)) : rows;
    }

    /** Optimizer steps per epoch over {@code rows} rows: the training rows in batches, the last one partial. */
    public int stepsPerEpoch(int rows) {
        int n = trainingRows(rows);
        return (n + batchSize - 1) / batchSize;
    }

    /** Adds callbacks after any already set. */
    public Fit callbacks(Callback... more) {
        List<Callback> all = new ArrayList<>(callbacks);
        all.addAll(List.of(more));
        return new Fit(epochs, batchSize, validationSplit, validationX, validationY, validationLabels, shuffle, all);
    }
}
