package dev.jnn.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link Sequential#fit} recorded: one value per epoch for each key ({@code loss}, {@code accuracy},
 * {@code val_loss}, {@code val_accuracy}...), as Keras's {@code History.history}.
 */
public final class History {
    private final Map<String, List<Double>> values = new LinkedHashMap<>();
    private final List<Double> epochSeconds = new ArrayList<>();

    void add(Map<String, Double> logs, double seconds) {
        for (Map.Entry<String, Double> e : logs.entrySet()) {
            values.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue());
        }
        epochSeconds.add(seconds);
    }

    /** Every recorded series, keyed as in the logs, in first-seen order. */
    public Map<String, List<Double>> history() {
        Map<String, List<Double>> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> copy.put(k, Collections.unmodifiableList(new ArrayList<>(v))));
        return Collections.unmodifiableMap(copy);
    }

    /** The series of one key, e.g. {@code val_accuracy}. */
    public List<Double> get(String key) {
        List<Double> v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException("no '" + key + "' in the history; it has " + values.keySet());
        }
        return List.copyOf(v);
    }

    /** The number of epochs run. */
    public int epochs() {
        return epochSeconds.size();
    }

    /** Wall-clock seconds of each epoch, validation included. */
    public List<Double> epochSeconds() {
        return List.copyOf(epochSeconds);
    }

    /** The epochs and each metric's values, e.g. {@code History(epochs=2, loss=[0.41, 0.22], accuracy=[0.88, 0.93])}. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("History(epochs=").append(epochs());
        values.forEach((k, v) -> b.append(", ").append(k).append('=').append(v));
        return b.append(')').toString();
    }
}
