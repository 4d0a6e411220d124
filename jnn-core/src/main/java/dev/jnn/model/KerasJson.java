package dev.jnn.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Keras's own {@code model.to_json()} ({@code {"class_name": "Sequential", "config": {"layers": [...]}}}, Keras 2
 * and 3) turned into jnn's layer list, for the layers jnn has. A layer jnn lacks, or a setting it does not
 * implement (no bias, dilation, channels-first data), is an error naming the layer; settings that change nothing
 * here (names, trainability, dtypes, constraints left at none) are passed over.
 */
final class KerasJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Keys that say nothing about the computation, or that jnn always has at Keras's value. */
    private static final Set<String> PASSED_OVER = Set.of("name", "trainable", "dtype", "module", "registered_name",
            "build_config", "sparse", "ragged", "kernel_constraint", "bias_constraint", "activity_regularizer",
            "bias_regularizer", "seed", "noise_shape", "gamma_initializer", "beta_initializer",
            "moving_mean_initializer", "moving_variance_initializer", "gamma_regularizer", "beta_regularizer",
            "gamma_constraint", "beta_constraint", "synchronized", "lora_rank", "quantization_config",
            "batch_shape", "batch_input_shape", "input_shape", "batch_size", "input_tensor", "optional");
    /** Keys that must hold Keras's default, since jnn implements only that. */
    private static final Map<String, String> DEFAULTS_ONLY = Map.of("use_bias", "true", "data_format",
            "\"channels_last\"", "dilation_rate", "[1,1]", "groups", "1", "center", "true", "scale", "true",
            "axis", "-1");

    private KerasJson() {
    }

    /** Whether {@code root} is Keras's serialisation rather than jnn's layer list. */
    static boolean isKeras(JsonNode root) {
        return root != null && root.isObject() && root.has("class_name") && root.has("config");
    }

    /** jnn's layer list for Keras's Sequential model {@code root}. */
    static ArrayNode layers(JsonNode root) {
        if (!"Sequential".equals(root.path("class_name").asText())) {
            throw new IllegalArgumentException("a Keras " + root.path("class_name").asText() + " model: jnn reads"
                    + " Sequential models");
        }
        JsonNode config = root.get("config");
        JsonNode list = config.isArray() ? config : config.get("layers");
        if (list == null || !list.isArray()) {
            throw new IllegalArgumentException("a Keras Sequential model without a \"layers\" list");
        }
        ArrayNode out = JSON.createArrayNode();
        for (int i = 0; i < list.size(); i++) {
            JsonNode layer = list.get(i);
            String type = layer.path("class_name").asText();
            JsonNode c = layer.path("config");
            try {
                JsonNode shape = c.has("batch_shape") ? c.get("batch_shape") : c.get("batch_input_shape");
                if (shape != null && shape.isArray()) {
                    ArrayNode dims = JSON.createArrayNode();
                    for (int d = 1; d < shape.size(); d++) {
                        dims.add(shape.get(d).asInt());
                    }
                    out.add(JSON.createObjectNode().put("type", "Input").set("shape", dims));
                }
                if (!type.equals("InputLayer")) {
                    out.add(layer(type, c));
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Keras layer " + i + " (" + type + "): " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static ObjectNode layer(String type, JsonNode c) {
        List<String> keys = switch (type) {
            case "Dense" -> List.of("units", "activation", "kernel_initializer", "bias_initializer",
                    "kernel_regularizer");
            case "Conv2D" -> List.of("filters", "kernel_size", "strides", "padding", "activation",
                    "kernel_initializer", "bias_initializer", "kernel_regularizer");
            case "MaxPooling2D", "MaxPool2D", "AveragePooling2D" -> List.of("pool_size", "strides", "padding");
            case "Flatten" -> List.of();
            case "Dropout" -> List.of("rate");
            case "BatchNormalization" -> List.of("momentum", "epsilon");
            case "Activation" -> List.of("activation");
            case "LeakyReLU", "ELU" -> List.of("alpha", "negative_slope");
            default -> throw new IllegalArgumentException("jnn has no such layer; it reads InputLayer, Dense,"
                    + " Conv2D, MaxPooling2D, AveragePooling2D, Flatten, Dropout, BatchNormalization, Activation,"
                    + " LeakyReLU and ELU");
        };
        ObjectNode out = JSON.createObjectNode().put("type", type.equals("MaxPool2D") ? "MaxPooling2D" : type);
        for (Iterator<Map.Entry<String, JsonNode>> it = c.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String k = e.getKey();
            JsonNode v = e.getValue();
            if (keys.contains(k)) {
                if (k.equals("negative_slope")) {
                    out.set("alpha", v);
                } else if (k.endsWith("_initializer")) {
                    out.set(k, initializer(v));
                } else if (k.equals("kernel_regularizer")) {
                    if (!v.isNull()) {
                        out.set(k, regularizer(v));
                    }
                } else if (!(k.equals("strides") && v.isNull())) {
                    out.set(k, v);
                }
            } else if (DEFAULTS_ONLY.containsKey(k)) {
                String want = DEFAULTS_ONLY.get(k);
                String got = v.toString().replace(" ", "");
                boolean axisOk = k.equals("axis") && (got.equals("-1") || got.equals("[-1]") || got.equals("3")
                        || got.equals("[3]"));
                if (!got.equals(want) && !axisOk && !(k.equals("dilation_rate") && got.equals("1"))) {
                    throw new IllegalArgumentException(k + " = " + v + " is not implemented; jnn has " + want);
                }
            } else if (!PASSED_OVER.contains(k) && !(v.isNull())) {
                throw new IllegalArgumentException("the setting " + k + " = " + v + " is not implemented");
            }
        }
        return out;
    }

    /** {@code {"class_name": "HeNormal", "config": {...}}} as jnn's {@code "he_normal"} or typed object. */
    private static JsonNode initializer(JsonNode v) {
        if (v.isTextual() || v.isNull()) {
            return v;
        }
        String name = v.path("class_name").asText().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
        JsonNode c = v.path("config");
        return switch (name) {
            case "constant" -> JSON.createObjectNode().put("type", "constant").put("value", c.path("value").asDouble());
            case "random_uniform" -> JSON.createObjectNode().put("type", name)
                    .put("minval", c.path("minval").asDouble(-0.05)).put("maxval", c.path("maxval").asDouble(0.05));
            case "random_normal" -> JSON.createObjectNode().put("type", name)
                    .put("mean", c.path("mean").asDouble(0)).put("stddev", c.path("stddev").asDouble(0.05));
            default -> JSON.getNodeFactory().textNode(name);
        };
    }

    /** {@code {"class_name": "L2", "config": {"l2": 0.01}}} (or L1, L1L2) as jnn's {@code {"l1": .., "l2": ..}}. */
    private static JsonNode regularizer(JsonNode v) {
        JsonNode c = v.path("config");
        return JSON.createObjectNode().put("l1", c.path("l1").asDouble(0)).put("l2", c.path("l2").asDouble(0));
    }
}
