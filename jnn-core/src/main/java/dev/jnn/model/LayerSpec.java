package dev.jnn.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jnn.nn.Init;
import dev.jnn.nn.Regularizer;

import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

/** One layer object of a model file, read key by key; keys that no one asked for are reported as errors. */
final class LayerSpec {
    private final JsonNode node;
    private final Set<String> used = new HashSet<>();

    LayerSpec(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("expected an object with a \"type\"");
        }
        this.node = node;
    }

    String type() {
        return text("type", null);
    }

    boolean has(String key) {
        return node.has(key);
    }

    String text(String key, String fallback) {
        JsonNode v = get(key);
        if (v == null) {
            if (fallback == null) {
                throw new IllegalArgumentException("missing \"" + key + "\"");
            }
            return fallback;
        }
        if (!v.isTextual()) {
            throw new IllegalArgumentException("\"" + key + "\" must be a string, got " + v);
        }
        return v.asText();
    }

    int integer(String key, Integer fallback) {
        JsonNode v = get(key);
        if (v == null) {
            if (fallback == null) {
                throw new IllegalArgumentException("missing \"" + key + "\"");
            }
            return fallback;
        }
        if (!v.canConvertToInt() || !v.isIntegralNumber()) {
            throw new IllegalArgumentException("\"" + key + "\" must be an integer, got " + v);
        }
        return v.asInt();
    }

    double number(String key, double fallback) {
        JsonNode v = get(key);
        if (v == null) {
            return fallback;
        }
        if (!v.isNumber()) {
            throw new IllegalArgumentException("\"" + key + "\" must be a number, got " + v);
        }
        return v.asDouble();
    }

    /** An integer pair: {@code 3} means (3, 3); {@code [3, 5]} is itself. */
    int[] pair(String key, int[] fallback) {
        JsonNode v = get(key);
        if (v == null) {
            if (fallback == null) {
                throw new IllegalArgumentException("missing \"" + key + "\"");
            }
            return fallback;
        }
        if (v.isIntegralNumber()) {
            return new int[] {v.asInt(), v.asInt()};
        }
        if (v.isArray() && v.size() == 2 && v.get(0).isIntegralNumber() && v.get(1).isIntegralNumber()) {
            return new int[] {v.get(0).asInt(), v.get(1).asInt()};
        }
        throw new IllegalArgumentException("\"" + key + "\" must be an integer or a pair of integers, got " + v);
    }

    int[] shape(String key) {
        JsonNode v = get(key);
        if (v == null || !v.isArray() || v.isEmpty()) {
            throw new IllegalArgumentException("\"" + key + "\" must be a non-empty array of integers");
        }
        int[] out = new int[v.size()];
        for (int i = 0; i < out.length; i++) {
            if (!v.get(i).isIntegralNumber()) {
                throw new IllegalArgumentException("\"" + key + "\" must hold integers, got " + v);
            }
            out[i] = v.get(i).asInt();
        }
        return out;
    }

    Init init(String key, Init fallback) {
        JsonNode v = get(key);
        if (v == null) {
            return fallback;
        }
        if (v.isTextual()) {
            return Init.named(v.asText());
        }
        LayerSpec s = new LayerSpec(v);
        String kind = s.text("type", null);
        Init init = switch (kind) {
            case "constant" -> Init.constant(s.number("value", 0));
            case "random_uniform" -> Init.randomUniform(s.number("minval", -0.05), s.number("maxval", 0.05));
            case "random_normal" -> Init.randomNormal(s.number("mean", 0), s.number("stddev", 0.05));
            default -> Init.named(kind);
        };
        s.done();
        return init;
    }

    Regularizer regularizer(String key) {
        JsonNode v = get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        LayerSpec s = new LayerSpec(v);
        Regularizer r = new Regularizer(s.number("l1", 0), s.number("l2", 0));
        s.done();
        return r;
    }

    /** Throws if the object holds a key nobody read. */
    void done() {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!used.contains(k)) {
                throw new IllegalArgumentException("unknown key \"" + k + "\"");
            }
        }
    }

    private JsonNode get(String key) {
        used.add(key);
        JsonNode v = node.get(key);
        return v == null || v.isNull() ? null : v;
    }
}
