package dev.jnn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jnn.estimator.MLPClassifier;
import dev.jnn.io.ModelFiles;
import dev.jnn.model.Sequential;
import dev.jnn.tensor.DType;
import dev.jnn.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code jnn fit --save}, then {@code predict}, {@code evaluate} and {@code info} on the saved file. */
class ModelFileCommandsTest {
    @Test
    void savedMlpPredictsEvaluatesAndDescribesItself(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("iris.safetensors");
        CliRun cli = new CliRun();
        assertEquals(0, cli.run("fit", "--data", "iris", "--hidden-layer-sizes", "6", "--max-iter", "80",
                "--random-state", "0", "--quiet", "--save", model.toString(), "--report",
                dir.resolve("fit.json").toString()), cli.err.toString());
        Path rows = dir.resolve("rows.csv");
        Files.writeString(rows, "sepal_length,sepal_width,petal_length,petal_width\n5.1,3.5,1.4,0.2\n6.7,3.0,5.2,2.3\n"
                + "5.9,3.0,4.2,1.5\n");
        Path out = dir.resolve("pred.csv");
        cli = new CliRun();
        assertEquals(0, cli.run("predict", "--model", model.toString(), "--input", rows.toString(), "--proba",
                "--output", out.toString()), cli.err.toString());
        List<String> lines = Files.readAllLines(out);
        assertEquals("label,proba_0,proba_1,proba_2", lines.get(0));
        MLPClassifier clf = ModelFiles.load(model, MLPClassifier.class);
        double[][] x = {{5.1, 3.5, 1.4, 0.2}, {6.7, 3.0, 5.2, 2.3}, {5.9, 3.0, 4.2, 1.5}};
        double[][] p = clf.predictProba(x);
        for (int r = 0; r < 3; r++) {
            String[] cells = lines.get(r + 1).split(",");
            assertEquals(clf.predictNames(Tensor.wrap(x[r], 1, 4))[0], cells[0]);
            for (int k = 0; k < 3; k++) {
                assertEquals(p[r][k], Double.parseDouble(cells[k + 1]), 0.0, "row " + r + " class " + k);
            }
        }

        cli = new CliRun();
        assertEquals(0, cli.run("evaluate", "--model", model.toString(), "--data", "iris", "--report",
                dir.resolve("eval.json").toString()), cli.err.toString());
        ObjectMapper json = new ObjectMapper();
        double fitAccuracy = json.readTree(dir.resolve("fit.json").toFile()).get("test").get("accuracy").asDouble();
        JsonNode eval = json.readTree(dir.resolve("eval.json").toFile());
        assertEquals(fitAccuracy, eval.get("test").get("accuracy").asDouble(), 0.0, "the same test rows, the same model");
        assertTrue(cli.out.toString().contains("Confusion matrix"), cli.out.toString());

        cli = new CliRun();
        assertEquals(0, cli.run("info", "--model", model.toString(), "--json"), cli.err.toString());
        JsonNode info = json.readTree(cli.out.toString());
        assertEquals("MLPClassifier", info.get("kind").asText());
        assertEquals(4, info.get("features").asInt());
        assertEquals("[\"0\",\"1\",\"2\"]", info.get("classes").toString());

        Path onnx = dir.resolve("iris.onnx");
        cli = new CliRun();
        assertEquals(0, cli.run("export", "--model", model.toString(), "--onnx", onnx.toString()), cli.err.toString());
        byte[] written = Files.readAllBytes(onnx);
        assertEquals(java.util.Arrays.toString(ModelFiles.onnx(clf, null)), java.util.Arrays.toString(written),
                "the command writes what ModelFiles.onnx makes (OnnxExportTest runs it in ONNX Runtime)");
    }

    @Test
    void theFittedFeatureTransformsAreSavedWithTheMlp(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("pipe.safetensors");
        CliRun cli = new CliRun();
        assertEquals(0, cli.run("fit", "--data", "iris", "--functions", "square", "--poly", "2", "--scale", "standard",
                "--pca", "3", "--max-iter", "50", "--random-state", "0", "--quiet", "--save", model.toString(),
                "--predictions", dir.resolve("fit-pred.csv").toString()), cli.err.toString());
        var pipe = ModelFiles.load(model, dev.jnn.preprocess.Pipeline.OfClassifier.class);
        assertEquals(4, pipe.steps().size());
        Path rows = dir.resolve("rows.csv");
        Files.writeString(rows, "5.1,3.5,1.4,0.2\n6.7,3.0,5.2,2.3\n");
        cli = new CliRun();
        assertEquals(0, cli.run("predict", "--model", model.toString(), "--input", rows.toString(), "--proba"),
                cli.err.toString());
        String[] lines = cli.out.toString().strip().split("\n");
        double[][] p = pipe.predictProba(Tensor.wrap(new double[] {5.1, 3.5, 1.4, 0.2, 6.7, 3.0, 5.2, 2.3}, 2, 4));
        for (int r = 0; r < 2; r++) {
            String[] cells = lines[r + 1].split(",");
            for (int k = 0; k < 3; k++) {
                assertEquals(p[r][k], Double.parseDouble(cells[k + 1]), 0.0);
            }
        }
        cli = new CliRun();
        assertEquals(0, cli.run("evaluate", "--model", model.toString(), "--data", "iris"), cli.err.toString());
        assertTrue(cli.out.toString().contains("Pipeline of MLPClassifier"), cli.out.toString());
    }

