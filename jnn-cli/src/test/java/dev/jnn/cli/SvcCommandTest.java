package dev.jnn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jnn.data.Datasets;
import dev.jnn.data.TrainTestSplit;
import dev.jnn.estimator.SVC;
import dev.jnn.selection.GridSearchCV;
import dev.jnn.selection.StratifiedKFold;
import dev.jnn.tensor.Rng;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code jnn fit --model svc} and {@code jnn search --model svc}: the same numbers as the API, and the errors. */
class SvcCommandTest {
    @Test
    void fitsAsTheApiAndReportsItsSupportVectors(@TempDir Path dir) throws Exception {
        CliRun cli = new CliRun();
        Path report = dir.resolve("svc.json");
        Path plots = dir.resolve("plots");
        assertEquals(0, cli.run("fit", "--model", "svc", "--data", "moons", "--kernel", "poly", "--C", "10",
                "--gamma", "auto", "--degree", "3", "--coef0", "1", "--no-shrinking", "--quiet", "--report",
                report.toString(), "--plots", plots.toString()), cli.err.toString());
        var moons = Datasets.byName("moons");
        var split = TrainTestSplit.split(moons.train().size(), 0.25, new Rng(0), moons.train().y());
        var train = moons.train().subset(split.train());
        var test = moons.train().subset(split.test());
        SVC svc = new SVC().setParams(Map.of("kernel", "poly", "C", 10, "gamma", "auto", "degree", 3, "coef0", 1.0,
                "shrinking", false)).fit(train.x(), train.y());
        JsonNode r = new ObjectMapper().readTree(report.toFile());
        assertEquals(svc.nSupport()[0], r.get("n_support").get(0).asInt());
        assertEquals(svc.intercept()[0], r.get("intercept").get(0).asDouble(), 0.0);
        assertEquals(svc.nIter()[0], r.get("n_iter").get(0).asInt());
        assertEquals(svc.score(test.x(), test.y()), r.get("test").get("accuracy").asDouble(), 0.0);
        assertTrue(Files.isRegularFile(plots.resolve("decision_boundary.png")));
        assertTrue(Files.isRegularFile(plots.resolve("roc_curves.png")));
    }

    @Test
    void aLinearKernelReportsItsMargin(@TempDir Path dir) throws Exception {
        CliRun cli = new CliRun();
        Path report = dir.resolve("svc.json");
        assertEquals(0, cli.run("fit", "--model", "svc", "--data", "blobs:n=60,centers=2", "--kernel", "linear",
                "--C", "1e10", "--quiet", "--report", report.toString()), cli.err.toString());
        JsonNode r = new ObjectMapper().readTree(report.toFile());
        double w0 = r.get("coef").get(0).get(0).asDouble();
        double w1 = r.get("coef").get(0).get(1).asDouble();
        assertEquals(2 / Math.hypot(w0, w1), r.get("margin").asDouble(), 1e-12);
        assertTrue(cli.out.toString().contains("Margin 2/||w||: "), cli.out.toString());
    }

    @Test
    void theCxGammaGridAsTheApiSearchesIt(@TempDir Path dir) throws Exception {
        CliRun cli = new CliRun();
        Path results = dir.resolve("cv.json");
        Path plots = dir.resolve("plots");
        assertEquals(0, cli.run("search", "--model", "svc", "--data", "moons", "--param", "C=0.1,1,10",
                "--param", "gamma=scale,0.1", "--scoring", "roc_auc", "--quiet", "--results", results.toString(),
                "--plots", plots.toString()), cli.err.toString());
        var moons = Datasets.byName("moons");
        var split = TrainTestSplit.split(moons.train().size(), 0.25, new Rng(0), moons.train().y());
        var train = moons.train().subset(split.train());
        GridSearchCV search = new GridSearchCV(new SVC(), Map.of("C", List.of("0.1", "1", "10"), "gamma",
                List.of("scale", "0.1")), GridSearchCV.Settings.DEFAULTS.withScoring("roc_auc")
                .withCv(new StratifiedKFold(5))).fit(train.x(), train.y());
        JsonNode r = new ObjectMapper().readTree(results.toFile());
        double[] got = new double[r.get("mean_test_score").size()];
        for (int i = 0; i < got.length; i++) {
            got[i] = r.get("mean_test_score").get(i).asDouble();
        }
        assertArrayEquals(search.cvResults().meanTestScore(), got, 0.0);
        assertTrue(Files.isRegularFile(plots.resolve("search_heatmap.png")));
    }

    @Test
    void optionsThatDoNotApplyAreUsageErrors() {
        CliRun cli = new CliRun();
        assertEquals(2, cli.run("fit", "--model", "svc", "--data", "moons", "--max-iter", "5"));
        assertTrue(cli.err.toString().contains("--max-iter does not apply to --model svc"), cli.err.toString());
        cli = new CliRun();
        assertEquals(2, cli.run("fit", "--data", "moons", "--kernel", "linear"));
        assertTrue(cli.err.toString().contains("--kernel does not apply to the MLP (it is an option of --model svc)"),
                cli.err.toString());
        cli = new CliRun();
        assertEquals(2, cli.run("fit", "--model", "svc", "--data", "moons", "--epochs", "3"));
        assertTrue(cli.err.toString().contains("--epochs trains a network"), cli.err.toString());
        cli = new CliRun();
        assertEquals(2, cli.run("search", "--model", "svc", "--data", "moons", "--param", "alpha=1,2"));
        assertTrue(cli.err.toString().contains("SVC has no parameter alpha"), cli.err.toString());
    }
}
