package dev.jnn.model;

import java.util.Map;

/**
 * Hooks around training, as Keras's callbacks. Logs hold the epoch's (or the running) values by key:
 * {@code loss}, the metrics, and with validation {@code val_loss} and {@code val_<metric>}. A callback may stop
 * training through {@link Sequential#stopTraining()} or change the learning rate through
 * {@link Sequential#optimizer()}.
 */
public interface Callback {
    default void onTrainBegin(Sequential model, Fit fit) {
    }

    default void onEpochBegin(Sequential model, int epoch) {
    }

    /** Before step {@code batch} of the epoch ({@code step} counts every step since training began). */
    default void onBatchBegin(Sequential model, int batch, long step) {
    }

    /** After a step; {@code logs} hold the running means of the epoch so far. */
    default void onBatchEnd(Sequential model, int batch, int batches, Map<String, Double> logs) {
    }

    default void onEpochEnd(Sequential model, int epoch, Map<String, Double> logs) {
    }

    default void onTrainEnd(Sequential model) {
    }
}