    @Test
    void optimizerStateAndCheckpointsAndPictures(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("adam.safetensors");
        CliRun cli = new CliRun();
        assertEquals(0, cli.run("fit", "--data", "iris", "--max-iter", "5", "--random-state", "0", "--quiet", "--save",
                model.toString(), "--save-optimizer-state"), cli.err.toString());
        assertTrue(ModelFiles.metadata(model).containsKey("optimizer"));
        cli = new CliRun();
        assertEquals(2, cli.run("fit", "--data", "iris", "--save-optimizer-state"));

        Path layers = dir.resolve("net.json");
        Files.writeString(layers, "{\"layers\": [{\"type\": \"Dense\", \"units\": 4, \"activation\": \"relu\"},"
                + " {\"type\": \"Dense\", \"units\": 3, \"activation\": \"softmax\"}]}");
        Path checkpoints = dir.resolve("ck");
        cli = new CliRun();
        assertEquals(0, cli.run("fit", "--model", layers.toString(), "--data", "iris", "--epochs", "3", "--quiet",
                "--checkpoint", checkpoints.toString()), cli.err.toString());
        for (int e = 1; e <= 3; e++) {
            assertTrue(Files.isRegularFile(checkpoints.resolve("epoch-" + e + ".safetensors")));
        }
        cli = new CliRun();
        assertEquals(0, cli.run("fit", "--model", layers.toString(), "--data", "iris", "--epochs", "3", "--quiet",
                "--validation-split", "0.2", "--checkpoint", dir.resolve("best").toString()), cli.err.toString());
        assertTrue(Files.isRegularFile(dir.resolve("best").resolve("best.safetensors")));

        // a 784-feature model reads a picture of a digit as --predict-image prepares it
        Path pixels = dir.resolve("pixels.csv");
        StringBuilder csv = new StringBuilder();
        for (int r = 0; r < 20; r++) {
            for (int p = 0; p < 784; p++) {
                csv.append(((p + r) % 7 == 0) == (r % 2 == 0) ? "1," : "0,");
            }
            csv.append(r % 2).append('\n');
        }
        Files.writeString(pixels, csv);
        Path mnistLike = dir.resolve("mnist-like.safetensors");
        cli = new CliRun();
        assertEquals(0, cli.run("fit", "--data", pixels.toString(), "--max-iter", "3", "--random-state", "0", "--quiet",
                "--save", mnistLike.toString()), cli.err.toString());
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(40, 40, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = img.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, 40, 40);
        g.setColor(java.awt.Color.BLACK);
        g.fillRect(17, 8, 6, 24);
        g.dispose();
        Path png = dir.resolve("one.png");
        javax.imageio.ImageIO.write(img, "png", png.toFile());
        cli = new CliRun();
        assertEquals(0, cli.run("predict", "--model", mnistLike.toString(), "--input", png.toString(), "--proba"),
                cli.err.toString());
        MLPClassifier clf = ModelFiles.load(mnistLike, MLPClassifier.class);
        Tensor digit = dev.jnn.data.ImageFiles.readDigit(png, true, DType.FLOAT64);
        String[] line = cli.out.toString().strip().split("\n")[1].split(",");
        assertEquals(clf.predictNames(digit)[0], line[0]);
        assertEquals(clf.predictProba(digit)[0][1], Double.parseDouble(line[2]), 0.0);
    }

