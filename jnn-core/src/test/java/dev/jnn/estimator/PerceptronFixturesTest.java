package dev.jnn.estimator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jnn.tensor.Rng;
import dev.jnn.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Perceptron against scikit-learn 1.2.1 ({@code src/test/python/perceptron_fixtures.py}): the coefficients and
 * intercepts to 1e-12, the epochs, {@code t_}, the decision values, the predictions and the warnings, for binary
 * and 3- and 4-class problems, every penalty, early stopping, shuffling off, class weights and partial_fit.
 */
class PerceptronFixturesTest {
    private static final double TOL = 1e-12;

    private static JsonNode fixtures() throws Exception {
        try (InputStream in = PerceptronFixturesTest.class.getResourceAsStream("/fixtures/perceptron.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static Tensor matrix(JsonNode rows) {
        int n = rows.size();
        int d = rows.get(0).size();
        Tensor x = Tensor.zeros(dev.jnn.tensor.DType.FLOAT64, n, d);
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < d; c++) {
                x.set(rows.get(r).get(c).asDouble(), r, c);
            }
        }
        return x;
    }

    private static int[] ints(JsonNode a) {
        int[] out = new int[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).asInt();
        }
        return out;
    }

    private static void close(JsonNode want, double[][] got, String what) {
        assertEquals(want.size(), got.length, what);
        for (int r = 0; r < got.length; r++) {
            for (int c = 0; c < got[r].length; c++) {
                assertEquals(want.get(r).get(c).asDouble(), got[r][c], TOL, what + "[" + r + "][" + c + "]");
            }
        }
    }

    @Test
    void everyCaseMatchesScikitLearn() throws Exception {
        for (JsonNode c : fixtures().get("cases")) {
            String name = c.get("name").asText();
            Map<String, Object> params = new LinkedHashMap<>();
            c.get("params").fields().forEachRemaining(e -> params.put(e.getKey(),
                    e.getValue().isNull() ? null : e.getValue().isTextual() ? e.getValue().asText()
                            : e.getValue().isBoolean() ? e.getValue().asBoolean() : e.getValue().isIntegralNumber()
                            ? (Object) e.getValue().asLong() : (Object) e.getValue().asDouble()));
            Perceptron p = new Perceptron().setParams(params);
            Tensor x = matrix(c.get("x"));
            p.fit(x, ints(c.get("y")));
            close(c.get("coef"), p.coef(), name + " coef");
            double[] b = p.intercept();
            for (int i = 0; i < b.length; i++) {
                assertEquals(c.get("intercept").get(i).asDouble(), b[i], TOL, name + " intercept");
            }
            assertEquals(c.get("n_iter").asInt(), p.nIter(), name + " n_iter");
            assertEquals(c.get("t").asDouble(), p.t(), 0.0, name + " t");
            assertArrayEquals(ints(c.get("classes")), p.classes(), name);
            double[][] dec = p.decisionFunction(x.rows(0, 5));
            JsonNode want = c.get("decision");
            for (int r = 0; r < 5; r++) {
                double w = want.get(r).isArray() ? want.get(r).get(0).asDouble() : want.get(r).asDouble();
                if (want.get(r).isArray()) {
                    for (int k = 0; k < dec[r].length; k++) {
                        assertEquals(want.get(r).get(k).asDouble(), dec[r][k], 1e-10, name + " decision");
                    }
                } else {
                    assertEquals(w, dec[r][0], 1e-10, name + " decision");
                }
            }
            assertArrayEquals(ints(c.get("predict")), p.predict(x), name + " predict");
            List<String> warnings = new ArrayList<>();
            c.get("warnings").forEach(n -> warnings.add(n.asText()));
            assertEquals(warnings, p.warnings(), name + " warnings");
        }
    }

    @Test
    void partialFitAccumulatesAsScikitLearn() throws Exception {
        JsonNode f = fixtures().get("partial_fit");
        Perceptron p = new Perceptron().setParams(Map.of("random_state", 4));
        Tensor x = matrix(f.get("x"));
        int[] y = ints(f.get("y"));
        int[] classes = java.util.Arrays.stream(y).distinct().sorted().toArray();
        for (int i = 0; i < 3; i++) {
            p.partialFit(x, y, classes);
        }
        close(f.get("coef"), p.coef(), "partial_fit coef");
        assertEquals(f.get("t").asDouble(), p.t(), 0.0);
        assertEquals(f.get("n_iter").asInt(), p.nIter());
    }

    @Test
    void randomStreamsAreScikitLearns() {
        long[] s = {1};
        long[] want = {270369, 67634689, 499951813, 307599695, 251205585};
        for (long w : want) {
            assertEquals(w, PlainSgd.xorshift(s));
        }
        Rng g = new Rng(0);
        assertEquals(209652396, g.randint(0, Integer.MAX_VALUE));
        assertEquals(398764591, g.randint(0, Integer.MAX_VALUE));
        assertEquals(924231285, g.randint(0, Integer.MAX_VALUE));
    }
}
