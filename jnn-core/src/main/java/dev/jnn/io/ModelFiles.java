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
import dev.jnn.util.AtomicFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * jnn's model files: the {@link SafeTensors} layout, so that Python's safetensors or a few lines of numpy read the
 * weights, with jnn's configuration as JSON text under these {@code __metadata__} keys:
 * <ul>
 * <li>{@code format} ({@code "jnn"}), {@code format_version} ({@code "1"}), {@code jnn_version}, {@code kind} ({@code MLPClassifier},
 *     {@code MLPRegressor} or {@code Sequential}), {@code dtype} ({@code float32} or {@code float64});</li>
 * <li>MLPs: {@code params} (scikit-learn's {@code get_params()}), {@code fitted} ({@code n_features_in},
 *     {@code out_activation}, {@code n_iter}, {@code t}, {@code loss}, {@code loss_curve}), {@code classes}
 *     (integers or strings) and {@code multilabel}; tensors {@code coefs.I} and {@code intercepts.I};</li>
 * <li>{@code Sequential}: {@code config} (the layer list of {@link ModelJson}) and {@code input_shape}; tensors
 *     {@code layers.I.J}, layer I's parameters then its buffers (batch normalisation's moving statistics).</li>
 * </ul>
 * Loading checks the layout, the version, the kind and every weight's shape against the configuration, and that
 * the weights are finite, before it returns a model; it never runs code and never deserialises Java objects.
 */
public final class ModelFiles {
    /** The {@code format_version} this release writes and reads. */
    public static final String VERSION = "1";
    /** The release that writes the files ({@code jnn_version}), from the build. */
    public static final String JNN_VERSION = release();
    private static final ObjectMapper JSON = new ObjectMapper();

    private ModelFiles() {
    }

    /** Saves a fitted MLP or a built {@code Sequential} to {@code file}, atomically. */
    public static void save(Object model, Path file) throws IOException {
        AtomicFiles.write(file, bytes(model, null, false));
    }

    /**
     * Saves a fitted MLP (or a pipeline ending in one) with its sgd or adam optimizer's state (metadata
     * {@code optimizer}, tensors {@code optimizer.I.J}), so that a loaded model's {@code partialFit} continues.
     */
    public static void saveWithOptimizerState(Object model, Path file) throws IOException {
        AtomicFiles.write(file, bytes(model, null, true));
    }

    /**
     * Saves a built {@code Sequential} classifier with the names of its output classes (metadata {@code classes}),
     * so that a later {@code predict} can name them.
     */
    public static void save(Sequential model, String[] classNames, Path file) throws IOException {
        AtomicFiles.write(file, bytes(model, classNames, false));
    }

    /** The file's bytes for a fitted MLP or a built {@code Sequential} (with its class names, or null). */
    public static byte[] bytes(Object model, String[] classNames) {
        return bytes(model, classNames, false);
    }

