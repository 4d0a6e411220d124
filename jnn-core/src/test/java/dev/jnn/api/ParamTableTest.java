package dev.jnn.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jnn.estimator.MLPClassifier;
import dev.jnn.estimator.MLPParams;
import dev.jnn.estimator.MLPRegressor;
import dev.jnn.estimator.MultilayerPerceptron;
import dev.jnn.optim.Adam;
import dev.jnn.optim.Optimizers;
import dev.jnn.optim.Sgd;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The parameter tables against scikit-learn 1.2.1 itself ({@code src/test/python/param_fixtures.py}): the MLPs'
 * defaults as {@code get_params()} gives them, and the message for a value outside each constraint; then the
 * reading of text and the optimizers' tables.
 */
class ParamTableTest {
    private static JsonNode fixture() throws Exception {
        try (InputStream in = ParamTableTest.class.getResourceAsStream("/fixtures/params.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void estimatorsAndTheirParamsPrintAsPythonDoes() throws Exception {
        for (JsonNode c : fixture().get("printed")) {
            Map<String, Object> params = new java.util.LinkedHashMap<>();
            c.get("params").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().isTextual()
                    ? e.getValue().asText() : e.getValue().isBoolean() ? (Object) e.getValue().asBoolean()
                    : e.getValue().isIntegralNumber() ? (Object) e.getValue().asInt() : e.getValue().asDouble()));
            dev.jnn.api.Estimator est = switch (c.get("estimator").asText()) {
                case "MLPClassifier" -> new MLPClassifier().setParams(params);
                case "MLPRegressor" -> new MLPRegressor().setParams(params);
                case "Perceptron" -> new dev.jnn.estimator.Perceptron().setParams(params);
                default -> new dev.jnn.estimator.SVC().setParams(params);
            };
            assertEquals(c.get("repr").asText(), est.toString());
            if (est instanceof MultilayerPerceptron) {         // the others lack scikit-learn's n_jobs and verbose
                assertEquals(c.get("get_params").asText(), est.getParams().toString());
            }
        }
    }

    @Test
    void defaultsAreScikitLearns() throws Exception {
        JsonNode root = fixture();
        for (MultilayerPerceptron est : new MultilayerPerceptron[] {new MLPClassifier(), new MLPRegressor()}) {
            JsonNode want = root.get(est.getClass().getSimpleName()).get("defaults");
            Map<String, Object> got = est.getParams();
            assertEquals(want.size(), got.size(), "parameter count");
            for (Iterator<String> it = want.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                JsonNode w = want.get(name);
                Object g = got.get(name);
                if (w.isNull()) {
                    assertNull(g, name);
                } else if (w.isArray()) {
                    assertArrayEquals(new int[] {w.get(0).asInt()}, (int[]) g, name);
                } else if (w.isBoolean()) {
                    assertEquals(w.asBoolean(), g, name);
                } else if (w.isTextual()) {
                    assertEquals(w.asText(), g, name);
                } else if (w.isIntegralNumber()) {
                    assertEquals(w.asLong(), ((Number) g).longValue(), name);
                    assertEquals(Integer.class, g.getClass(), name + " is an int");
                } else {
                    assertEquals(w.asDouble(), (Double) g, 0.0, name);
                }
            }
        }
    }

