package dev.jnn.estimator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jnn.tensor.DType;
import dev.jnn.tensor.Tensor;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.util.stream.Stream;

import static dev.jnn.estimator.MlpFixturesTest.doubles;
import static dev.jnn.estimator.MlpFixturesTest.matrix;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * float32 regression against scikit-learn 1.2.1 ({@code src/test/python/float32_fixtures.py}): a float64 or
 * integer target gives float64 deltas, gradients and moments over float32 weights; a float32 target keeps it all
 * float32. Loss curves must agree to 2e-6 relative and predictions to 1e-4, the tolerance scikit-learn's own
 * test_mlp_regressor_dtypes_casting allows between float32 and float64 fits (on the raw digits, 50 epochs of adam
 * carry the float32 products' rounding, which sums in another order than OpenBLAS, to about 1e-4).
 */
class Float32TargetsTest {
    static final double RTOL = 2e-6;
    static final double PREDICT_RTOL = 1e-4;

    @TestFactory
    Stream<DynamicTest> scikitLearnRuns() throws IOException {
        return MlpFixturesTest.perCase("/fixtures/float32.json", Float32TargetsTest::replay);
    }

    private static void replay(JsonNode c) {
        MLPRegressor est = (MLPRegressor) MlpFixturesTest.estimator(withKind(c));
        Tensor x = Tensor.of(matrix(c.get("x"))).to(DType.FLOAT32);
        JsonNode y = c.get("y");
        boolean rows = y.get(0).isArray();
        boolean narrow = c.get("y_dtype").asText().equals("float32");
        int calls = "partial".equals(c.get("extra").asText()) ? 3 : 1;
        for (int call = 0; call < calls; call++) {
            if (narrow) {
                Tensor t = rows ? Tensor.of(matrix(y)) : Tensor.wrap(doubles(y), y.size(), 1);
                est.fit(x, t.to(DType.FLOAT32));
            } else if (calls > 1) {
                est.partialFit(x, doubles(y));
            } else if (rows) {
                est.fit(x, matrix(y));
            } else {
                est.fit(x, doubles(y));
            }
        }
        assertEquals(DType.FLOAT32, est.coefs().get(0).dtype(), "coefs_ stay float32");
        assertEquals(c.get("moment_dtype").asText().equals("float64"), est.wide != null, "float64 moments");
        assertEquals(c.get("n_iter").asInt(), est.nIter(), "n_iter_");
        double[] curve = doubles(c.get("loss_curve"));
        for (int i = 0; i < curve.length; i++) {
            assertEquals(curve[i], est.lossCurve().get(i), RTOL * Math.abs(curve[i]), "loss_curve_[" + i + "]");
        }
        Tensor test = Tensor.of(matrix(c.get("x_test"))).to(DType.FLOAT32);
        double[][] expected = rows ? matrix(c.get("predict")) : null;
        double[] single = rows ? null : doubles(c.get("predict"));
        double[][] ours = est.predictOutputs(test);
        double worst = 0;
        for (int r = 0; r < ours.length; r++) {
            for (int k = 0; k < ours[r].length; k++) {
                double e = rows ? expected[r][k] : single[r];
                worst = Math.max(worst, Math.abs(ours[r][k] - e) / Math.max(Math.abs(e), 1e-3));
            }
        }
        assertEquals(0, worst, PREDICT_RTOL, "largest relative difference of the predictions");
    }

    private static JsonNode withKind(JsonNode c) {
        ((com.fasterxml.jackson.databind.node.ObjectNode) c).put("kind", "regressor");
        return c;
    }

    /** scikit-learn's test_mlp_regressor_dtypes_casting, with its tolerance: float64 and float32 fits agree. */
    @org.junit.jupiter.api.Test
    void float32AndFloat64FitsAgreeAsScikitLearnsTestRequires() throws IOException {
        JsonNode c = MlpFixturesTest.perCaseNode("/fixtures/float32.json", "dtypes_casting_int_y");
        double[][] rows = matrix(c.get("x"));
        double[] y = doubles(c.get("y"));
        Tensor test = Tensor.of(matrix(c.get("x_test")));
        MLPRegressor r64 = MLPRegressor.builder().alpha(1e-5).hiddenLayerSizes(5, 3).randomState(1).maxIter(50).build()
                .fit(Tensor.of(rows), y);
        MLPRegressor r32 = MLPRegressor.builder().alpha(1e-5).hiddenLayerSizes(5, 3).randomState(1).maxIter(50).build()
                .fit(Tensor.of(rows).to(DType.FLOAT32), y);
        double[] p64 = r64.predict(test);
        double[] p32 = r32.predict(test.to(DType.FLOAT32));
        for (int i = 0; i < p64.length; i++) {
            assertEquals(p32[i], p64[i], 1e-4 * Math.abs(p32[i]), "prediction " + i);
        }
    }

    /** The float64 moments survive a model file: a restored model's partialFit takes the same step. */
    @org.junit.jupiter.api.Test
    void float64MomentsSurviveAModelFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws IOException {
        double[][] rows = new double[30][];
        double[] y = new double[30];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new double[] {i % 5 / 5.0, i % 7 / 7.0};
            y[i] = i % 3;
        }
        Tensor x = Tensor.of(rows).to(DType.FLOAT32);
        MLPRegressor a = MLPRegressor.builder().hiddenLayerSizes(4).randomState(0).maxIter(5).build().fit(x, y);
        java.nio.file.Path file = dir.resolve("wide.safetensors");
        dev.jnn.io.ModelFiles.saveWithOptimizerState(a, file);
        MLPRegressor b = dev.jnn.io.ModelFiles.load(file, MLPRegressor.class);
        org.junit.jupiter.api.Assertions.assertNotNull(b.wide, "restored with float64 moments");
        a.partialFit(x, y);
        b.partialFit(x, y);
        org.junit.jupiter.api.Assertions.assertArrayEquals(a.coefs().get(0).toDoubleArray(),
                b.coefs().get(0).toDoubleArray(), 0.0);
    }

    /**
     * lbfgs on float32 X (the fixture's "lbfgs" cases): scikit-learn draws the weights in float32, then computes in
     * float64, because scipy returns float64 vectors that become the weights; coefs_ end float64.
     */
    @TestFactory
    Stream<DynamicTest> lbfgsOnFloat32Rows() throws IOException {
        JsonNode root;
        try (java.io.InputStream in = Float32TargetsTest.class.getResourceAsStream("/fixtures/float32.json")) {
            root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(in);
        }
        java.util.List<DynamicTest> tests = new java.util.ArrayList<>();
        for (JsonNode c : root.get("lbfgs")) {
            tests.add(DynamicTest.dynamicTest(c.get("name").asText(), () -> {
                MultilayerPerceptron est = MlpFixturesTest.estimator(c);
                Tensor x = Tensor.of(matrix(c.get("x"))).to(DType.FLOAT32);
                double[][] out;
                if (est instanceof MLPClassifier clf) {
                    clf.fit(x, MlpFixturesTest.ints(c.get("y")));
                    out = clf.predictProba(x);
                } else {
                    MLPRegressor reg = (MLPRegressor) est;
                    reg.fit(x, doubles(c.get("y")));
                    out = reg.predictOutputs(x);
                }
                assertEquals(DType.FLOAT64, est.coefs().get(0).dtype(), "coefs_ float64, as scipy leaves them");
                assertEquals(c.get("n_iter").asInt(), est.nIter(), "n_iter_");
                double loss = c.get("loss").asDouble();
                assertEquals(loss, est.loss(), 1e-9 * loss, "loss_");
                double[][] expected = matrix(c.get("outputs"));
                for (int r = 0; r < expected.length; r++) {
                    org.junit.jupiter.api.Assertions.assertArrayEquals(expected[r], out[r], 1e-9, "row " + r);
                }
            }));
        }
        return tests.stream();
    }
}
