package dev.jnn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jnn.data.Datasets;
import dev.jnn.model.Fit;
import dev.jnn.model.History;
import dev.jnn.model.LearningRateScheduler;
import dev.jnn.model.ModelJson;
import dev.jnn.model.Sequential;
import dev.jnn.nn.Loss;
import dev.jnn.optim.Adam;
import dev.jnn.optim.LearningRateSchedule;
import dev.jnn.data.TrainTestSplit;
import dev.jnn.tensor.DType;
import dev.jnn.tensor.Rng;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelFitTest {
    private static final String CNN = """
            {"layers": [
              {"type": "Input", "shape": [8, 8, 1]},
              {"type": "Conv2D", "filters": 4, "kernel_size": 3, "activation": "relu"},
              {"type": "MaxPool2D", "pool_size": 2},
              {"type": "Flatten"},
              {"type": "Dense", "units": 10, "activation": "softmax"}
            ]}
            """;

    @Test
    void jsonModelTrainsOnDigitsAndMatchesTheApi(@TempDir Path dir) throws IOException {
        Path model = dir.resolve("cnn.json");
        Files.writeString(model, CNN);
        Path report = dir.resolve("r.json");
        Path preds = dir.resolve("p.csv");
        Path arch = dir.resolve("arch.json");
        CliRun cli = new CliRun();
        assertEquals(0, cli.run("fit", "--model", model.toString(), "--epochs", "3", "--random-state", "4",
                "--validation-split", "0.1", "--report", report.toString(), "--predictions", preds.toString(),
                "--save-architecture", arch.toString()), cli.err.toString());
        String out = cli.out.toString();
        assertTrue(out.contains(" conv2d (Conv2D)             (None, 6, 6, 4)           40\n"), out);
        assertTrue(out.contains("Epoch 3/3\n"), out);
        JsonNode r = new ObjectMapper().readTree(report.toFile());
        assertEquals(3, r.get("n_iter").asInt());
        List<String> keys = new java.util.ArrayList<>();
        r.get("history").fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("loss", "accuracy", "val_loss", "val_accuracy"), keys);
        assertEquals(3, r.get("history").get("val_accuracy").size());
        assertEquals(450, r.get("test").get("n_samples").asInt());
        assertTrue(out.contains(r.get("test").get("classification_report").asText()));
        assertEquals(ModelJson.read(CNN, "cnn").dtype(DType.FLOAT32).toJson(), Files.readString(arch));

        // The same run through the API: stratified split with seed 0, dtype float32, batch 32, seed 4.
        var digits = Datasets.digits().to(DType.FLOAT32);
        var split = TrainTestSplit.split(digits.train().size(), 0.25, new Rng(0), digits.train().y());
        var train = digits.train().subset(split.train());
        var test = digits.train().subset(split.test());
        Sequential m = ModelJson.read(CNN, "cnn").seed(4);
        m.compile(new Adam(0.001, 0.9, 0.999, 1e-7), Loss.SPARSE_CATEGORICAL_CROSSENTROPY);
        m.fit(train.x(), train.y(), Fit.epochs(3).validationSplit(0.1));
        int[] pred = m.predictClasses(test.x());
        List<String> lines = Files.readAllLines(preds);
        for (int i = 0; i < pred.length; i++) {
            assertEquals(Integer.toString(pred[i]), lines.get(i));
        }
    }

    /**
     * The README's example models load, and their parameter counts match hand counts: the modern LeNet-5 (every C3
     * map connected to every S2 map) has the well-known 61,706 (156 + 2,416 + 48,120 + 10,164 + 850).
     */
    @Test
    void exampleModelsBuildWithTheirParameterCounts() throws IOException {
        Path examples = Path.of("..", "examples");
        assertEquals(61_706, parameterCount(examples.resolve("lenet5-5x5.json"), 784));
        // 784·1200 + 1200, 1200·1200 + 1200, 1200·10 + 10
        assertEquals(942_000 + 1_441_200 + 12_010, parameterCount(examples.resolve("mlp-1200.json"), 784));
    }

    private static long parameterCount(Path file, int features) throws IOException {
        Sequential m = ModelJson.read(Files.readString(file), file.toString()).build(features);
        return m.parameters().stream().mapToLong(p -> p.value().size()).sum();
    }

    @Test
    void learningRateScheduleCountsStepsOfTheTrainingRows(@TempDir Path dir) throws IOException {
        Path model = dir.resolve("cnn.json");
        Files.writeString(model, CNN);
        Path report = dir.resolve("r.json");
        CliRun cli = new CliRun();
        assertEquals(0, cli.run("fit", "--model", model.toString(), "--epochs", "3", "--random-state", "4",
                "--validation-split", "0.1", "--lr-schedule", "step:1:0.1", "--quiet", "--report",
                report.toString()), cli.err.toString());
        JsonNode curve = new ObjectMapper().readTree(report.toFile()).get("loss_curve");

        // 1347 training rows of digits, 1212 after the split: 38 steps of 32 per epoch, so the rate drops at steps
        // 38 and 76.
        var digits = Datasets.digits().to(DType.FLOAT32);
        var split = TrainTestSplit.split(digits.train().size(), 0.25, new Rng(0), digits.train().y());
        var train = digits.train().subset(split.train());
        Sequential m = ModelJson.read(CNN, "cnn").seed(4);
        m.compile(new Adam(0.001, 0.9, 0.999, 1e-7), Loss.SPARSE_CATEGORICAL_CROSSENTROPY);
        History h = m.fit(train.x(), train.y(), Fit.epochs(3).validationSplit(0.1)
                .callbacks(new LearningRateScheduler(LearningRateSchedule.stepDecay(0.001, 38, 0.1))));
        for (int e = 0; e < 3; e++) {
            assertEquals(h.get("loss").get(e), curve.get(e).asDouble(), 0.0, "epoch " + e);
        }
        assertEquals(1e-5, m.optimizer().learningRate(), 1e-18);
    }

    @Test
    void schedulesFollowKerasFormulas() {
        var step = LearningRateSchedule.parse("step:2:0.5", 0.01, 6, 10);
        assertEquals(0.01, step.rate(19));
        assertEquals(0.005, step.rate(20));
        var cosine = LearningRateSchedule.parse("cosine:0.1", 0.01, 6, 10);
        assertEquals(0.01, cosine.rate(0));
        assertEquals(0.01 * (0.9 * 0.5 + 0.1), cosine.rate(30), 1e-15);
        assertEquals(0.001, cosine.rate(60), 1e-15);
        assertEquals(0.001, cosine.rate(99), 1e-15);
        var exp = LearningRateSchedule.parse("exponential:0.5", 0.01, 6, 10);
        assertEquals(0.01 * Math.sqrt(0.5), exp.rate(5), 1e-15);
        assertEquals(0.0025, exp.rate(20), 1e-15);
        assertEquals(null, LearningRateSchedule.parse("constant", 0.01, 6, 10));
        for (String bad : new String[] {"cosine:2", "step:0:0.5", "step:1", "exponential", "linear", "cosine:x"}) {
            var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> LearningRateSchedule.parse(bad, 0.01, 6, 10));
            assertTrue(e.getMessage().startsWith("lr_schedule must be") && e.getMessage().endsWith("'" + bad + "'"),
                    e.getMessage());
        }
    }

    @Test
    void errorsAreOneLine(@TempDir Path dir) throws IOException {
        CliRun cli = new CliRun();
        assertEquals(2, exit(cli, "fit", "--model", "lenet5", "--epochs", "1"));
        assertTrue(cli.err.toString().contains("LeNet-5") || cli.err.toString().contains("does not fit"),
                cli.err.toString());
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"layers\": [{\"type\": \"Dense\", \"unit\": 3}]}");
        cli = new CliRun();
        exit(cli, "fit", "--model", bad.toString());
        assertTrue(cli.err.toString().contains("bad.json: layer 0: missing \"units\""), cli.err.toString());
        cli = new CliRun();
        exit(cli, "fit", "--model", "lenet5", "--hidden-layer-sizes", "10");
        assertTrue(cli.err.toString().contains("--hidden-layer-sizes is an MLP option"), cli.err.toString());
        // the optimizer's own table checks what the shared options give it, as strictly as the MLP's
        Path json = Path.of("..", "examples", "mlp-1200.json");
        cli = new CliRun();
        assertEquals(2, exit(cli, "fit", "--model", json.toString(), "--learning-rate-init", "0"));
        assertEquals("jnn: The 'learning_rate' parameter of Adam must be a float in the range (0, inf). Got 0.0 instead.",
                cli.err.toString().strip());
        cli = new CliRun();
        assertEquals(2, exit(cli, "fit", "--model", json.toString(), "--optimizer", "sgd", "--momentum", "1.5"));
        assertEquals("jnn: The 'momentum' parameter of SGD must be a float in the range [0, 1]. Got 1.5 instead.",
                cli.err.toString().strip());
        cli = new CliRun();
        assertEquals(2, exit(cli, "fit", "--model", json.toString(), "--optimizer", "sgd", "--beta-1", "0.5"));
        assertEquals("jnn: --beta-1 does not apply to --optimizer sgd (it takes --learning-rate-init, --momentum,"
                + " --nesterovs-momentum)", cli.err.toString().strip());
    }

    private static int exit(CliRun cli, String... args) {
        return cli.run(args);
    }
}