    private static byte[] bytes(Object model, String[] classNames, boolean optimizerState) {
        Map<String, String> meta = new LinkedHashMap<>();
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        meta.put("format", "jnn");
        meta.put("format_version", VERSION);
        meta.put("jnn_version", JNN_VERSION);
        if (model instanceof Pipeline pipe) {
            if (!(pipe.finalEstimator() instanceof MultilayerPerceptron)) {
                throw new IllegalArgumentException("model files keep pipelines that end in an MLP");
            }
            List<Map<String, Object>> steps = new ArrayList<>();
            for (int i = 0; i < pipe.steps().size(); i++) {
                Pipeline.Step step = pipe.steps().get(i);
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("type", step.transformer().getClass().getSimpleName());
                d.put("name", step.name());
                d.put("params", step.transformer().getParams());
                steps.add(d);
                for (Map.Entry<String, double[]> e : step.transformer().fittedState().entrySet()) {
                    tensors.put("preprocessing." + i + "." + e.getKey(), Tensor.wrap(e.getValue().clone(),
                            e.getValue().length));
                }
            }
            meta.put("preprocessing", json(steps));
            meta.put("model_name", pipe.modelName());
            model = pipe.finalEstimator();
        }
        if (model instanceof MultilayerPerceptron mlp) {
            MLPState s = MLPState.of(mlp, optimizerState);
            meta.put("kind", s.classifier() ? "MLPClassifier" : "MLPRegressor");
            meta.put("dtype", name(s.dtype()));
            Map<String, Object> params = new LinkedHashMap<>(mlp.getParams());
            params.replaceAll((k, v) -> v instanceof Double d && d.isInfinite() ? "inf" : v);
            meta.put("params", json(params));
            Map<String, Object> fitted = new LinkedHashMap<>();
            fitted.put("n_features_in", s.nFeaturesIn());
            fitted.put("out_activation", s.outActivation().pythonName());
            fitted.put("n_iter", s.nIter());
            fitted.put("t", s.t());
            fitted.put("loss", s.loss());
            fitted.put("loss_curve", s.lossCurve());
            meta.put("fitted", json(fitted));
            if (s.classifier()) {
                meta.put("classes", json(s.intClasses() != null ? s.intClasses() : s.stringClasses()));
                meta.put("multilabel", Boolean.toString(s.multilabel()));
            }
            for (int i = 0; i < s.coefs().size(); i++) {
                tensors.put("coefs." + i, s.coefs().get(i));
            }
            for (int i = 0; i < s.intercepts().size(); i++) {
                tensors.put("intercepts." + i, s.intercepts().get(i));
            }
            if (s.optimizer() != null) {
                List<Integer> counts = new ArrayList<>();
                for (int i = 0; i < s.optimizer().arrays().size(); i++) {
                    Tensor[] a = s.optimizer().arrays().get(i);
                    counts.add(a == null ? 0 : a.length);
                    for (int j = 0; a != null && j < a.length; j++) {
                        tensors.put("optimizer." + i + "." + j, a[j]);
                    }
                }
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("learning_rate", s.optimizer().learningRate());
                o.put("counters", s.optimizer().counters());
                o.put("arrays", counts);
                meta.put("optimizer", json(o));
            } else if (optimizerState && mlp.params().solver().stochastic()) {
                throw new IllegalArgumentException("the model has no optimizer state to save (it was not fitted by sgd"
                        + " or adam in this process)");
            }
        } else if (model instanceof Sequential seq) {
            if (!seq.isBuilt()) {
                throw new IllegalArgumentException("the model is not built yet: fit or build it before saving");
            }
            meta.put("kind", "Sequential");
            meta.put("dtype", name(seq.dtype()));
            meta.put("config", ModelJson.write(seq));
            meta.put("input_shape", json(seq.inputShape()));
            if (classNames != null) {
                meta.put("classes", json(classNames));
            }
            for (int i = 0; i < seq.layers().size(); i++) {
                List<Tensor> w = seq.weights(i);
                for (int j = 0; j < w.size(); j++) {
                    tensors.put("layers." + i + "." + j, w.get(j));
                }
            }
        } else {
            throw new IllegalArgumentException("cannot save a " + (model == null ? "null" : model.getClass().getSimpleName())
                    + ": model files hold MLPClassifier, MLPRegressor and Sequential models");
        }
        return SafeTensors.write(tensors, meta);
    }

    /**
     * Exports a fitted MLP or a built {@code Sequential} as an ONNX model (opset 17) to {@code file}, atomically;
     * {@code classNames} names a {@code Sequential} classifier's outputs (null: their indices).
     */
    public static void exportOnnx(Object model, String[] classNames, Path file) throws IOException {
        AtomicFiles.write(file, onnx(model, classNames));
    }

    /** The ONNX model's bytes (see {@link #exportOnnx}). */
    public static byte[] onnx(Object model, String[] classNames) {
        return OnnxExport.export(model, classNames).toByteArray();
    }

    /** The number of raw features a model (as {@link #load} returns it) takes per row. */
    public static int inputFeatures(Object model) {
        if (model instanceof Pipeline p) {
            return OnnxTransforms.inputColumns(p.steps().get(0).transformer());
        }
        if (model instanceof Sequential s) {
            return java.util.Arrays.stream(s.inputShape()).reduce(1, (a, b) -> a * b);
        }
        return ((MultilayerPerceptron) model).nFeaturesIn();
    }

    /**
     * The model in {@code file}: an {@code MLPClassifier}, an {@code MLPRegressor}, a {@code Pipeline} of fitted
     * transformers before one, or a {@code Sequential}.
     */
    public static Object load(Path file) throws IOException {
        return fromContents(SafeTensors.read(file), file.toString());
    }

