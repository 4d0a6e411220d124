package dev.jnn.model;

import dev.jnn.nn.WeightSnapshot;
import dev.jnn.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Stops training when a monitored quantity has stopped improving, as Keras's {@code EarlyStopping}: an epoch
 * improves when it beats the best by more than {@code minDelta}; after {@code patience} epochs without improvement
 * training stops, and with {@code restoreBestWeights} the weights of the best epoch come back. The direction is
 * taken from the name: quantities containing {@code acc} are maximised, others minimised.
 */
public final class EarlyStopping implements Callback {
    private final String monitor;
    private final double minDelta;
    private final int patience;
    private final boolean restoreBestWeights;
    private final boolean maximise;
    private double best;
    private int wait;
    private int bestEpoch;
    private int stoppedEpoch = -1;
    private final WeightSnapshot bestWeights = new WeightSnapshot();

    public EarlyStopping(String monitor, double minDelta, int patience, boolean restoreBestWeights) {
        if (monitor == null || monitor.isEmpty() || !(minDelta >= 0) || patience < 0) {
            throw new IllegalArgumentException("EarlyStopping: need a monitor name, min_delta >= 0 and patience >= 0, got "
                    + monitor + ", " + minDelta + ", " + patience);
        }
        this.monitor = monitor;
        this.minDelta = minDelta;
        this.patience = patience;
        this.restoreBestWeights = restoreBestWeights;
        this.maximise = monitor.contains("acc");
    }

    /** Monitors {@code val_loss} with the given patience. */
    public EarlyStopping(int patience) {
        this("val_loss", 0, patience, false);
    }

    @Override
    public void onTrainBegin(Sequential model, Fit fit) {
        best = maximise ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        wait = 0;
        bestEpoch = 0;
        stoppedEpoch = -1;
        bestWeights.clear();
    }

    @Override
    public void onEpochEnd(Sequential model, int epoch, Map<String, Double> logs) {
        Double value = logs.get(monitor);
        if (value == null) {
            throw new IllegalStateException("EarlyStopping monitors '" + monitor + "', which is not in the logs "
                    + logs.keySet() + (monitor.startsWith("val_") ? " (give validation data)" : ""));
        }
        wait++;
        if (maximise ? value - minDelta > best : value + minDelta < best) {
            best = value;
            bestEpoch = epoch;
            wait = 0;
            if (restoreBestWeights) {
                bestWeights.save(weights(model));
            }
            return;
        }
        if (wait >= patience && epoch > 0) {
            stoppedEpoch = epoch;
            model.stopTraining();
            if (restoreBestWeights && !bestWeights.isEmpty()) {
                bestWeights.restore(weights(model));
            }
        }
    }

    /** The epoch (0-based) at which training was stopped, or -1. */
    public int stoppedEpoch() {
        return stoppedEpoch;
    }

    /** The epoch (0-based) with the best monitored value. */
    public int bestEpoch() {
        return bestEpoch;
    }

    /** Every layer's weights (parameters and buffers), in order. */
    private static List<Tensor> weights(Sequential model) {
        List<Tensor> all = new ArrayList<>();
        for (int i = 0; i < model.layers().size(); i++) {
            all.addAll(model.weights(i));
        }
        return all;
    }
}
