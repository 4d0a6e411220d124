package dev.jnn.estimator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jnn.tensor.DType;
import dev.jnn.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SVC against scikit-learn 1.2.1 ({@code src/test/python/svc_fixtures.py}): for all four kernels, two to ten
 * classes, class weights, shrinking off, ovr and ovo, break_ties and a hard margin, the same gamma, support
 * vectors, iterations, bit-identical dual coefficients and intercepts (within 1e-13 for the sigmoid kernel, whose
 * tanh is Java's), decision values within 1e-13, the same
 * predictions; with probability, the same model and probabilities that sum to one.
 */
class SVCFixturesTest {
    private static final double DECISION_TOL = 1e-13;

    static JsonNode fixtures() throws Exception {
        try (InputStream in = SVCFixturesTest.class.getResourceAsStream("/fixtures/svc.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    static Tensor matrix(JsonNode rows) {
        int n = rows.size();
        int d = rows.get(0).size();
        double[] v = new double[n * d];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < d; c++) {
                v[r * d + c] = rows.get(r).get(c).asDouble();
            }
        }
        return Tensor.wrap(v, n, d);
    }

    static int[] ints(JsonNode a) {
        int[] out = new int[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).asInt();
        }
        return out;
    }

    static double[] doubles(JsonNode a) {
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).asDouble();
        }
        return out;
    }

    static Map<String, Object> params(JsonNode c) {
        Map<String, Object> params = new LinkedHashMap<>();
        c.get("params").fields().forEachRemaining(e -> params.put(e.getKey(),
                e.getValue().isTextual() ? e.getValue().asText() : e.getValue().isBoolean()
                        ? e.getValue().asBoolean() : e.getValue().isIntegralNumber()
                        ? (Object) e.getValue().asLong() : (Object) e.getValue().asDouble()));
        return params;
    }

    @Test
    void everyCaseMatchesScikitLearn() throws Exception {
        int cases = 0;
        for (JsonNode c : fixtures().get("cases")) {
            String name = c.get("name").asText();
            Tensor x = matrix(c.get("x"));
            int[] y = ints(c.get("y"));
            SVC svc = new SVC().setParams(params(c)).fit(x, y);
            assertEquals(c.get("gamma").asDouble(), svc.fittedGamma(), 0.0, name + " gamma");
            assertArrayEquals(ints(c.get("classes")), svc.classes(), name + " classes");
            assertArrayEquals(ints(c.get("support")), svc.support(), name + " support");
            assertArrayEquals(ints(c.get("n_support")), svc.nSupport(), name + " n_support");
            assertArrayEquals(doubles(c.get("class_weight")), svc.classWeight(), 0.0, name + " class_weight");
            assertArrayEquals(ints(c.get("n_iter")), svc.nIter(), name + " n_iter");
            // bit for bit, but for the sigmoid kernel: Java's tanh and C's differ in the last bit now and then
            double exact = svc.params().kernel() == SvmKernel.SIGMOID ? 1e-13 : 0.0;
            double[][] dual = svc.dualCoef();
            for (int i = 0; i < dual.length; i++) {
                assertArrayEquals(doubles(c.get("dual_coef").get(i)), dual[i], exact, name + " dual_coef[" + i + "]");
            }
            assertArrayEquals(doubles(c.get("intercept")), svc.intercept(), exact, name + " intercept");
            JsonNode want = c.get("decision");
            double[][] got = svc.decisionFunction(x.rows(0, want.size()));
            for (int r = 0; r < got.length; r++) {
                double[] w = want.get(r).isArray() ? doubles(want.get(r)) : new double[] {want.get(r).asDouble()};
                assertArrayEquals(w, got[r], DECISION_TOL, name + " decision[" + r + "]");
            }
            assertArrayEquals(ints(c.get("predict")), svc.predict(x), name + " predict");
            assertEquals(c.get("score").asDouble(), svc.score(x, y), 0.0, name + " score");
            if (c.has("coef")) {
                double[][] coef = svc.coef();
                for (int i = 0; i < coef.length; i++) {
                    assertArrayEquals(doubles(c.get("coef").get(i)), coef[i], 1e-9, name + " coef[" + i + "]");
                }
            }
            if (c.has("proba_rows_sum")) {
                for (double[] row : svc.predictProba(x)) {
                    assertEquals(1.0, java.util.Arrays.stream(row).sum(), 1e-12, name + " proba sums to 1");
                }
            }
            cases++;
        }
        assertTrue(cases >= 10, "at least ten fixtures");
    }

    @Test
    void theHardMarginIsTheWidthOfTheStreet() throws Exception {
        for (JsonNode c : fixtures().get("cases")) {
            if (!c.get("name").asText().equals("separable_hard_margin")) {
                continue;
            }
            SVC svc = new SVC().setParams(params(c)).fit(matrix(c.get("x")), ints(c.get("y")));
            double[] w = doubles(c.get("coef").get(0));
            double want = 2 / Math.sqrt(w[0] * w[0] + w[1] * w[1]);
            assertEquals(want, svc.margin(), 1e-9);
            // on a hard margin, every support vector lies on the street's edge: |w·x + b| = 1
            double[][] dec = svc.decisionFunction(Tensor.of(svc.supportVectors()));
            for (double[] d : dec) {
                assertEquals(1.0, Math.abs(d[0]), 1e-6);
            }
        }
    }

    @Test
    void probabilitiesAreSeededByRandomState() throws Exception {
        JsonNode c = fixtures().get("cases").get(0);
        Tensor x = matrix(c.get("x"));
        int[] y = ints(c.get("y"));
        Map<String, Object> p = Map.of("probability", true, "random_state", 3L);
        double[][] a = new SVC().setParams(p).fit(x, y).predictProba(x);
        double[][] b = new SVC().setParams(p).fit(x, y).predictProba(x);
        for (int r = 0; r < a.length; r++) {
            assertArrayEquals(a[r], b[r], 0.0);
        }
        SVC plain = new SVC().fit(x, y);
        assertThrows(IllegalStateException.class, () -> plain.predictProba(x));
    }

    @Test
    void badParametersAndInputAreRefusedWithScikitLearnsMessages() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SVC().setParams(Map.of("gamma", "wide")));
        assertEquals("The 'gamma' parameter of SVC must be a str among {'auto', 'scale'} or a float in the range"
                + " [0.0, inf). Got 'wide' instead.", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new SVC().setParams(Map.of("C", 0.0)));
        assertTrue(e.getMessage().startsWith("The 'C' parameter of SVC must be a float in the range (0, inf)"),
                e.getMessage());
        Tensor x = Tensor.wrap(new double[] {0, 1, 2, 3}, 2, 2);
        e = assertThrows(IllegalArgumentException.class, () -> new SVC().fit(x, new int[] {1, 1}));
        assertEquals("The number of classes has to be greater than one; got 1 class", e.getMessage());
        SVC fitted = new SVC().fit(x, new int[] {0, 1});
        e = assertThrows(IllegalArgumentException.class,
                () -> fitted.predict(Tensor.wrap(new double[] {0, 1, 2}, 1, 3)));
        assertEquals("X has 3 features, but SVC is expecting 2 features as input.", e.getMessage());
        assertThrows(IllegalStateException.class, fitted::coef);
    }
}
