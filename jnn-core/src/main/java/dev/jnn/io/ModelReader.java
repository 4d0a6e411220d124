package dev.jnn.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jnn.api.Transformer;
import dev.jnn.estimator.MLPClassifier;
import dev.jnn.estimator.MLPParams;
import dev.jnn.estimator.MLPRegressor;
import dev.jnn.estimator.MLPState;
import dev.jnn.estimator.MultilayerPerceptron;
import dev.jnn.model.ModelJson;
import dev.jnn.model.Sequential;
import dev.jnn.nn.Activation;
import dev.jnn.preprocess.FunctionFeatures;
import dev.jnn.preprocess.MinMaxScaler;
import dev.jnn.preprocess.Pca;
import dev.jnn.preprocess.Pipeline;
import dev.jnn.preprocess.PolynomialFeatures;
import dev.jnn.preprocess.StandardScaler;
import dev.jnn.tensor.DType;
import dev.jnn.tensor.Tensor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reading half of {@link ModelFiles}: a checked {@link SafeTensors} file's metadata and tensors back into a
 * model, with every key, type and shape checked against the configuration, and each fault a
 * {@link ModelFileException} naming the file.
 */
final class ModelReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ModelReader() {
    }

    static Object fromContents(SafeTensors.Contents c, String source) {
        Map<String, String> meta = c.metadata();
        String kind = kind(meta, source);
        for (Map.Entry<String, Tensor> e : c.tensors().entrySet()) {
            Tensor t = e.getValue();
            for (int i = 0; i < t.size(); i++) {
                if (!Double.isFinite(t.getFlat(i))) {
                    throw SafeTensors.bad(source, "tensor '" + e.getKey() + "' holds a non-finite value at " + i);
                }
            }
        }
        DType dtype = switch (field(meta, "dtype", source)) {
            case "float32" -> DType.FLOAT32;
            case "float64" -> DType.FLOAT64;
            default -> throw SafeTensors.bad(source, "dtype must be float32 or float64, got " + meta.get("dtype"));
        };
        try {
            if (kind.equals("Sequential")) {
                return sequential(c, dtype, source);
            }
            Object model = kind.equals("Perceptron") || kind.equals("SVC") ? ClassicModelFiles.read(c, kind, source)
                    : mlp(c, kind, dtype, source);
            return meta.containsKey("preprocessing") ? pipeline(c, model, source) : model;
        } catch (IllegalArgumentException | IllegalStateException | ClassCastException e) {
            if (e instanceof ModelFileException m) {
                throw m;
            }
            throw SafeTensors.bad(source, "the weights do not fit the configuration: " + e.getMessage());
        }
    }

    private static MultilayerPerceptron mlp(SafeTensors.Contents c, String kind, DType dtype, String source) {
        Map<String, String> meta = c.metadata();
        Map<String, Object> params = object(meta, "params", source);
        MLPParams p = MLPParams.TABLE.with(MLPParams.DEFAULTS, params, kind);
        Map<String, Object> fitted = object(meta, "fitted", source);
        List<Tensor> coefs = new ArrayList<>();
        List<Tensor> intercepts = new ArrayList<>();
        for (int i = 0; c.tensors().containsKey("coefs." + i); i++) {
            coefs.add(c.tensors().get("coefs." + i));
            intercepts.add(required(c, "intercepts." + i, source));
        }
        int[] ints = null;
        String[] strings = null;
        boolean classifier = kind.equals("MLPClassifier");
        if (classifier) {
            JsonNode classes = node(meta, "classes", source);
            if (!classes.isArray() || classes.isEmpty()) {
                throw SafeTensors.bad(source, "classes must be a non-empty array");
            }
            if (classes.get(0).isIntegralNumber()) {
                ints = new int[classes.size()];
                for (int i = 0; i < ints.length; i++) {
                    ints[i] = classes.get(i).asInt();
                }
            } else {
                strings = new String[classes.size()];
                for (int i = 0; i < strings.length; i++) {
                    strings[i] = classes.get(i).asText();
                }
            }
        }
        Activation out = Activation.fromPythonName(String.valueOf(fitted.get("out_activation")));
        if (out == null) {
            throw SafeTensors.bad(source, "unknown out_activation " + fitted.get("out_activation"));
        }
        @SuppressWarnings("unchecked")
        List<Double> curve = fitted.get("loss_curve") instanceof List<?> l
                ? l.stream().map(v -> number(v, "loss_curve", source).doubleValue()).toList() : null;
        MLPState s = new MLPState(classifier, p, dtype, number(fitted, "n_features_in", source).intValue(), out,
                coefs, intercepts, number(fitted, "n_iter", source).intValue(), number(fitted, "t", source).longValue(),
                number(fitted, "loss", source).doubleValue(), curve, ints, strings,
                Boolean.parseBoolean(meta.getOrDefault("multilabel", "false")), optimizer(c, source));
        return s.restore();
    }

    /** The number under {@code key} in the fitted attributes; a missing or non-numeric one is a bad file. */
    private static Number number(Map<String, Object> fitted, String key, String source) {
        return number(fitted.get(key), key, source);
    }

    private static Number number(Object v, String key, String source) {
        if (!(v instanceof Number n)) {
            throw SafeTensors.bad(source, "fitted attribute '" + key + "' is " + (v == null ? "missing" : "not a number"));
        }
        return n;
    }

    /** The fitted transformers of {@code preprocessing} before {@code mlp}. */
    private static Pipeline pipeline(SafeTensors.Contents c, Object mlp, String source) {
        JsonNode steps = node(c.metadata(), "preprocessing", source);
        List<Pipeline.Step> out = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            JsonNode d = steps.get(i);
            @SuppressWarnings("unchecked")
            Map<String, Object> params = JSON.convertValue(d.path("params"), Map.class);
            Transformer t = switch (d.path("type").asText()) {
                case "StandardScaler" -> new StandardScaler();
                case "MinMaxScaler" -> new MinMaxScaler();
                case "Pca" -> new Pca();
                case "PolynomialFeatures" -> new PolynomialFeatures();
                case "FunctionFeatures" -> new FunctionFeatures(JSON.convertValue(params.get("functions"), String[].class));
                default -> throw SafeTensors.bad(source, "preprocessing step " + i + " has an unknown type '"
                        + d.path("type").asText() + "'");
            };
            t.setParams(params);
            Map<String, double[]> state = new LinkedHashMap<>();
            String prefix = "preprocessing." + i + ".";
            c.tensors().forEach((name, v) -> {
                if (name.startsWith(prefix)) {
                    state.put(name.substring(prefix.length()), v.toDoubleArray());
                }
            });
            out.add(Pipeline.step(d.path("name").asText("step" + i), t.restoreFittedState(state)));
        }
        String name = c.metadata().getOrDefault("model_name", "mlp");
        return mlp instanceof dev.jnn.api.Classifier clf ? Pipeline.of(out, name, clf)
                : Pipeline.of(out, name, (MLPRegressor) mlp);
    }

    /** The optimizer state of metadata {@code optimizer} and tensors {@code optimizer.I.J}, or null. */
    private static MLPState.OptimizerState optimizer(SafeTensors.Contents c, String source) {
        if (!c.metadata().containsKey("optimizer")) {
            return null;
        }
        Map<String, Object> o = object(c.metadata(), "optimizer", source);
        List<Tensor[]> arrays = new ArrayList<>();
        if (!(o.get("arrays") instanceof List<?> counts) || !(o.get("counters") instanceof Map<?, ?> counterMap)) {
            throw SafeTensors.bad(source, "optimizer state needs 'arrays' (a list) and 'counters' (an object)");
        }
        for (int i = 0; i < counts.size(); i++) {
            int n = number(counts.get(i), "optimizer arrays", source).intValue();
            if (n < 0 || n > 8) {   // an optimizer keeps at most a few arrays per parameter (Adam: 2)
                throw SafeTensors.bad(source, "optimizer state lists " + n + " arrays for parameter " + i);
            }
            Tensor[] a = n == 0 ? null : new Tensor[n];
            for (int j = 0; j < n; j++) {
                a[j] = required(c, "optimizer." + i + "." + j, source);
            }
            arrays.add(a);
        }
        Map<String, Double> counters = new LinkedHashMap<>();
        counterMap.forEach((k, v) -> counters.put(String.valueOf(k), number(v, "optimizer counters", source).doubleValue()));
        return new MLPState.OptimizerState(number(o.get("learning_rate"), "optimizer learning_rate", source)
                .doubleValue(), arrays, counters);
    }

    private static Sequential sequential(SafeTensors.Contents c, DType dtype, String source) {
        Map<String, String> meta = c.metadata();
        Sequential model = ModelJson.read(field(meta, "config", source), source);
        model.dtype(dtype);
        JsonNode shapeNode = node(meta, "input_shape", source);
        int[] shape = new int[shapeNode.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = shapeNode.get(i).asInt();
        }
        model.build(shape);
        int used = 0;
        for (int i = 0; i < model.layers().size(); i++) {
            List<Tensor> w = model.weights(i);
            for (int j = 0; j < w.size(); j++) {
                Tensor saved = required(c, "layers." + i + "." + j, source);
                if (!java.util.Arrays.equals(saved.shape(), w.get(j).shape())) {
                    throw SafeTensors.bad(source, "tensor 'layers." + i + "." + j + "' has shape "
                            + java.util.Arrays.toString(saved.shape()) + " but layer " + i + " ("
                            + model.layers().get(i).type() + ") needs " + java.util.Arrays.toString(w.get(j).shape()));
                }
                saved.to(dtype).copyInto(w.get(j), 0);
                used++;
            }
        }
        if (used != c.tensors().size()) {
            throw SafeTensors.bad(source, "holds " + c.tensors().size() + " tensors but the layers take " + used);
        }
        return model;
    }

    static String kind(Map<String, String> meta, String source) {
        if (!"jnn".equals(meta.get("format"))) {
            throw SafeTensors.bad(source, "is not a jnn model file (no __metadata__ format \"jnn\")");
        }
        if (!ModelFiles.VERSION.equals(meta.get("format_version"))) {
            throw SafeTensors.bad(source, "has format_version " + meta.get("format_version") + "; this jnn reads "
                    + ModelFiles.VERSION);
        }
        String kind = field(meta, "kind", source);
        if (!List.of("MLPClassifier", "MLPRegressor", "Perceptron", "SVC", "Sequential").contains(kind)) {
            throw SafeTensors.bad(source, "has an unknown kind '" + kind + "'");
        }
        return kind;
    }

    static Tensor required(SafeTensors.Contents c, String name, String source) {
        Tensor t = c.tensors().get(name);
        if (t == null) {
            throw SafeTensors.bad(source, "has no tensor '" + name + "'");
        }
        return t;
    }

    private static String field(Map<String, String> meta, String key, String source) {
        String v = meta.get(key);
        if (v == null) {
            throw SafeTensors.bad(source, "__metadata__ has no '" + key + "'");
        }
        return v;
    }

    static JsonNode node(Map<String, String> meta, String key, String source) {
        try {
            return JSON.readTree(field(meta, key, source));
        } catch (JsonProcessingException e) {
            throw SafeTensors.bad(source, "__metadata__ '" + key + "' is not JSON: " + e.getOriginalMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Map<String, String> meta, String key, String source) {
        JsonNode n = node(meta, key, source);
        if (!n.isObject()) {
            throw SafeTensors.bad(source, "__metadata__ '" + key + "' is not a JSON object");
        }
        return JSON.convertValue(n, Map.class);
    }
}