    /** {@link #load(Path)} of the expected type; another kind of model is an error naming both. */
    public static <T> T load(Path file, Class<T> type) throws IOException {
        Object m = load(file);
        if (!type.isInstance(m)) {
            throw new ModelFileException(file + ": holds a " + m.getClass().getSimpleName() + ", not a "
                    + type.getSimpleName());
        }
        return type.cast(m);
    }

    /** The metadata of a file, checked as a jnn file (for {@code jnn info}). */
    public static Map<String, String> metadata(Path file) throws IOException {
        Map<String, String> meta = SafeTensors.read(file).metadata();
        kind(meta, file.toString());
        return meta;
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
            MultilayerPerceptron mlp = mlp(c, kind, dtype, source);
            return meta.containsKey("preprocessing") ? pipeline(c, mlp, source) : mlp;
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
                ? l.stream().map(v -> ((Number) v).doubleValue()).toList() : null;
        MLPState s = new MLPState(classifier, p, dtype, ((Number) fitted.get("n_features_in")).intValue(), out,
                coefs, intercepts, ((Number) fitted.get("n_iter")).intValue(), ((Number) fitted.get("t")).longValue(),
                ((Number) fitted.get("loss")).doubleValue(), curve, ints, strings,
                Boolean.parseBoolean(meta.getOrDefault("multilabel", "false")), optimizer(c, source));
        return s.restore();
    }

    /** The fitted transformers of {@code preprocessing} before {@code mlp}. */
    private static Pipeline pipeline(SafeTensors.Contents c, MultilayerPerceptron mlp, String source) {
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
        return mlp instanceof MLPClassifier clf ? Pipeline.of(out, name, clf) : Pipeline.of(out, name, (MLPRegressor) mlp);
    }

    /** The optimizer state of metadata {@code optimizer} and tensors {@code optimizer.I.J}, or null. */
    private static MLPState.OptimizerState optimizer(SafeTensors.Contents c, String source) {
        if (!c.metadata().containsKey("optimizer")) {
            return null;
        }
        Map<String, Object> o = object(c.metadata(), "optimizer", source);
        List<Tensor[]> arrays = new ArrayList<>();
        List<?> counts = (List<?>) o.get("arrays");
        for (int i = 0; i < counts.size(); i++) {
            int n = ((Number) counts.get(i)).intValue();
            Tensor[] a = n == 0 ? null : new Tensor[n];
            for (int j = 0; j < n; j++) {
                a[j] = required(c, "optimizer." + i + "." + j, source);
            }
            arrays.add(a);
        }
        Map<String, Double> counters = new LinkedHashMap<>();
        ((Map<?, ?>) o.get("counters")).forEach((k, v) -> counters.put(String.valueOf(k), ((Number) v).doubleValue()));
        return new MLPState.OptimizerState(((Number) o.get("learning_rate")).doubleValue(), arrays, counters);
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

    private static String kind(Map<String, String> meta, String source) {
        if (!"jnn".equals(meta.get("format"))) {
            throw SafeTensors.bad(source, "is not a jnn model file (no __metadata__ format \"jnn\")");
        }
        if (!VERSION.equals(meta.get("format_version"))) {
            throw SafeTensors.bad(source, "has format_version " + meta.get("format_version") + "; this jnn reads "
                    + VERSION);
        }
        String kind = field(meta, "kind", source);
        if (!List.of("MLPClassifier", "MLPRegressor", "Sequential").contains(kind)) {
            throw SafeTensors.bad(source, "has an unknown kind '" + kind + "'");
        }
        return kind;
    }

    private static Tensor required(SafeTensors.Contents c, String name, String source) {
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

    private static JsonNode node(Map<String, String> meta, String key, String source) {
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

    private static String json(Object v) {
        try {
            return JSON.writeValueAsString(v);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String release() {
        java.util.Properties p = new java.util.Properties();
        try (java.io.InputStream in = ModelFiles.class.getResourceAsStream("jnn-core-version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // the version is informative only
        }
        return p.getProperty("version", "unknown");
    }

    private static String name(DType d) {
        return d.toString().toLowerCase(Locale.ROOT);
    }
}
