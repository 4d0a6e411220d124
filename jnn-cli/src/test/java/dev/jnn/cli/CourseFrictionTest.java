package dev.jnn.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The course's friction points: one-line usage errors, honest options, tiny data sets, quiet runs, true headers. */
class CourseFrictionTest {
    private static String[] lines(CliRun cli) {
        String e = cli.err.toString().strip();
        return e.isEmpty() ? new String[0] : e.split("\n");
    }

    @Test
    void usageErrorsAreOneLineWithAHint() {
        CliRun cli = new CliRun();
        assertEquals(2, cli.run("fit", "--bogus"));
        assertEquals(1, lines(cli).length, cli.err.toString());
        assertEquals("jnn fit: Unknown option: '--bogus' (see jnn fit --help)", lines(cli)[0]);
        cli = new CliRun();
        assertEquals(2, cli.run("fit", "--max-train", "1.5e3x"));
        assertEquals(1, lines(cli).length, cli.err.toString());
        assertEquals("jnn fit: Invalid value for option '--max-train': '1.5e3x' is not an integer (see jnn fit --help)",
                lines(cli)[0]);
        cli = new CliRun();
        assertEquals(2, cli.run("search", "--cv"));
        assertEquals(1, lines(cli).length, cli.err.toString());
        assertTrue(lines(cli)[0].endsWith("(see jnn search --help)"), lines(cli)[0]);
    }

    @Test
    void integerOptionsTakeExponentsAndUnderscores() {
        CliRun cli = new CliRun();
        assertEquals(0, cli.run("fit", "--data", "digits", "--max-train", "3e2", "--max-test", "1_00", "--max-iter",
                "2e1", "--quiet"), cli.err.toString());
        assertTrue(cli.out.toString().contains("support"), cli.out.toString());
        assertEquals(300, Main.integral("3e2"));
        assertEquals(15000, Main.integral("15_000"));
    }

    @Test
    void networkOptionsDoNotApplyToTheMlp() {
        for (String[] option : new String[][] {{"--epochs", "3"}, {"--optimizer", "sgd"}, {"--validation-split",
            "0.1"}, {"--clip-norm", "1"}, {"--loss", "mse"}, {"--lr-schedule", "cosine"}}) {
            CliRun cli = new CliRun();
            assertEquals(2, cli.run("fit", "--data", "iris", option[0], option[1]), option[0]);
            assertEquals(1, lines(cli).length, cli.err.toString());
            assertTrue(lines(cli)[0].startsWith("jnn: " + option[0] + " trains a network and goes with --model"),
                    lines(cli)[0]);
        }
    }

    @Test
    void aSetTooSmallToSplitTrainsAndTestsOnAllItsRows() {
        CliRun cli = new CliRun();
        assertEquals(0, cli.run("fit", "--data", "gate-xor", "--hidden-layer-sizes", "4", "--solver", "lbfgs",
                "--random-state", "1", "--quiet"), cli.err.toString());
        assertEquals(1, lines(cli).length, cli.err.toString());
        assertEquals("jnn: gate-xor has 4 rows, too few to split by --test-size 0.25 with every class on both sides:"
                + " training and testing on all of them", lines(cli)[0]);
        assertTrue(cli.out.toString().contains("accuracy                           1.00         4"), cli.out.toString());
    }

    @Test
    void progressIsPlainLinesOffATerminalAndQuietDropsTheWarnings() {
        CliRun cli = new CliRun();
        assertEquals(0, cli.run("fit", "--data", "digits", "--max-iter", "20"), cli.err.toString());
        assertTrue(cli.err.toString().contains("fit: iteration 2/20, loss "), cli.err.toString());
        assertFalse(cli.err.toString().contains("\r"), "no bar off a terminal");

        PrintStream keep = System.err;
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        System.setErr(new PrintStream(logged, true, StandardCharsets.UTF_8));
        try {
            java.util.logging.LogManager.getLogManager().readConfiguration();   // the console handler on this stream
            cli = new CliRun();
            assertEquals(0, cli.run("fit", "--data", "digits", "--max-iter", "3", "--quiet"), cli.err.toString());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        } finally {
            System.setErr(keep);
        }
        assertEquals("", cli.err.toString());
        assertFalse(logged.toString(StandardCharsets.UTF_8).contains("Maximum iterations"), logged.toString());
    }

