package dev.jnn.estimator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jnn.tensor.Tensor;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Level-D parity: scikit-learn 1.2.1 training runs written by {@code src/test/python/mlp_fixtures.py}, replayed
 * through {@code setParams} with the same data; every number must agree to 1e-9 and every decision exactly.
 */
class MlpFixturesTest {
    private static final double TOL = 1e-9;

    @TestFactory
    Stream<DynamicTest> scikitLearnRuns() throws IOException {
        return perCase("/fixtures/mlp.json", MlpFixturesTest::replay);
    }

    /** One dynamic test per entry of a fixture file's {@code cases}, named by its {@code name}. */
    static Stream<DynamicTest> perCase(String resource, java.util.function.Consumer<JsonNode> replay)
            throws IOException {
        JsonNode root;
        try (InputStream in = MlpFixturesTest.class.getResourceAsStream(resource)) {
            root = new ObjectMapper().readTree(in);
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : root.get("cases")) {
            tests.add(DynamicTest.dynamicTest(c.get("name").asText(), () -> replay.accept(c)));
        }
        return tests.stream();
    }

    /** The case named {@code name} of a fixture file. */
    static JsonNode perCaseNode(String resource, String name) throws IOException {
        try (InputStream in = MlpFixturesTest.class.getResourceAsStream(resource)) {
            for (JsonNode c : new ObjectMapper().readTree(in).get("cases")) {
                if (c.get("name").asText().equals(name)) {
                    return c;
                }
            }
        }
        throw new IllegalArgumentException(resource + " has no case " + name);
    }

    /** An unfitted MLP of the case's {@code kind} with its {@code params}. */
    static MultilayerPerceptron estimator(JsonNode c) {
        Map<String, Object> params = new LinkedHashMap<>();
        c.get("params").fields().forEachRemaining(e -> params.put(e.getKey(), value(e.getValue())));
        boolean classifier = c.get("kind").asText().equals("classifier");
        MultilayerPerceptron est = classifier ? new MLPClassifier() : new MLPRegressor();
        est.setParams(params);
        return est;
    }

    private static void replay(JsonNode c) {
        MultilayerPerceptron est = estimator(c);
        List<String> lines = new ArrayList<>();
        est.setMonitor(new FitMonitor() {
            @Override
            public void onMessage(String line) {
                lines.add(line);
            }
        });
        Tensor x = Tensor.of(matrix(c.get("x")));
        JsonNode y = c.get("y");
        String extra = c.get("extra").isNull() ? "" : c.get("extra").asText();
        int calls = extra.equals("warm") ? 2 : extra.equals("partial") ? 3 : 1;
        List<String> warnings = new ArrayList<>();
        for (int call = 0; call < calls; call++) {
            fit(est, x, y, extra.equals("partial"));
            warnings.addAll(est.warnings());
        }
        assertEquals(c.get("n_iter").asInt(), est.nIter(), "n_iter_");
        assertEquals(c.get("t").asLong(), est.t(), "t_");
        assertEquals(c.get("loss").asDouble(), est.loss(), TOL, "loss_");
        assertArrayEquals(doubles(c.get("loss_curve")), est.lossCurve().stream().mapToDouble(d -> d).toArray(), TOL);
        nullableEquals(c.get("best_loss"), est.bestLoss());
        if (c.get("validation_scores").isNull()) {
            assertNull(est.validationScores());
        } else {
            assertArrayEquals(doubles(c.get("validation_scores")),
                    est.validationScores().stream().mapToDouble(d -> d).toArray(), TOL);
        }
        nullableEquals(c.get("best_validation_score"), est.bestValidationScore());
        for (int i = 0; i < est.coefs().size(); i++) {
            assertMatrix(matrix(c.get("coefs").get(i)), est.coefs().get(i).toDoubleMatrix(), "coefs_[" + i + "]");
            assertArrayEquals(doubles(c.get("intercepts").get(i)), est.intercepts().get(i).toDoubleArray(), TOL);
        }
        List<String> expectedWarnings = new ArrayList<>();
        c.get("warnings").forEach(w -> expectedWarnings.add(w.asText()));
        assertEquals(expectedWarnings, warnings);
        List<String> expectedLines = new ArrayList<>();
        c.get("stdout").forEach(w -> expectedLines.add(w.asText()));
        assertEquals(expectedLines, lines, "verbose transcript");
        if (est instanceof MLPClassifier clf) {
            assertMatrix(matrix(c.get("predict_proba")), clf.predictProba(x.rows(0, 5)), "predict_proba");
            JsonNode pred = c.get("predict");
            if (y.get(0).isArray()) {
                assertMatrix(matrix(pred), toDouble(clf.predictMultilabel(x)), "predict");
                assertEquals(c.get("score").asDouble(), clf.score(x, ints2(y)), TOL);
            } else if (y.get(0).isTextual()) {
                assertArrayEquals(strings(pred), clf.predictNames(x));
                assertArrayEquals(strings(c.get("classes")), clf.classNames());
                assertEquals(c.get("score").asDouble(), clf.score(x, strings(y)), TOL);
            } else {
                assertArrayEquals(ints(pred), clf.predict(x));
                assertArrayEquals(ints(c.get("classes")), clf.classes());
                assertEquals(c.get("score").asDouble(), clf.score(x, ints(y)), TOL);
            }
        } else {
            MLPRegressor reg = (MLPRegressor) est;
            JsonNode pred = c.get("predict");
            if (pred.get(0).isArray()) {
                assertMatrix(matrix(pred), reg.predictOutputs(x.rows(0, 5)), "predict");
                assertEquals(c.get("score").asDouble(), reg.score(x, matrix(y)), TOL);
            } else {
                assertArrayEquals(doubles(pred), reg.predict(x.rows(0, 5)), TOL);
                assertEquals(c.get("score").asDouble(), reg.score(x, doubles(y)), TOL);
            }
        }
    }

