package dev.jnn.model;

import java.util.Map;

/**
 * Multiplies the learning rate by {@code factor} when a monitored quantity has not improved for {@code patience}
 * epochs, as Keras's {@code ReduceLROnPlateau} (never below {@code minLr}; then waits {@code cooldown} epochs).
 * Quantities containing {@code acc} are maximised, others minimised.
 */
public final class ReduceLROnPlateau implements Callback {
    private final String monitor;
    private final double factor;
    private final int patience;
    private final double minDelta;
    private final int cooldown;
    private final double minLr;
    private final boolean maximise;
    private double best;
    private int wait;
    private int cooldownLeft;

    public ReduceLROnPlateau(String monitor, double factor, int patience, double minDelta, int cooldown, double minLr) {
        if (monitor == null || !(factor > 0 && factor < 1) || patience < 0 || !(minDelta >= 0) || cooldown < 0
                || !(minLr >= 0)) {
            throw new IllegalArgumentException("ReduceLROnPlateau: need a monitor, factor in (0, 1), patience >= 0, "
                    + "min_delta >= 0, cooldown >= 0, min_lr >= 0");
        }
        this.monitor = monitor;
        this.factor = factor;
        this.patience = patience;
        this.minDelta = minDelta;
        this.cooldown = cooldown;
        this.minLr = minLr;
        this.maximise = monitor.contains("acc");
    }

    /** Keras's defaults: factor 0.1, patience 10, min_delta 1e-4, no cooldown, min_lr 0, on {@code val_loss}. */
    public ReduceLROnPlateau() {
        this("val_loss", 0.1, 10, 1e-4, 0, 0);
    }

    @Override
    public void onTrainBegin(Sequential model, Fit fit) {
        best = maximise ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        wait = 0;
        cooldownLeft = 0;
    }

    @Override
    public void onEpochEnd(Sequential model, int epoch, Map<String, Double> logs) {
        Double value = logs.get(monitor);
        if (value == null) {
            throw new IllegalStateException("ReduceLROnPlateau monitors '" + monitor + "', which is not in the logs "
                    + logs.keySet());
        }
        if (cooldownLeft > 0) {
            cooldownLeft--;
            wait = 0;
        }
        if (maximise ? value > best + minDelta : value < best - minDelta) {
            best = value;
            wait = 0;
        } else if (cooldownLeft == 0 && ++wait >= patience) {
            double lr = model.optimizer().learningRate();
            if (lr > minLr) {
                model.optimizer().setLearningRate(Math.max(lr * factor, minLr));
                cooldownLeft = cooldown;
                wait = 0;
            }
        }
        logs.put("learning_rate", model.optimizer().learningRate());
    }
}