    @Test
    void aSearchCountsItsConvergenceWarnings() {
        CliRun cli = new CliRun();
        assertEquals(0, cli.run("search", "--data", "iris", "--param", "alpha=0.0001,0.01", "--param", "max-iter=3",
                "--cv", "3"), cli.err.toString());
        assertTrue(cli.err.toString().contains("WARNING: ConvergenceWarning in 7 of 7 fits: Stochastic Optimizer:"
                + " Maximum iterations (3) reached and the optimization hasn't converged yet."), cli.err.toString());
        assertTrue(cli.err.toString().contains("search: 6/6 fits"), cli.err.toString());
    }

    @Test
    void headersTellTheTruth() {
        CliRun cli = new CliRun();
        assertEquals(0, cli.run("fit", "--model", "mlp-1200", "--data", "digits", "--epochs", "1",
                "--validation-split", "0.2"), cli.err.toString());
        assertTrue(cli.out.toString().contains("Training on digits: 1077 training rows, 270 validation rows, testing on"
                + " 450 rows"), cli.out.toString());
        assertTrue(cli.out.toString().matches("(?s).*Test: loss \\d\\.\\d{4}, accuracy \\d\\.\\d{4}.*"),
                cli.out.toString());
    }

    @Test
    void classNamesFromTheSetAndTheFirstRowsInFileOrder() {
        CliRun cli = new CliRun();
        assertEquals(0, cli.run("fit", "--data", "iris", "--quiet"), cli.err.toString());
        String out = cli.out.toString();
        assertTrue(out.contains("      setosa       1.00      1.00      1.00        13"), out);
        assertTrue(out.contains("labels setosa, versicolor, virginica):"), out);
        cli = new CliRun();
        assertEquals(0, cli.run("fit", "--data", "iris", "--first", "100", "--quiet"), cli.err.toString());
        assertTrue(cli.out.toString().contains("labels setosa, versicolor):"), "the first 100 rows hold two species");
        cli = new CliRun();
        assertEquals(0, cli.run("fit", "--data", "digits", "--first", "300",
                "--first-test", "40", "--test", "digits", "--max-iter", "5", "--quiet"), cli.err.toString());
        assertTrue(cli.out.toString().contains("accuracy                           ") && cli.out.toString()
                .contains("       40\n"), cli.out.toString());
    }

    @Test
    void oneClassPerFileAsLab001KeepsItsData(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path a = dir.resolve("class0.npy");
        java.nio.file.Path b = dir.resolve("class1.npz");
        double[] near = new double[40];
        double[] far = new double[60];
        for (int i = 0; i < near.length; i++) {
            near[i] = (i % 2 == 0 ? 1 : -1) * 0.1 * (i % 7);
        }
        for (int i = 0; i < far.length; i++) {
            far[i] = 5 + (i % 2 == 0 ? 1 : -1) * 0.1 * (i % 5);
        }
        dev.jnn.data.NumpyFiles.writeNpy(a, dev.jnn.tensor.Tensor.wrap(near, 20, 2));
        dev.jnn.data.NumpyFiles.writeNpz(b, java.util.Map.of("X", dev.jnn.tensor.Tensor.wrap(far, 30, 2)));
        var rows = dev.jnn.data.DataFiles.byFile(java.util.List.of(a, b), null, dev.jnn.tensor.DType.FLOAT64);
        assertEquals(50, rows.size());
        assertEquals(0, rows.y()[19]);
        assertEquals(1, rows.y()[20]);
        assertEquals(5.0, rows.x().get(20, 0));
        CliRun cli = new CliRun();
        assertEquals(0, cli.run("fit", "--data", a + "," + b, "--label-from-file", "--model", "perceptron",
                "--quiet"), cli.err.toString());
        assertTrue(cli.out.toString().contains("accuracy                           1.00        13"), cli.out.toString());
        cli = new CliRun();
        assertEquals(2, cli.run("fit", "--data", a + "," + b));
        assertTrue(cli.err.toString().contains("add --label-from-file"), cli.err.toString());
    }