    private static void fit(MultilayerPerceptron est, Tensor x, JsonNode y, boolean partial) {
        if (est instanceof MLPClassifier clf) {
            if (y.get(0).isArray()) {
                clf.fit(x, ints2(y));
            } else if (y.get(0).isTextual()) {
                clf.fit(x, strings(y));
            } else if (partial) {
                clf.partialFit(x, ints(y), java.util.Arrays.stream(ints(y)).distinct().sorted().toArray());
            } else {
                clf.fit(x, ints(y));
            }
        } else if (y.get(0).isArray()) {
            ((MLPRegressor) est).fit(x, matrix(y));
        } else {
            ((MLPRegressor) est).fit(x, doubles(y));
        }
    }

    private static Object value(JsonNode v) {
        if (v.isArray()) {
            List<Object> out = new ArrayList<>();
            v.forEach(e -> out.add(value(e)));
            return out;
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isInt() || v.isLong()) {
            return v.asLong();
        }
        if (v.isNumber()) {
            return v.asDouble();
        }
        return v.asText();
    }

    private static void nullableEquals(JsonNode expected, Double actual) {
        if (expected.isNull()) {
            assertNull(actual);
        } else {
            assertEquals(expected.asDouble(), actual, TOL);
        }
    }

    private static void assertMatrix(double[][] expected, double[][] actual, String what) {
        assertEquals(expected.length, actual.length, what + " rows");
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], actual[i], TOL, what + " row " + i);
        }
    }

    private static double[][] toDouble(int[][] v) {
        double[][] out = new double[v.length][];
        for (int i = 0; i < v.length; i++) {
            out[i] = java.util.Arrays.stream(v[i]).asDoubleStream().toArray();
        }
        return out;
    }

    static double[][] matrix(JsonNode n) {
        double[][] out = new double[n.size()][];
        for (int i = 0; i < n.size(); i++) {
            out[i] = doubles(n.get(i));
        }
        return out;
    }

    static double[] doubles(JsonNode n) {
        double[] out = new double[n.size()];
        for (int i = 0; i < n.size(); i++) {
            out[i] = n.get(i).asDouble();
        }
        return out;
    }

    static int[] ints(JsonNode n) {
        int[] out = new int[n.size()];
        for (int i = 0; i < n.size(); i++) {
            out[i] = n.get(i).asInt();
        }
        return out;
    }

    static int[][] ints2(JsonNode n) {
        int[][] out = new int[n.size()][];
        for (int i = 0; i < n.size(); i++) {
            out[i] = ints(n.get(i));
        }
        return out;
    }

    static String[] strings(JsonNode n) {
        String[] out = new String[n.size()];
        for (int i = 0; i < n.size(); i++) {
            out[i] = n.get(i).asText();
        }
        return out;
    }
}
