package dev.jnn.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jnn.nn.Init;
import dev.jnn.nn.Layer;
import dev.jnn.nn.Regularizer;
import dev.jnn.tensor.DType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A model's architecture as JSON: {@code {"dtype": "float32", "layers": [{"type": "Conv2D", "filters": 6, ...}]}}
 * with each layer's Keras arguments in snake_case (a bare array of layers is read too, and so is Keras's own
 * {@code model.to_json()} of a Sequential model, through {@link KerasJson}). Weights are not part of it.
 */
public final class ModelJson {
    /**
     * Limits on what a model file may make the parser hold (nesting, string and number lengths, the whole
     * document), so that a hostile file fails in one line instead of exhausting the stack or the heap; and a second
     * document after the first is refused.
     */
    static final com.fasterxml.jackson.core.StreamReadConstraints LIMITS = com.fasterxml.jackson.core
            .StreamReadConstraints.builder().maxNestingDepth(64).maxStringLength(1 << 20).maxNumberLength(64)
            .maxDocumentLength(16L << 20).build();
    private static final ObjectMapper JSON = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
            .streamReadConstraints(LIMITS).build()).enable(SerializationFeature.INDENT_OUTPUT)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ModelJson() {
    }

    /** The JSON of a model's layers and dtype. */
    public static String write(Sequential model) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", "jnn.sequential");
        root.put("dtype", model.dtype().toString().toLowerCase(java.util.Locale.ROOT));
        ArrayNode layers = root.putArray("layers");
        for (Layer l : model.layers()) {
            ObjectNode node = layers.addObject();
            node.put("type", l.type());
            for (Map.Entry<String, Object> e : l.config().entrySet()) {
                node.set(e.getKey(), toNode(e.getValue()));
            }
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An unbuilt model from a JSON file, refused unread when it is larger than the parser's document limit. */
    public static Sequential read(java.nio.file.Path file) throws java.io.IOException {
        long size = java.nio.file.Files.size(file);
        if (size > LIMITS.getMaxDocumentLength()) {
            throw new IllegalArgumentException(file + ": " + size + " bytes; a model's JSON may have at most "
                    + LIMITS.getMaxDocumentLength());
        }
        return read(java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.UTF_8), file.toString());
    }

    /**
     * An unbuilt model from JSON text; {@code source} names the file in errors.
     *
     * @throws IllegalArgumentException naming the layer and key of anything it cannot use
     */
    public static Sequential read(String text, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new IllegalArgumentException(source + ": not valid JSON: " + e.getOriginalMessage().replace('\n', ' ')
                    + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr()));
        }
        JsonNode layerList;
        try {
            layerList = KerasJson.isKeras(root) ? KerasJson.layers(root)
                    : root != null && root.isArray() ? root : root == null ? null : root.get("layers");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
        if (layerList == null || !layerList.isArray() || layerList.isEmpty()) {
            throw new IllegalArgumentException(source + ": expected a non-empty \"layers\" array");
        }
        List<Layer> layers = new ArrayList<>();
        for (int i = 0; i < layerList.size(); i++) {
            try {
                layers.add(LayerFactory.create(new LayerSpec(layerList.get(i))));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ": layer " + i + ": " + e.getMessage(), e);
            }
        }
        Sequential model = Sequential.of(layers);
        if (root.isObject() && root.has("dtype")) {
            try {
                model.dtype(DType.parse(root.get("dtype").asText()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ": dtype: " + e.getMessage(), e);
            }
        }
        return model;
    }

    /** Each layer's type and arguments, as plain maps and lists (for reports). */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> layerConfigs(Sequential model) {
        try {
            Map<String, Object> root = JSON.readValue(write(model), Map.class);
            return (List<Map<String, Object>>) root.get("layers");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode toNode(Object v) {
        if (v instanceof Init init) {
            ObjectNode n = JSON.createObjectNode();
            n.put("type", init.kind());
            switch (init.kind()) {
                case "constant" -> n.put("value", init.a());
                case "random_uniform" -> n.put("minval", init.a()).put("maxval", init.b());
                case "random_normal" -> n.put("mean", init.a()).put("stddev", init.b());
                default -> {
                    return JSON.getNodeFactory().textNode(init.kind());
                }
            }
            return n;
        }
        if (v instanceof Regularizer r) {
            return JSON.createObjectNode().put("l1", r.l1()).put("l2", r.l2());
        }
        return JSON.valueToTree(v);
    }
}