    @Test
    void columnsByIndexOrHeaderName(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path csv = dir.resolve("c.csv");
        java.nio.file.Files.writeString(csv, "a,b,c,label\n1,20,3,x\n4,50,6,y\n7,80,9,x\n1,10,1,y\n");
        var cli = new CliRun();
        java.nio.file.Path report = dir.resolve("r.json");
        assertEquals(0, cli.run("fit", "--data", csv.toString(), "--test", csv.toString(), "--columns", "b", "--model",
                "perceptron", "--quiet", "--report", report.toString()), cli.err.toString());
        var r = new com.fasterxml.jackson.databind.ObjectMapper().readTree(report.toFile());
        assertEquals(1, r.get("coef").get(0).size(), "one feature kept");
        var p = new dev.jnn.estimator.Perceptron().fit(dev.jnn.tensor.Tensor.wrap(new double[] {20, 50, 80, 10}, 4, 1),
                new String[] {"x", "y", "x", "y"});
        assertEquals(p.coef()[0][0], r.get("coef").get(0).get(0).asDouble(), 0.0, "the b column, as fitted by hand");
        cli = new CliRun();
        assertEquals(0, cli.run("fit", "--data", csv.toString(), "--test", csv.toString(), "--columns", "2,0",
                "--model", "perceptron", "--quiet", "--report", report.toString()), cli.err.toString());
        var two = new dev.jnn.estimator.Perceptron().fit(dev.jnn.tensor.Tensor.wrap(new double[] {3, 1, 6, 4, 9, 7, 1, 1},
                4, 2), new String[] {"x", "y", "x", "y"});
        r = new com.fasterxml.jackson.databind.ObjectMapper().readTree(report.toFile());
        assertEquals(two.coef()[0][0], r.get("coef").get(0).get(0).asDouble(), 0.0);
        assertEquals(two.coef()[0][1], r.get("coef").get(0).get(1).asDouble(), 0.0);
        cli = new CliRun();
        assertEquals(2, cli.run("fit", "--data", csv.toString(), "--columns", "z"));
        assertTrue(cli.err.toString().contains("no feature column named 'z'; the header has [a, b, c]"),
                cli.err.toString());
    }

    @Test
    void aTestFileWithoutLabelsGetsPredictionsInsteadOfAReport(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path rows = dir.resolve("new.csv");
        java.nio.file.Files.writeString(rows, "a,b,c,d\n5.1,3.5,1.4,0.2\n6.7,3.0,5.2,2.3\n5.9,3.0,4.2,1.5\n");
        java.nio.file.Path out = dir.resolve("pred.csv");
        CliRun cli = new CliRun();
        assertEquals(0, cli.run("fit", "--data", "iris", "--test", rows.toString(), "--hidden-layer-sizes", "8",
                "--max-iter", "50", "--random-state", "0", "--quiet", "--proba", "--predictions", out.toString()),
                cli.err.toString());
        assertTrue(cli.err.toString().contains("has no labels: training on all of --data"), cli.err.toString());
        assertFalse(cli.out.toString().contains("precision"), "no report");
        var iris = dev.jnn.data.Datasets.byName("iris").train();
        var mlp = new dev.jnn.estimator.MLPClassifier();
        mlp.setParams(java.util.Map.of("hidden_layer_sizes", "8", "max_iter", 50, "random_state", 0));
        mlp.fit(iris.x(), iris.y());
        var x = dev.jnn.tensor.Tensor.wrap(new double[] {5.1, 3.5, 1.4, 0.2, 6.7, 3.0, 5.2, 2.3, 5.9, 3.0, 4.2, 1.5}, 3, 4);
        double[][] p = mlp.predictProba(x);
        java.util.List<String> lines = java.nio.file.Files.readAllLines(out);
        assertEquals("label,proba_0,proba_1,proba_2", lines.get(0));
        for (int r = 0; r < 3; r++) {
            String[] cells = lines.get(r + 1).split(",");
            assertEquals(String.valueOf(mlp.predict(x)[r]), cells[0]);
            assertEquals(p[r][1], Double.parseDouble(cells[2]), 0.0);
        }
        cli = new CliRun();
        assertEquals(0, cli.run("fit", "--data", "iris", "--test", rows.toString(), "--model", "svc", "--quiet"),
                cli.err.toString());
        var svc = new dev.jnn.estimator.SVC().fit(iris.x(), iris.y());
        assertTrue(cli.out.toString().endsWith("label\n" + java.util.Arrays.stream(svc.predict(x))
                .mapToObj(Integer::toString).collect(java.util.stream.Collectors.joining("\n")) + "\n"),
                cli.out.toString());
        cli = new CliRun();
        assertEquals(2, cli.run("fit", "--data", "iris", "--test", rows.toString(), "--model", "perceptron", "--proba"));
        assertTrue(cli.err.toString().contains("--proba: this model has no probabilities"), cli.err.toString());
        cli = new CliRun();
        assertEquals(2, cli.run("fit", "--data", "iris", "--proba"));
        assertTrue(cli.err.toString().contains("--proba goes with a --test file without labels"), cli.err.toString());
        cli = new CliRun();
        assertEquals(2, cli.run("search", "--data", "iris", "--test", rows.toString(), "--param", "alpha=1,2"));
        assertTrue(cli.err.toString().contains("jnn search needs a labelled test set"), cli.err.toString());
    }

