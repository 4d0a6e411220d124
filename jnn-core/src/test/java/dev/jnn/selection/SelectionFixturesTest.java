package dev.jnn.selection;

import dev.jnn.data.TrainTestSplit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jnn.data.Datasets;
import dev.jnn.data.Samples;
import dev.jnn.estimator.MLPClassifier;
import dev.jnn.metrics.Average;
import dev.jnn.metrics.Metrics;
import dev.jnn.metrics.RocAuc;
import dev.jnn.metrics.ZeroDivision;
import dev.jnn.tensor.Tensor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Splitters, metrics and grid search against scikit-learn 1.2.1 (selection_fixtures.py). */
class SelectionFixturesTest {
    private static JsonNode root;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = SelectionFixturesTest.class.getResourceAsStream("/fixtures/selection.json")) {
            root = new ObjectMapper().readTree(in);
        }
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

    static double[][] matrix(JsonNode a) {
        double[][] out = new double[a.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = doubles(a.get(i));
        }
        return out;
    }

    @Test
    void splittersGiveScikitLearnsIndices() {
        for (JsonNode c : root.get("splitters")) {
            Long seed = c.get("seed").isNull() ? null : c.get("seed").asLong();
            int k = c.get("k").asInt();
            int[] y = c.has("y") ? ints(c.get("y")) : null;
            int n = y != null ? y.length : c.get("n").asInt();
            Double test = c.has("test") ? c.get("test").asDouble() : null;
            Double train = c.has("train") && !c.get("train").isNull() ? c.get("train").asDouble() : null;
            CrossValidator cv = switch (c.get("kind").asText()) {
                case "kfold" -> new KFold(k, c.get("shuffle").asBoolean(), seed);
                case "stratified_kfold" -> new StratifiedKFold(k, c.get("shuffle").asBoolean(), seed);
                case "shuffle_split" -> ShuffleSplit.of(k, test, train, seed);
                default -> new ShuffleSplit(k, test, train, seed, true);
            };
            List<TrainTestSplit.Split> got = cv.split(n, y);
            assertEquals(c.get("splits").size(), got.size(), c.toString());
            for (int s = 0; s < got.size(); s++) {
                assertArrayEquals(ints(c.get("splits").get(s).get("train")), got.get(s).train(), c.get("kind") + " " + s);
                assertArrayEquals(ints(c.get("splits").get(s).get("test")), got.get(s).test(), c.get("kind") + " " + s);
            }
        }
    }

    @Test
    void parameterGridOrder() {
        List<Map<String, Object>> got = ParameterGrid.of(List.of(Map.of("b", List.of(1, 2), "a", List.of("x", "y")),
                Map.of("c", List.of(0.5))));
        List<String> want = new ArrayList<>();
        root.get("grid").forEach(g -> want.add(g.toString()));
        List<String> have = new ArrayList<>();
        for (Map<String, Object> m : got) {
            have.add(new ObjectMapper().valueToTree(m).toString());
        }
        assertEquals(want, have);
    }

    @Test
    void metricsMatchScikitLearn() {
        JsonNode m = root.get("metrics");
        int[] yt = ints(m.get("y_true"));
        int[] yp = ints(m.get("y_pred"));
        double[] w = doubles(m.get("w"));
        for (JsonNode c : m.get("prfs")) {
            Average avg = c.get("average").isNull() ? Average.NONE : Average.valueOf(c.get("average").asText().toUpperCase());
            ZeroDivision zd = switch (c.get("zero_division").asText()) {
                case "warn" -> ZeroDivision.WARN;
                case "0" -> ZeroDivision.ZERO;
                default -> ZeroDivision.ONE;
            };
            Metrics.Prfs r = Metrics.precisionRecallFscoreSupport(yt, yp, c.get("beta").asDouble(), avg, zd,
                    c.get("weighted").asBoolean() ? w : null);
            String what = c.toString();
            assertArrayEquals(doubles(c.get("p")), r.precision(), 1e-12, what);
            assertArrayEquals(doubles(c.get("r")), r.recall(), 1e-12, what);
            assertArrayEquals(doubles(c.get("f")), r.fScore(), 1e-12, what);
            if (!c.get("s").isNull()) {
                assertArrayEquals(doubles(c.get("s")), r.support(), 1e-12, what);
            }
        }
        assertEquals(m.get("accuracy").asDouble(), Metrics.accuracy(yt, yp, null), 1e-15);
        assertEquals(m.get("accuracy_w").asDouble(), Metrics.accuracy(yt, yp, w), 1e-14);
        assertEquals(m.get("balanced").asDouble(), Metrics.balancedAccuracy(yt, yp, false), 1e-14);
        assertEquals(m.get("balanced_adjusted").asDouble(), Metrics.balancedAccuracy(yt, yp, true), 1e-14);
        double[][] proba = matrix(m.get("proba"));
        assertEquals(m.get("log_loss").asDouble(), Metrics.logLoss(yt, proba), 1e-13);
        assertEquals(m.get("roc_auc_ovr").asDouble(), RocAuc.ovr(yt, proba, false), 1e-13);
        assertEquals(m.get("roc_auc_ovr_weighted").asDouble(), RocAuc.ovr(yt, proba, true), 1e-13);
        int[] bt = ints(m.get("binary_true"));
        boolean[] pos = new boolean[bt.length];
        for (int i = 0; i < bt.length; i++) {
            pos[i] = bt[i] == 1;
        }
        assertEquals(m.get("roc_auc_binary").asDouble(), RocAuc.binary(pos, doubles(m.get("binary_score"))), 1e-13);
        JsonNode st = root.get("strings");
        String[] ts = new ObjectMapper().convertValue(st.get("y_true"), String[].class);
        String[] ps = new ObjectMapper().convertValue(st.get("y_pred"), String[].class);
        Metrics.Prfs sr = Metrics.precisionRecallFscoreSupport(ts, ps, 1, Average.NONE, ZeroDivision.ZERO, null);
        assertArrayEquals(doubles(st.get("p")), sr.precision(), 1e-12);
        assertArrayEquals(doubles(st.get("f")), sr.fScore(), 1e-12);
        assertArrayEquals(doubles(st.get("s")), sr.support(), 0);
        assertEquals(st.get("accuracy").asDouble(), Metrics.accuracy(ts, ps, null), 1e-15);
        JsonNode ml = root.get("multilabel");
        int[][] mt = new ObjectMapper().convertValue(ml.get("y_true"), int[][].class);
        int[][] mp = new ObjectMapper().convertValue(ml.get("y_pred"), int[][].class);
        for (JsonNode c : ml.get("cases")) {
            Average avg = c.get("average").isNull() ? Average.NONE : Average.valueOf(c.get("average").asText().toUpperCase());
            Metrics.Prfs r = Metrics.precisionRecallFscoreSupport(mt, mp, 1, avg, ZeroDivision.ONE,
                    c.get("weighted").asBoolean() ? doubles(ml.get("w")) : null);
            assertArrayEquals(doubles(c.get("p")), r.precision(), 1e-12, c.toString());
            assertArrayEquals(doubles(c.get("r")), r.recall(), 1e-12, c.toString());
            assertArrayEquals(doubles(c.get("f")), r.fScore(), 1e-12, c.toString());
        }
        JsonNode more = root.get("auc_more");
        double[][] prob = matrix(m.get("proba"));
        assertEquals(more.get("ovo").asDouble(), RocAuc.ovo(yt, prob, false), 1e-13);
        assertEquals(more.get("ovo_weighted").asDouble(), RocAuc.ovo(yt, prob, true), 1e-13);
        double[][] mls = matrix(more.get("ml_score"));
        assertEquals(more.get("ml_macro").asDouble(), RocAuc.multilabel(mt, mls, Average.MACRO), 1e-13);
        assertEquals(more.get("ml_micro").asDouble(), RocAuc.multilabel(mt, mls, Average.MICRO), 1e-13);
        assertEquals(more.get("ml_weighted").asDouble(), RocAuc.multilabel(mt, mls, Average.WEIGHTED), 1e-13);
        JsonNode roc = root.get("roc");
        int[] ry = ints(roc.get("y"));
        boolean[] rpos = new boolean[ry.length];
        for (int i = 0; i < ry.length; i++) {
            rpos[i] = ry[i] == 1;
        }
        for (JsonNode c : roc.get("curves")) {
            RocAuc.Curve curve = RocAuc.curve(rpos, doubles(roc.get("score")), c.get("drop").asBoolean());
            assertArrayEquals(doubles(c.get("fpr")), curve.fpr(), 1e-15, "fpr " + c.get("drop"));
            assertArrayEquals(doubles(c.get("tpr")), curve.tpr(), 1e-15, "tpr " + c.get("drop"));
            assertArrayEquals(doubles(c.get("thr")), curve.thresholds(), 1e-15, "thresholds " + c.get("drop"));
            assertEquals(c.get("auc").asDouble(), RocAuc.auc(curve.fpr(), curve.tpr()), 1e-15);
        }
        double[] rt = doubles(m.get("reg_true"));
        double[] rp = doubles(m.get("reg_pred"));
        assertEquals(m.get("r2").asDouble(), Metrics.r2(rt, rp), 1e-13);
        assertEquals(m.get("mse").asDouble(), Metrics.meanSquaredError(rt, rp), 1e-13);
        assertEquals(m.get("mae").asDouble(), Metrics.meanAbsoluteError(rt, rp), 1e-13);
    }

    @Test
    void gridSearchMatchesScikitLearnAtAnyJobCount(@TempDir Path dir) throws IOException {
        JsonNode s = root.get("search");
        Samples digits = Datasets.digits().train();
        int[] first = java.util.stream.IntStream.range(0, 300).toArray();
        Samples part = digits.subset(first);
        Tensor x = part.x().copy();
        for (int i = 0; i < x.size(); i++) {
            x.doubleData()[i] /= 16.0;
        }
        int[] y = part.y();
        Map<String, List<?>> grid = Map.of("alpha", List.of(1e-4, 1e-2), "hidden_layer_sizes", List.of("8", "16"));
        GridSearchCV.Settings settings = GridSearchCV.Settings.DEFAULTS.withScoring("accuracy").withCv(new StratifiedKFold(3));
        GridSearchCV one = new GridSearchCV(MLPClassifier.builder().maxIter(20).randomState(0).build(), grid, settings)
                .fit(x, y);
        GridSearchCV two = new GridSearchCV(MLPClassifier.builder().maxIter(20).randomState(0).build(), grid,
                settings.withNJobs(2)).fit(x, y);
        List<String> keys = new ArrayList<>();
        s.get("keys").forEach(k -> keys.add(k.asText()));
        assertEquals(keys, new ArrayList<>(one.cvResults().asMap().keySet()));
        assertArrayEquals(doubles(s.get("mean_test_score")), one.cvResults().meanTestScore(), 1e-12);
        assertArrayEquals(one.cvResults().meanTestScore(), two.cvResults().meanTestScore(), 0.0);
        assertArrayEquals(doubles(s.get("std_test_score")), one.cvResults().get("std_test_score").stream()
                .mapToDouble(o -> (Double) o).toArray(), 1e-12);
        assertArrayEquals(ints(s.get("rank_test_score")), one.cvResults().rankTestScore());
        assertEquals(s.get("best_index").asInt(), one.bestIndex());
        assertEquals(s.get("best_score").asDouble(), one.bestScore(), 1e-12);
        assertEquals(s.get("refit_score").asDouble(), one.score(x, y), 1e-12);
        Path csv = dir.resolve("r.csv");
        Path json = dir.resolve("r.json");
        one.cvResults().writeCsv(csv);
        one.cvResults().writeJson(json);
        assertTrue(Files.readAllLines(csv).get(0).startsWith("mean_fit_time,std_fit_time,mean_score_time"));
        assertEquals(5, Files.readAllLines(csv).size());
        assertEquals(4, new ObjectMapper().readTree(json.toFile()).get("mean_test_score").size());
        JsonNode mm = root.get("multimetric");
        GridSearchCV multi = new GridSearchCV(MLPClassifier.builder().maxIter(10).randomState(0).build(),
                Map.of("alpha", List.of(1e-4, 1e-1)), GridSearchCV.Settings.DEFAULTS.withScoring("accuracy,f1_macro")
                .withCv(new StratifiedKFold(3)).withReturnTrainScore(true)).fit(x, y);
        List<String> mkeys = new ArrayList<>();
        mm.get("keys").forEach(k -> mkeys.add(k.asText()));
        assertEquals(mkeys, new ArrayList<>(multi.cvResults().asMap().keySet()));
        assertArrayEquals(doubles(mm.get("mean_test_f1_macro")), multi.cvResults().get("mean_test_f1_macro").stream()
                .mapToDouble(o -> (Double) o).toArray(), 1e-12);
        assertArrayEquals(doubles(mm.get("mean_train_accuracy")), multi.cvResults().get("mean_train_accuracy").stream()
                .mapToDouble(o -> (Double) o).toArray(), 1e-12);
        assertEquals(mm.get("best_index").asInt(), multi.bestIndex());
        double[] f1 = new double[3];
        List<TrainTestSplit.Split> folds = new StratifiedKFold(3).split(300, y);
        for (int k = 0; k < 3; k++) {
            MLPClassifier clf = MLPClassifier.builder().maxIter(20).randomState(0).hiddenLayerSizes(8).build();
            clf.fit(x.takeRows(folds.get(k).train()), pick(y, folds.get(k).train()));
            f1[k] = Scoring.byName("f1_macro").score(clf, x.takeRows(folds.get(k).test()),
                    pick(y, folds.get(k).test()));
        }
        assertArrayEquals(doubles(s.get("f1_macro_cv")), f1, 1e-12);
        double[] viaApi = CrossValidation.crossValScore(MLPClassifier.builder().maxIter(20).randomState(0)
                .hiddenLayerSizes(8).build(), x, y, new StratifiedKFold(3), "f1_macro");
        assertArrayEquals(doubles(s.get("f1_macro_cv")), viaApi, 1e-12);
        Map<String, double[]> cv = CrossValidation.crossValidate(MLPClassifier.builder().maxIter(5).randomState(0)
                .build(), x, y, null, null, true);
        assertEquals(List.of("fit_time", "score_time", "test_score", "train_score"), List.copyOf(cv.keySet()));
        assertEquals(5, cv.get("test_score").length);
    }

    private static int[] pick(int[] y, int[] idx) {
        return java.util.Arrays.stream(idx).map(i -> y[i]).toArray();
    }
}