    @Test
    void savedNetworkPredictsItsClassNames(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("net.safetensors");
        Path layers = dir.resolve("net.json");
        Files.writeString(layers, "{\"layers\": [{\"type\": \"Dense\", \"units\": 8, \"activation\": \"relu\"},"
                + " {\"type\": \"Dense\", \"units\": 3, \"activation\": \"softmax\"}]}");
        CliRun cli = new CliRun();
        assertEquals(0, cli.run("fit", "--model", layers.toString(), "--data",
                "iris", "--epochs", "1", "--quiet", "--save", model.toString()), cli.err.toString());
        Sequential net = ModelFiles.load(model, Sequential.class);
        Path rows = dir.resolve("rows.csv");
        Files.writeString(rows, "5.1,3.5,1.4,0.2,0\n6.7,3.0,5.2,2.3,2\n");    // a label column follows: ignored
        cli = new CliRun();
        assertEquals(0, cli.run("predict", "--model", model.toString(), "--input", rows.toString()), cli.err.toString());
        String[] lines = cli.out.toString().strip().split("\n");
        int[] want = net.predictClasses(Tensor.wrap(new double[] {5.1, 3.5, 1.4, 0.2, 6.7, 3.0, 5.2, 2.3}, 2, 4)
                .to(DType.FLOAT32));
        assertEquals("label", lines[0]);
        assertEquals(String.valueOf(want[0]), lines[1]);
        assertEquals(String.valueOf(want[1]), lines[2]);
    }

    @Test
    void errorsNameTheFileAndTheFault(@TempDir Path dir) throws Exception {
        CliRun cli = new CliRun();
        assertEquals(1, cli.run("predict", "--model", dir.resolve("none.safetensors").toString(), "--input", "x.csv"));
        assertTrue(cli.err.toString().contains("none.safetensors: no such file"), cli.err.toString());
        Path junk = dir.resolve("junk.safetensors");
        Files.writeString(junk, "not a model");
        cli = new CliRun();
        assertEquals(1, cli.run("info", "--model", junk.toString()));
        assertTrue(cli.err.toString().startsWith("jnn: " + junk + ": header length"), cli.err.toString());
        cli = new CliRun();
        assertEquals(2, cli.run("fit", "--data", "iris", "--model", "net.json", "--scale", "standard", "--save",
                dir.resolve("m").toString()));
        assertTrue(cli.err.toString().contains("--save with --model keeps the network alone"), cli.err.toString());
    }

    @Test
    void savedSvcsAndPerceptronsPredictAndEvaluate(@TempDir Path dir) throws Exception {
        Path svc = dir.resolve("svc.safetensors");
        CliRun cli = new CliRun();
        assertEquals(0, cli.run("fit", "--model", "svc", "--data", "iris", "--scale", "standard", "--C", "10", "--probability",
                "--random-state", "0", "--quiet", "--save", svc.toString(), "--report", dir.resolve("fit.json")
                .toString()), cli.err.toString());
        ObjectMapper json = new ObjectMapper();
        cli = new CliRun();
        assertEquals(0, cli.run("evaluate", "--model", svc.toString(), "--data", "iris", "--report",
                dir.resolve("eval.json").toString()), cli.err.toString());
        assertEquals(json.readTree(dir.resolve("fit.json").toFile()).get("test").get("accuracy").asDouble(),
                json.readTree(dir.resolve("eval.json").toFile()).get("test").get("accuracy").asDouble(), 0.0);
        Path rows = dir.resolve("rows.csv");
        Files.writeString(rows, "a,b,c,d\n5.1,3.5,1.4,0.2\n6.7,3.0,5.2,2.3\n");
        Path out = dir.resolve("pred.csv");
        cli = new CliRun();
        assertEquals(0, cli.run("predict", "--model", svc.toString(), "--input", rows.toString(), "--proba",
                "--output", out.toString()), cli.err.toString());
        var pipe = (dev.jnn.preprocess.Pipeline.OfClassifier) ModelFiles.load(svc);
        double[][] p = pipe.predictProba(Tensor.wrap(new double[] {5.1, 3.5, 1.4, 0.2, 6.7, 3.0, 5.2, 2.3}, 2, 4));
        String[] cells = Files.readAllLines(out).get(2).split(",");
        assertEquals(p[1][2], Double.parseDouble(cells[3]), 0.0);
        cli = new CliRun();
        assertEquals(0, cli.run("info", "--model", svc.toString()), cli.err.toString());
        assertTrue(cli.out.toString().contains("Pipeline of SVC"), cli.out.toString());

        Path perceptron = dir.resolve("p.safetensors");
        cli = new CliRun();
        assertEquals(0, cli.run("fit", "--model", "perceptron", "--data", "iris", "--quiet", "--save",
                perceptron.toString()), cli.err.toString());
        cli = new CliRun();
        assertEquals(2, cli.run("predict", "--model", perceptron.toString(), "--input", rows.toString(), "--proba"));
        assertTrue(cli.err.toString().contains("a Perceptron has no probabilities"), cli.err.toString());
        Path onnx = dir.resolve("p.onnx");
        cli = new CliRun();
        assertEquals(0, cli.run("export", "--model", perceptron.toString(), "--onnx", onnx.toString()),
                cli.err.toString());
        assertTrue(Files.size(onnx) > 0);
    }
}