    @Test
    void hostileInputIsOneLine(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        CliRun cli = new CliRun();
        assertEquals(1, cli.run("fit", "--model", "mlp-1200", "--data", "digits", "--optimizer", "sgd",
                "--learning-rate-init", "1000", "--epochs", "2", "--quiet"));
        assertEquals(1, lines(cli).length, cli.err.toString());
        assertTrue(lines(cli)[0].contains("the fit diverged; lower the learning rate"), cli.err.toString());
        java.nio.file.Path deep = dir.resolve("deep.json");
        java.nio.file.Files.writeString(deep, "[".repeat(2000));
        cli = new CliRun();
        assertEquals(2, cli.run("fit", "--model", deep.toString(), "--data", "digits"));
        assertTrue(lines(cli)[0].contains("Document nesting depth (65) exceeds the maximum allowed (64"), lines(cli)[0]);
        cli = new CliRun();
        assertEquals(2, cli.run("fit", "--data", "iris", "--hidden-layer-sizes", "10,,5"));
        assertTrue(lines(cli)[0].contains("has an empty entry"), lines(cli)[0]);
        cli = new CliRun();
        assertEquals(2, cli.run("search", "--data", "iris", "--scoring", "r2", "--param", "alpha=1,2", "--quiet"));
        assertEquals("jnn: scoring 'r2' scores a regressor; MLPClassifier is a classifier", lines(cli)[0]);
    }

    @Test
    void outputsAndInputsAreCheckedBeforeTraining() {
        CliRun cli = new CliRun();
        assertEquals(2, cli.run("fit", "--data", "iris", "--report", "/nonexistent/dir/r.json"));
        assertEquals("jnn: --report /nonexistent/dir/r.json: directory /nonexistent/dir does not exist", lines(cli)[0]);
        assertEquals("", cli.out.toString(), "no training ran");
        cli = new CliRun();
        assertEquals(1, cli.run("fit", "--data", "digits", "--predict-image", "/nonexistent/digit.png"));
        assertEquals("jnn: --predict-image /nonexistent/digit.png: no such readable file", lines(cli)[0]);
        assertEquals("", cli.out.toString(), "no training ran");
        cli = new CliRun();
        assertEquals(2, cli.run("search", "--data", "iris", "--param", "alpha=1,2", "--results", "/nope/x.csv"));
        assertEquals("jnn: --results /nope/x.csv: directory /nope does not exist", lines(cli)[0]);
    }

    @Test
    void predictionsQuoteLabelsAsRfc4180Does() {
        assertEquals("\"x, y\"", PredictionsCsv.field("x, y"));
        assertEquals("\"say \"\"hi\"\"\"", PredictionsCsv.field("say \"hi\""));
        assertEquals("plain", PredictionsCsv.field("plain"));
    }
}
