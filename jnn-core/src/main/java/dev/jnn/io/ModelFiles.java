package dev.jnn.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jnn.estimator.MLPClassifier;
import dev.jnn.estimator.MLPRegressor;
import dev.jnn.estimator.MLPState;
import dev.jnn.estimator.MultilayerPerceptron;
import dev.jnn.model.ModelJson;
import dev.jnn.model.Sequential;
import dev.jnn.preprocess.Pipeline;
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
            if (!(pipe.finalEstimator() instanceof MultilayerPerceptron)
                    && !ClassicModelFiles.handles(pipe.finalEstimator())) {
                throw new IllegalArgumentException("model files keep pipelines that end in an MLP, a Perceptron or"
                        + " an SVC");
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
        if (ClassicModelFiles.handles(model)) {
            if (optimizerState) {
                throw new IllegalArgumentException("the optimizer state is an MLP's; "
                        + model.getClass().getSimpleName() + " has none");
            }
            ClassicModelFiles.write((dev.jnn.api.Classifier) model, meta, tensors);
        } else if (model instanceof MultilayerPerceptron mlp) {
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
                    + ": model files hold MLPClassifier, MLPRegressor, Perceptron, SVC and Sequential models");
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
        if (model instanceof dev.jnn.estimator.Perceptron p) {
            return p.nFeaturesIn();
        }
        if (model instanceof dev.jnn.estimator.SVC s) {
            return s.nFeaturesIn();
        }
        return ((MultilayerPerceptron) model).nFeaturesIn();
    }

    /**
     * The model in {@code file}: an {@code MLPClassifier}, an {@code MLPRegressor}, a {@code Pipeline} of fitted
     * transformers before one, or a {@code Sequential}.
     */
    public static Object load(Path file) throws IOException {
        return ModelReader.fromContents(SafeTensors.read(file), file.toString());
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
        ModelReader.kind(meta, file.toString());
        return meta;
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
