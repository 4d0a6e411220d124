package dev.jnn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jnn.data.Datasets;
import dev.jnn.data.TrainTestSplit;
import dev.jnn.estimator.Perceptron;
import dev.jnn.tensor.Rng;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code jnn fit --model perceptron}: the estimator's options, report and figures, and the lecture's rule. */
class PerceptronCommandTest {
    @Test
    void fitsAsTheApiAndReportsItsEpochs(@TempDir Path dir) throws Exception {
        CliRun cli = new CliRun();
        Path report = dir.resolve("p.json");
        assertEquals(0, cli.run("fit", "--model", "perceptron", "--data", "iris", "--penalty", "l2", "--alpha",
                "0.001", "--eta0", "0.5", "--random-state", "3", "--quiet", "--report", report.toString()),
                cli.err.toString());
        var iris = Datasets.byName("iris");
        var split = TrainTestSplit.split(iris.train().size(), 0.25, new Rng(0), iris.train().y());
        var train = iris.train().subset(split.train());
        var test = iris.train().subset(split.test());
        Perceptron p = new Perceptron().setParams(Map.of("penalty", "l2", "alpha", 0.001, "eta0", 0.5,
                "random_state", 3));
        p.fit(train.x(), train.y());
        JsonNode r = new ObjectMapper().readTree(report.toFile());
        assertEquals(p.nIter(), r.get("n_iter").asInt());
        assertEquals(p.coef()[0][0], r.get("coef").get(0).get(0).asDouble(), 0.0);
        assertEquals(p.score(test.x(), test.y()), r.get("test").get("accuracy").asDouble(), 0.0);
    }

    @Test
    void theTextbookRuleAndItsEpochFigures(@TempDir Path dir) throws Exception {
        CliRun cli = new CliRun();
        assertEquals(0, cli.run("fit", "--model", "perceptron", "--textbook", "--data", "gate-and", "--test",
                "gate-and", "--quiet"), cli.err.toString());
        assertTrue(cli.out.toString().contains("separated after 10 updates in 6 passes; weights (bias first)"
                + " [-2.0, 2.0, 1.0]"), cli.out.toString());
        Path plots = dir.resolve("plots");
        cli = new CliRun();
        assertEquals(0, cli.run("fit", "--model", "perceptron", "--data", "blobs:n=120,centers=2", "--quiet",
                "--plots", plots.toString()), cli.err.toString());
        assertTrue(Files.isRegularFile(plots.resolve("perceptron_epochs.png")));
        assertTrue(Files.isRegularFile(plots.resolve("decision_boundary.png")));
    }

    @Test
    void optionsOfTheOtherEstimatorAreUsageErrors() {
        CliRun cli = new CliRun();
        assertEquals(2, cli.run("fit", "--data", "iris", "--penalty", "l1"));
        assertTrue(cli.err.toString().contains("--penalty does not apply to the MLP"), cli.err.toString());
        cli = new CliRun();
        assertEquals(2, cli.run("fit", "--model", "perceptron", "--data", "iris", "--hidden-layer-sizes", "5"));
        assertTrue(cli.err.toString().contains("--hidden-layer-sizes does not apply to --model perceptron"),
                cli.err.toString());
        cli = new CliRun();
        assertEquals(2, cli.run("fit", "--model", "perceptron", "--data", "iris", "--l1-ratio", "2"));
        assertTrue(cli.err.toString().contains("The 'l1_ratio' parameter of Perceptron must be a float in the range"
                + " [0, 1]. Got 2.0 instead."), cli.err.toString());
    }
}
