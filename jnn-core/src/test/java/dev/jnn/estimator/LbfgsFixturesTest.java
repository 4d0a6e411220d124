package dev.jnn.estimator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jnn.tensor.Tensor;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static dev.jnn.estimator.MlpFixturesTest.doubles;
import static dev.jnn.estimator.MlpFixturesTest.ints;
import static dev.jnn.estimator.MlpFixturesTest.ints2;
import static dev.jnn.estimator.MlpFixturesTest.matrix;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * lbfgs at level D: scikit-learn 1.2.1 fits, with what scipy 1.10's L-BFGS-B returned inside them, written by
 * {@code src/test/python/lbfgs_fixtures.py}. Every fit must follow the reference's iterates to 1e-9 relative for
 * as long as two reference runs under different OpenBLAS kernels agree to 1e-11, and end with the same status and
 * warning where both runs do. Fits the reference reproduces to 1e-9 ("stable") must also give the same iteration
 * and evaluation counts, the final loss to 1e-9 relative and the same predictions.
 */
class LbfgsFixturesTest {
    @TestFactory
    Stream<DynamicTest> scipyRuns() throws IOException {
        JsonNode root;
        try (InputStream in = LbfgsFixturesTest.class.getResourceAsStream("/fixtures/lbfgs.json")) {
            root = new ObjectMapper().readTree(in);
        }
        JsonNode datasets = root.get("datasets");
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : root.get("cases")) {
            JsonNode data = datasets.get(c.get("data").asText());
            tests.add(DynamicTest.dynamicTest(c.get("name").asText(), () -> replay(c, data.get("x"), data.get("y"))));
        }
        return tests.stream();
    }

    private static void replay(JsonNode c, JsonNode xs, JsonNode y) {
        MultilayerPerceptron est = MlpFixturesTest.estimator(c);
        List<Double> iterateLosses = new ArrayList<>();
        est.setMonitor(new FitMonitor() {
            @Override
            public void onIteration(int iteration, int maxIterations, double loss, double validationScore) {
                iterateLosses.add(loss);
            }
        });
        Tensor x = Tensor.of(matrix(xs));
        boolean rows = y.get(0).isArray();
        if (est instanceof MLPClassifier clf) {
            if (rows) {
                clf.fit(x, ints2(y));
            } else {
                clf.fit(x, ints(y));
            }
        } else if (rows) {
            ((MLPRegressor) est).fit(x, matrix(y));
        } else {
            ((MLPRegressor) est).fit(x, doubles(y));
        }
        String summary = "nit/nfev " + est.nIter() + "/" + est.lbfgsEvaluations + " loss " + est.loss();
        if (c.get("status").asInt() == c.get("alt").get("status").asInt()) {
            List<String> warnings = new ArrayList<>();
            c.get("warnings").forEach(w -> warnings.add(w.asText()));
            assertEquals(warnings, est.warnings(), summary);
        }
        double[] reference = doubles(c.get("iterate_losses"));
        int agreeing = c.get("agreeing_iterates").asInt();
        for (int k = 0; k < Math.min(agreeing, reference.length); k++) {
            assertEquals(reference[k], iterateLosses.get(k), 1e-9 * Math.abs(reference[k]), "loss at iterate " + (k + 1));
        }
        if (!c.get("stable").asBoolean()) {
            return;   // past those iterates, the reference's own bits depend on the BLAS kernel
        }
        assertEquals(c.get("n_iter").asInt(), est.nIter(), "n_iter_; " + summary);
        assertEquals(c.get("nfev").asInt(), est.lbfgsEvaluations, "nfev; " + summary);
        double loss = c.get("loss").asDouble();
        assertEquals(loss, est.loss(), 1e-9 * Math.abs(loss), "loss_");
        if (est instanceof MLPClassifier clf) {
            if (rows) {
                int[][] expected = ints2(c.get("predict"));
                int[][] actual = clf.predictMultilabel(x);
                for (int i = 0; i < expected.length; i++) {
                    assertArrayEquals(expected[i], actual[i], "predict row " + i);
                }
            } else {
                assertArrayEquals(ints(c.get("predict")), clf.predict(x));
            }
            double[][] proba = matrix(c.get("predict_proba"));
            double[][] ours = clf.predictProba(x.rows(0, proba.length));
            for (int i = 0; i < proba.length; i++) {
                assertArrayEquals(proba[i], ours[i], 1e-7, "predict_proba row " + i);
            }
        } else if (rows) {
            double[][] expected = matrix(c.get("predict"));
            double[][] actual = ((MLPRegressor) est).predictOutputs(x);
            for (int i = 0; i < expected.length; i++) {
                assertArrayEquals(expected[i], actual[i], 1e-7, "predict row " + i);
            }
        } else {
            assertArrayEquals(doubles(c.get("predict")), ((MLPRegressor) est).predict(x), 1e-7, "predict");
        }
    }
}
