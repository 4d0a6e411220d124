package dev.jnn.preprocess;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jnn.data.Datasets;
import dev.jnn.data.Samples;
import dev.jnn.estimator.MLPClassifier;
import dev.jnn.tensor.Tensor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The transformers against scikit-learn 1.2.1 (preprocess_fixtures.py). */
class PreprocessFixturesTest {
    private static JsonNode root;
    private static Tensor x;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = PreprocessFixturesTest.class.getResourceAsStream("/fixtures/preprocess.json")) {
            root = new ObjectMapper().readTree(in);
        }
        x = Tensor.wrap(values(root.get("X")), 20, 4);
    }

    static double[] values(JsonNode a) {
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).isNull() ? Double.NaN : a.get(i).asDouble();
        }
        return out;
    }

    static double[] flat(JsonNode rows) {
        if (rows.size() == 0 || !rows.get(0).isArray()) {
            return values(rows);
        }
        return java.util.stream.StreamSupport.stream(rows.spliterator(), false)
                .flatMapToDouble(r -> java.util.Arrays.stream(values(r))).toArray();
    }

    static void close(double[] want, double[] got, double rel, String what) {
        assertEquals(want.length, got.length, what);
        for (int i = 0; i < want.length; i++) {
            if (Double.isNaN(want[i])) {
                assertTrue(Double.isNaN(got[i]), what + "[" + i + "] should be NaN");
            } else {
                assertEquals(want[i], got[i], rel * Math.max(1, Math.abs(want[i])), what + "[" + i + "]");
            }
        }
    }

    @Test
    void standardScaler() {
        JsonNode s = root.get("standard");
        StandardScaler sc = new StandardScaler().fit(x);
        close(values(s.get("mean")), sc.mean(), 1e-15, "mean");
        close(values(s.get("var")), sc.var(), 1e-13, "var");
        close(values(s.get("scale")), sc.scale(), 1e-13, "scale");
        close(values(s.get("n_samples_seen")), sc.nSamplesSeen(), 0, "n_samples_seen");
        close(values(s.get("transform")), sc.transform(x).toDoubleArray(), 1e-12, "transform");
        close(x.toDoubleArray(), sc.inverseTransform(sc.transform(x)).toDoubleArray(), 1e-12, "inverse");
        StandardScaler p = new StandardScaler();
        p.partialFit(x.rows(0, 5)).partialFit(x.rows(5, 12)).partialFit(x.rows(12, 20));
        close(values(root.get("standard_partial").get("mean")), p.mean(), 1e-14, "partial mean");
        close(values(root.get("standard_partial").get("var")), p.var(), 1e-12, "partial var");
        JsonNode w = root.get("standard_weighted");
        StandardScaler weighted = new StandardScaler().fit(x, values(w.get("w")));
        close(values(w.get("mean")), weighted.mean(), 1e-14, "weighted mean");
        close(values(w.get("var")), weighted.var(), 1e-12, "weighted var");
        close(values(w.get("n_samples_seen")), weighted.nSamplesSeen(), 1e-14, "weighted count");
        close(values(root.get("standard_no_mean")), new StandardScaler(false, true).fitTransform(x).toDoubleArray(),
                1e-12, "with_mean=False");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> sc.transform(Tensor.zeros(dev.jnn.tensor.DType.FLOAT64, 2, 3)));
        assertEquals("X has 3 features, but StandardScaler is expecting 4 features as input.", e.getMessage());
    }

    @Test
    void minMaxScaler() {
        JsonNode m = root.get("minmax");
        MinMaxScaler sc = new MinMaxScaler(-1, 2, true).fit(x.rows(0, 10));
        close(values(m.get("data_min")), sc.dataMin(), 0, "data_min");
        close(values(m.get("data_max")), sc.dataMax(), 0, "data_max");
        close(values(m.get("scale")), sc.scale(), 1e-15, "scale");
        close(values(m.get("min")), sc.min(), 1e-12, "min");
        close(values(m.get("transform")), sc.transform(x).toDoubleArray(), 1e-12, "transform");
        MinMaxScaler p = new MinMaxScaler().partialFit(x.rows(0, 7)).partialFit(x.rows(7, 20));
        close(values(root.get("minmax_partial").get("scale")), p.scale(), 1e-15, "partial scale");
        close(values(root.get("minmax_partial").get("min")), p.min(), 1e-12, "partial min");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MinMaxScaler(1, 0, false).fit(x));
        assertEquals("Minimum of desired feature range must be smaller than maximum. Got (1.0, 0.0).", e.getMessage());
    }

    @Test
    void polynomialFeatures() {
        Tensor p = Tensor.wrap(flat(root.get("poly").get("X")), 3, 3);
        for (JsonNode c : root.get("poly").get("cases")) {
            PolynomialFeatures pf = new PolynomialFeatures(c.get("degree").asInt(), c.get("interaction_only").asBoolean(),
                    c.get("include_bias").asBoolean()).fit(p);
            close(flat(c.get("out")), pf.transform(p).toDoubleArray(), 1e-15, "poly " + c);
            close(flat(c.get("powers")), java.util.Arrays.stream(pf.powers()).flatMapToInt(java.util.Arrays::stream)
                    .asDoubleStream().toArray(), 0, "powers");
            List<String> names = new java.util.ArrayList<>();
            c.get("names").forEach(n -> names.add(n.asText()));
            assertEquals(names, pf.featureNames());
        }
    }

    @Test
    void encoders() {
        JsonNode o = root.get("onehot");
        Tensor c = Tensor.wrap(flat(o.get("X")), 4, 2);
        OneHotEncoder oh = new OneHotEncoder().fit(c);
        close(flat(o.get("out")), oh.transform(c).toDoubleArray(), 0, "one-hot");
        close(flat(o.get("categories")), oh.categories().stream().flatMapToDouble(java.util.Arrays::stream).toArray(), 0,
                "categories");
        Tensor unknown = Tensor.of(new double[][]{{2, 99}, {7, 30}});
        close(flat(o.get("ignore")), new OneHotEncoder(true).fit(c).transform(unknown).toDoubleArray(), 0, "ignore");
        assertThrows(IllegalArgumentException.class, () -> oh.transform(unknown));
        JsonNode lb = root.get("label_binarizer");
        close(flat(lb.get("binary")), new LabelBinarizer().fit("no", "yes", "no").transform("no", "yes", "no")
                .toDoubleArray(), 0, "binary");
        close(flat(lb.get("multi")), new LabelBinarizer().fit(3, 1, 2, 3).transform(3, 1, 2, 3).toDoubleArray(), 0,
                "multi");
        assertArrayEquals(new float[]{0, 1, 0, 0, 0, 1}, LabelBinarizer.toCategorical(new int[]{1, 2}, 3).floatData());
        JsonNode le = root.get("label_encoder");
        LabelEncoder enc = new LabelEncoder().fit("paris", "tokyo", "amsterdam", "paris");
        assertArrayEquals(new String[]{"amsterdam", "paris", "tokyo"}, enc.classes());
        assertArrayEquals(new int[]{2, 1}, enc.transform("tokyo", "paris"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> enc.transform("rome", "oslo"));
        assertEquals(le.get("unseen").asText(), e.getMessage());
    }

    @Test
    void pcaMatchesScikitLearnOnDigits() {
        Tensor xd = Datasets.digits().train().x();
        for (JsonNode c : root.get("pca")) {
            double n = c.get("n_components").isNull() ? 0 : c.get("n_components").asDouble();
            Pca pca = new Pca(n, c.get("whiten").asBoolean()).fit(xd);
            String what = "PCA " + c.get("n_components") + " whiten " + c.get("whiten");
            assertEquals(c.get("n_components_").asInt(), pca.nComponentsFitted(), what);
            close(values(c.get("explained_variance")), pca.explainedVariance(), 1e-9, what + " variance");
            close(values(c.get("explained_variance_ratio")), pca.explainedVarianceRatio(), 1e-9, what + " ratio");
            close(values(c.get("singular_values")), pca.singularValues(), 1e-9, what + " singular values");
            assertEquals(c.get("noise_variance").asDouble(), pca.noiseVariance(), 1e-9, what);
            close(values(c.get("mean")), pca.mean(), 1e-12, what + " mean");
            double[][] comps = pca.components();
            for (int k = 0; k < 10; k++) {
                close(values(c.get("components").get(k)), comps[k], 1e-6, what + " component " + k);
            }
            double[] t = pca.transform(xd.rows(0, 5)).toDoubleArray();
            int kept = pca.nComponentsFitted();
            for (int r = 0; r < 5; r++) {
                close(values(c.get("transform").get(r)), java.util.Arrays.copyOfRange(t, r * kept, r * kept + 10), 1e-6,
                        what + " transform row " + r);
            }
            close(flat(c.get("inverse")), pca.inverseTransform(pca.transform(xd.rows(0, 5))).toDoubleArray(), 1e-6,
                    what + " inverse");
        }
    }

    @Test
    void pipelineOfScalerAndMlpMatchesScikitLearn() {
        JsonNode p = root.get("pipeline");
        Samples digits = Datasets.digits().train();
        Samples train = digits.subset(intArray(p.get("train")));
        Samples test = digits.subset(intArray(p.get("test")));
        Pipeline.OfClassifier pipe = Pipeline.of(List.of(Pipeline.step("scaler", new StandardScaler())), "mlp",
                MLPClassifier.builder().hiddenLayerSizes(16).maxIter(30).randomState(0).build());
        pipe.setParams(Map.of("mlp__alpha", 0.001, "scaler__with_std", "true"));
        assertEquals(0.001, pipe.getParams().get("mlp__alpha"));
        assertEquals(true, pipe.getParams().get("scaler__with_mean"));
        pipe.fit(train.x(), train.y());
        assertArrayEquals(intArray(p.get("predict")), pipe.predict(test.x()));
        assertEquals(p.get("score").asDouble(), pipe.score(test.x(), test.y()), 1e-12);
        Pipeline.OfClassifier copy = pipe.clone();
        assertEquals(pipe.getParams().keySet(), copy.getParams().keySet());
        assertEquals(0.001, copy.getParams().get("mlp__alpha"));
        assertThrows(IllegalStateException.class, () -> copy.predict(test.x()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> pipe.setParams(Map.of("pca__n_components", 3)));
        assertTrue(e.getMessage().contains("Invalid parameter 'pca__n_components'"), e.getMessage());
    }

    private static int[] intArray(JsonNode a) {
        int[] out = new int[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).asInt();
        }
        return out;
    }
}
