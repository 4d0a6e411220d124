package dev.jnn.plot.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's events in order, each one JSON object with a {@code type} ("epoch", "end"). The trainer appends without
 * ever waiting on a reader: each browser reads from its own position, so a slow one only falls behind. The log is
 * bounded: past {@link #CAPACITY} events, an epoch event replaces the previous one (the charts coalesce), and the
 * end event is always kept.
 */
public final class RunLog {
    /** Events kept at most (a fit of 100,000 epochs still shows every one). */
    public static final int CAPACITY = 100_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> events = new ArrayList<>();
    private boolean ended;
    private int coalesced;

    /** Appends an event of {@code type} with the given fields (numbers, text, lists and maps); NaN becomes null. */
    public void publish(String type, Map<String, ?> fields) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("type", type);
        fields.forEach((k, v) -> e.put(k, v instanceof Double d && !Double.isFinite(d) ? null : v));
        String text;
        try {
            text = JSON.writeValueAsString(e);
        } catch (JsonProcessingException ex) {
            throw new IllegalArgumentException("dashboard event " + type + " is not JSON: " + ex.getMessage(), ex);
        }
        synchronized (this) {
            if (ended) {
                return;
            }
            if (events.size() >= CAPACITY && !type.equals("end")) {
                events.set(events.size() - 1, text);
                coalesced++;
            } else {
                events.add(text);
            }
            ended = type.equals("end");
            notifyAll();
        }
    }

    /** The number of events so far. */
    public synchronized int size() {
        return events.size();
    }

    /** Whether the end event has been published. */
    public synchronized boolean ended() {
        return ended;
    }

    /** Epoch events that replaced an earlier one because the log was full. */
    public synchronized int coalesced() {
        return coalesced;
    }

    /**
     * The events from index {@code from} on, waiting up to {@code millis} for one when there is none yet; empty
     * when none came (or the run has ended and all were read).
     */
    synchronized List<String> after(int from, long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (events.size() <= from && !ended) {
            long left = end - System.currentTimeMillis();
            if (left <= 0) {
                return List.of();
            }
            wait(left);
        }
        return from >= events.size() ? List.of() : List.copyOf(events.subList(from, events.size()));
    }
}