    @Test
    void constraintMessagesAreScikitLearns() throws Exception {
        JsonNode root = fixture();
        for (String owner : new String[] {"MLPClassifier", "MLPRegressor"}) {
            JsonNode messages = root.get(owner).get("messages");
            for (Iterator<String> it = messages.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                JsonNode value = messages.get(name).get("value");
                Object v = value.isTextual() ? value.asText() : value.isIntegralNumber() ? (Object) value.asInt()
                        : (Object) value.asDouble();
                MultilayerPerceptron est = owner.equals("MLPClassifier") ? new MLPClassifier() : new MLPRegressor();
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> est.setParams(Map.of(name, v)), name);
                assertEquals(sortedSets(messages.get(name).get("message").asText()), e.getMessage(), name);
            }
        }
    }

    /** scikit-learn prints its choice sets in hash order; jnn sorts them. */
    private static String sortedSets(String message) {
        Matcher m = Pattern.compile("\\{('[^}]*)}").matcher(message);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String[] items = m.group(1).split(", ");
            Arrays.sort(items);
            m.appendReplacement(b, Matcher.quoteReplacement("{" + String.join(", ", items) + "}"));
        }
        return m.appendTail(b).toString();
    }

    @Test
    void textReadsAsScikitLearnWouldTakeIt() {
        MLPParams p = MLPParams.TABLE.with(MLPParams.DEFAULTS, Map.of("max_iter", "1e4", "max_fun", "15_000",
                "hidden_layer_sizes", "(50, 20)", "batch_size", "auto", "n_iter_no_change", "inf",
                "random_state", "None", "shuffle", "false", "activation", "tanh", "tol", "1e-5"), "MLPClassifier");
        assertEquals(10_000, p.maxIter());
        assertEquals(15_000, p.maxFun());
        assertArrayEquals(new int[] {50, 20}, p.hiddenLayerSizes());
        assertNull(p.batchSize());
        assertEquals(Double.POSITIVE_INFINITY, p.nIterNoChange());
        assertNull(p.randomState());
        assertEquals(false, p.shuffle());
        assertEquals(1e-5, p.tol());
        assertEquals("parameter max_iter must be an integer, got '2.5'", assertThrows(IllegalArgumentException.class,
                () -> MLPParams.TABLE.with(MLPParams.DEFAULTS, Map.of("max_iter", "2.5"), "MLPClassifier")).getMessage());
        assertEquals("parameter alpha must be a number, got 'x'", assertThrows(IllegalArgumentException.class,
                () -> MLPParams.TABLE.with(MLPParams.DEFAULTS, Map.of("alpha", "x"), "MLPClassifier")).getMessage());
    }

    @Test
    void namesAreTheComponentsInSnakeCase() {
        assertEquals("learning_rate_init", ParamTable.snakeCase("learningRateInit"));
        assertEquals("beta_1", ParamTable.snakeCase("beta1"));
        assertEquals("n_iter_no_change", ParamTable.snakeCase("nIterNoChange"));
        assertEquals("initial_accumulator_value", Optimizers.table("adagrad").specs().get(1).name());
    }

    @Test
    void optimizersTakeKerasDefaultsAndRefuseWhatKerasRefuses() {
        Adam adam = (Adam) Optimizers.byName("adam", Map.of());
        assertEquals(0.001, adam.learningRate());
        assertEquals("1e-07", Optimizers.table("adam").spec("epsilon").pythonDefault());
        assertEquals(0.01, new Sgd().learningRate());
        assertEquals(0.5, Optimizers.byName("sgd", Map.of("learning_rate", "0.5", "momentum", "0.9")).learningRate());
        assertEquals("The 'learning_rate' parameter of SGD must be a float in the range (0, inf). Got 0.0 instead.",
                assertThrows(IllegalArgumentException.class,
                        () -> Optimizers.byName("sgd", Map.of("learning_rate", "0"))).getMessage());
        assertEquals("The 'beta_2' parameter of Adam must be a float in the range [0, 1]. Got 1.5 instead.",
                assertThrows(IllegalArgumentException.class, () -> new Adam(0.001, 0.9, 1.5, 1e-7)).getMessage());
        assertEquals("Invalid parameter 'rho' for estimator Adam(). Valid parameters are: ['beta_1', 'beta_2',"
                + " 'epsilon', 'learning_rate'].", assertThrows(IllegalArgumentException.class,
                () -> Optimizers.byName("adam", Map.of("rho", 0.9))).getMessage());
    }
}
