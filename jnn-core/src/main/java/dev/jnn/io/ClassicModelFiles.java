package dev.jnn.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jnn.api.Classifier;
import dev.jnn.estimator.Perceptron;
import dev.jnn.estimator.PerceptronParams;
import dev.jnn.estimator.PerceptronState;
import dev.jnn.estimator.SVC;
import dev.jnn.estimator.SVCParams;
import dev.jnn.estimator.SVCState;
import dev.jnn.tensor.Tensor;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Perceptron and the SVC in model files: their parameters, classes and fitted attributes in
 * {@code __metadata__}, and their arrays as tensors ({@code coef}, {@code intercept}; {@code support_vectors},
 * {@code dual_coef}, {@code intercept}, {@code prob_a}, {@code prob_b}), in scikit-learn's names and signs.
 */
final class ClassicModelFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ClassicModelFiles() {
    }

    /** Whether {@code model} is one of these estimators. */
    static boolean handles(Object model) {
        return model instanceof Perceptron || model instanceof SVC;
    }

    /** Writes {@code model}'s metadata and tensors. */
    static void write(Classifier model, Map<String, String> meta, Map<String, Tensor> tensors) {
        meta.put("dtype", "float64");
        if (model instanceof Perceptron p) {
            PerceptronState s = PerceptronState.of(p);
            meta.put("kind", "Perceptron");
            meta.put("params", json(PerceptronParams.TABLE.toMap(s.params())));
            meta.put("classes", json(s.intClasses() != null ? s.intClasses() : s.stringClasses()));
            meta.put("fitted", json(Map.of("n_iter", s.nIter(), "t", s.t())));
            tensors.put("coef", matrix(s.coef()));
            tensors.put("intercept", Tensor.wrap(s.intercept().clone(), s.intercept().length));
        } else {
            SVCState s = SVCState.of((SVC) model);
            meta.put("kind", "SVC");
            meta.put("params", json(SVCParams.TABLE.toMap(s.params())));
            meta.put("classes", json(s.intClasses() != null ? s.intClasses() : s.stringClasses()));
            Map<String, Object> fitted = new LinkedHashMap<>();
            fitted.put("support", s.support());
            fitted.put("n_support", s.nSupport());
            fitted.put("n_iter", s.nIter());
            fitted.put("gamma", s.gamma());
            fitted.put("class_weight", s.classWeight());
            meta.put("fitted", json(fitted));
            tensors.put("support_vectors", matrix(s.supportVectors()));
            tensors.put("dual_coef", matrix(s.dualCoef()));
            tensors.put("intercept", Tensor.wrap(s.intercept().clone(), s.intercept().length));
            if (s.probA().length > 0) {
                tensors.put("prob_a", Tensor.wrap(s.probA().clone(), s.probA().length));
                tensors.put("prob_b", Tensor.wrap(s.probB().clone(), s.probB().length));
            }
        }
    }

    /** The Perceptron or SVC of a file whose kind is {@code kind}. */
    static Classifier read(SafeTensors.Contents c, String kind, String source) {
        Map<String, String> meta = c.metadata();
        JsonNode classes = ModelReader.node(meta, "classes", source);
        int[] ints = null;
        String[] strings = null;
        if (!classes.isArray() || classes.isEmpty()) {
            throw SafeTensors.bad(source, "classes must be a non-empty array");
        }
        if (classes.get(0).isIntegralNumber()) {
            ints = JSON.convertValue(classes, int[].class);
        } else {
            strings = JSON.convertValue(classes, String[].class);
        }
        JsonNode fitted = ModelReader.node(meta, "fitted", source);
        @SuppressWarnings("unchecked")
        Map<String, Object> params = JSON.convertValue(ModelReader.node(meta, "params", source), Map.class);
        if (kind.equals("Perceptron")) {
            PerceptronParams p = PerceptronParams.TABLE.with(PerceptronParams.DEFAULTS, params, kind);
            return new PerceptronState(p, ints, strings, ModelReader.required(c, "coef", source).toDoubleMatrix(),
                    vector(c, "intercept", source), fitted.path("n_iter").asInt(), fitted.path("t").asDouble())
                    .restore();
        }
        SVCParams p = SVCParams.TABLE.with(SVCParams.DEFAULTS, params, kind);
        boolean proba = c.tensors().containsKey("prob_a");
        return new SVCState(p, ints, strings, ModelReader.required(c, "support_vectors", source).toDoubleMatrix(),
                JSON.convertValue(fitted.path("support"), int[].class),
                JSON.convertValue(fitted.path("n_support"), int[].class),
                ModelReader.required(c, "dual_coef", source).toDoubleMatrix(), vector(c, "intercept", source),
                proba ? vector(c, "prob_a", source) : new double[0], proba ? vector(c, "prob_b", source) : new double[0],
                JSON.convertValue(fitted.path("n_iter"), int[].class), fitted.path("gamma").asDouble(),
                JSON.convertValue(fitted.path("class_weight"), double[].class)).restore();
    }

    private static Tensor matrix(double[][] rows) {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        double[] flat = new double[rows.length * cols];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(rows[r], 0, flat, r * cols, cols);
        }
        return Tensor.wrap(flat, rows.length, cols);
    }

    private static double[] vector(SafeTensors.Contents c, String name, String source) {
        return ModelReader.required(c, name, source).toDoubleArray();
    }

    private static String json(Object v) {
        try {
            return JSON.writeValueAsString(v);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
