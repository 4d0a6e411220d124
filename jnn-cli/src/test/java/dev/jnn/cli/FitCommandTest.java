package dev.jnn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jnn.data.Datasets;
import dev.jnn.estimator.MLPClassifier;
import dev.jnn.metrics.ClassificationReport;
import dev.jnn.data.TrainTestSplit;
import dev.jnn.tensor.Rng;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FitCommandTest {
    private final CliRun cli = new CliRun();
    private final StringWriter out = cli.out;
    private final StringWriter err = cli.err;

    private int run(String... args) {
        return cli.run(args);
    }

    @Test
    void fitOnDigitsWritesReportAndPredictionsThatMatchTheApi(@TempDir Path dir) throws IOException {
        Path report = dir.resolve("r.json");
        Path preds = dir.resolve("p.csv");
        assertEquals(0, run("fit", "--quiet", "--random-state", "0", "--max-iter", "30", "--hidden-layer-sizes", "32",
                "--report", report.toString(), "--predictions", preds.toString()), err.toString());
        JsonNode r = new ObjectMapper().readTree(report.toFile());
        assertEquals(30, r.get("n_iter").asInt());
        assertEquals(30, r.get("loss_curve").size());
        assertTrue(r.get("validation_scores").isNull());
        assertEquals(30, r.get("epoch_seconds").size());
        assertEquals(450, r.get("test").get("n_samples").asInt());
        String text = r.get("test").get("classification_report").asText();
        assertTrue(out.toString().contains(text), out.toString());
        // The same run through the API: stratified 75/25 split with seed 0, then the same estimator.
        var digits = Datasets.digits();
        var split = TrainTestSplit.split(digits.train().size(), 0.25, new Rng(0), digits.train().y());
        var train = digits.train().subset(split.train());
        var test = digits.train().subset(split.test());
        MLPClassifier clf = MLPClassifier.builder().randomState(0).maxIter(30).hiddenLayerSizes(32).build()
                .fit(train.x(), train.y());
        int[] pred = clf.predict(test.x());
        assertEquals(ClassificationReport.of(test.y(), pred).text(), text);
        List<String> lines = Files.readAllLines(preds);
        assertEquals(450, lines.size());
        for (int i = 0; i < pred.length; i++) {
            assertEquals(Integer.toString(pred[i]), lines.get(i));
        }
        assertEquals(r.get("test").get("accuracy").asDouble(), clf.score(test.x(), test.y()), 0.0);
        assertTrue(r.get("test").get("confusion_matrix").size() == 10);
    }

    @Test
    void csvTrainAndTestFilesWithStringLabelsAndARegressor(@TempDir Path dir) throws IOException {
        StringBuilder csv = new StringBuilder("a,b,label\n");
        StringBuilder reg = new StringBuilder();
        Rng rng = new Rng(3);
        for (int i = 0; i < 80; i++) {
            double a = rng.uniform(-1, 1);
            double b = rng.uniform(-1, 1);
            csv.append(a).append(',').append(b).append(',').append(a + b > 0 ? "\"up, right\"" : "down").append('\n');
            reg.append(a).append(',').append(b).append(',').append(2 * a - b).append('\n');
        }
        Files.writeString(dir.resolve("train.csv"), csv);
        Files.writeString(dir.resolve("reg.csv"), reg);
        assertEquals(0, run("fit", "--quiet", "--data", dir.resolve("train.csv").toString(), "--test",
                dir.resolve("train.csv").toString(), "--solver", "lbfgs", "--random-state", "1"), err.toString());
        assertTrue(out.toString().contains("   up, right"), out.toString());
        assertTrue(out.toString().contains("accuracy"), out.toString());
        Path report = dir.resolve("reg.json");
        assertEquals(0, run("fit", "--quiet", "--regressor", "--data", dir.resolve("reg.csv").toString(), "--solver",
                "lbfgs", "--hidden-layer-sizes", "8", "--random-state", "0", "--dtype", "float32", "--scale", "standard",
                "--report", report.toString()), err.toString());
        JsonNode r = new ObjectMapper().readTree(report.toFile());
        assertTrue(r.get("test").get("r2").asDouble() > 0.95, r.toString());
        assertTrue(r.get("loss_curve").isNull());
    }

    @Test
    void helpListsEveryMlpParameter() {
        assertEquals(0, run("fit", "--help"));
        for (String option : new String[] {"--hidden-layer-sizes", "--activation", "--solver", "--alpha", "--batch-size",
            "--learning-rate", "--learning-rate-init", "--power-t", "--max-iter", "--[no-]shuffle", "--random-state",
            "--tol", "--momentum", "--[no-]nesterovs-momentum", "--[no-]early-stopping", "--validation-fraction",
            "--beta-1", "--beta-2", "--epsilon", "--n-iter-no-change", "--max-fun", "--dtype", "--scale", "--threads",
            "--quiet", "--verbose", "--report", "--predictions", "--test-size", "--split-seed", "--regressor"}) {
            assertTrue(out.toString().contains(option), option);
        }
        // each MLP option's help states the table's default; the optimizer options also the optimizers' own
        String help = out.toString().replaceAll("\\s+", " ");
        for (dev.jnn.api.ParamSpec p : dev.jnn.estimator.MLPParams.TABLE.specs()) {
            if (!MlpOptions.NOT_OPTIONS.contains(p.name())) {
                assertTrue(help.matches("(?s).*" + java.util.regex.Pattern.quote(p.doc()) + " Default: "
                        + java.util.regex.Pattern.quote(p.pythonDefault()) + "[.;].*"), p.name());
            }
        }
        assertTrue(help.contains("--momentum=X Momentum of sgd. Default: 0.9; with --model: sgd 0.0."), help);
        assertTrue(help.contains("Default: 1e-08; with --model: adam 1e-07, rmsprop 1e-07, adagrad 1e-07."), help);
        assertTrue(help.contains("Default: 0.001; with --model: the named network's recipe (jnn models), else adam"
                + " 0.001, sgd 0.01"), help);
        assertTrue(help.contains("Minibatch size; auto is min(200, n_samples). Default: auto; with --model: the named"
                + " network's recipe (jnn models), else 32."), help);
    }

    @Test
    void usageErrorsExitTwoAndDataErrorsExitOne(@TempDir Path dir) throws IOException {
        assertEquals(2, run("fit", "--alpha", "-1"));
        assertEquals("jnn: The 'alpha' parameter of MLPClassifier must be a float in the range [0, inf). Got -1.0 instead.",
                err.toString().strip());
        err.getBuffer().setLength(0);
        assertEquals(2, run("fit", "--dtype", "float16"));
        err.getBuffer().setLength(0);
        assertEquals(1, run("fit", "--data", dir.resolve("missing.csv").toString()));
        assertTrue(err.toString().startsWith("jnn: '"), err.toString());
        err.getBuffer().setLength(0);
        Files.writeString(dir.resolve("bad.csv"), "1,2,0\n3,x,1\n");
        Path report = dir.resolve("never.json");
        assertEquals(1, run("fit", "--data", dir.resolve("bad.csv").toString(), "--report", report.toString()));
        assertEquals("jnn: " + dir.resolve("bad.csv") + " line 2, column 2: not a number: 'x'", err.toString().strip());
        assertFalse(Files.exists(report));
        assertEquals(1, err.toString().strip().lines().count(), "one line, no stack trace");
    }
}
