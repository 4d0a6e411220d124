package dev.jnn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jnn.data.Datasets;
import dev.jnn.data.TrainTestSplit;
import dev.jnn.model.ModelJson;
import dev.jnn.model.NetworkClassifier;
import dev.jnn.model.Recipe;
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

/** The named networks: {@code jnn models}, their recipes in {@code jnn fit}, and {@code jnn search} over a network. */
class NamedModelsTest {
    @Test
    void modelsListsTheNetworksWithTheirSizesAndRecipes() {
        CliRun cli = new CliRun();
        assertEquals(0, cli.run("models"), cli.err.toString());
        String out = cli.out.toString();
        assertTrue(out.contains("lenet5          61,706 parameters  recipe: adam 0.005, cosine decay, batch 128, 5 epochs"),
                out);
        assertTrue(out.contains("mlp-1200     2,395,210 parameters  recipe: adam 0.001, cosine decay, batch 62, 10 epochs"),
                out);
        assertTrue(out.contains("lenet5-3x3"), out);
    }

    @Test
    void aRecipeIsPrintedAndFlagsOverrideIt() {
        CliRun cli = new CliRun();
        assertEquals(0, cli.run("fit", "--model", "mlp-1200", "--data", "digits", "--epochs", "1", "--batch-size",
                "100", "--max-train", "200"), cli.err.toString());
        assertTrue(cli.out.toString().contains("Recipe: adam 0.001, cosine decay, batch 100, 1 epochs (mlp-1200's is"
                + " adam 0.001, cosine decay, batch 62, 10 epochs)"), cli.out.toString());
        ModelOptions o = new ModelOptions();
        o.model = "lenet5";
        Recipe r = ModelFit.recipe(o, Map.of(), dev.jnn.model.zoo.ModelZoo.get("lenet5"));
        assertEquals(new Recipe("adam", 0.005, "cosine", 128, 5), r);
        o.optimizer = "sgd";
        assertEquals(0.01, ModelFit.recipe(o, Map.of(), dev.jnn.model.zoo.ModelZoo.get("lenet5")).learningRate(),
                "another optimizer starts from its own default rate");
    }

    @Test
    void searchTakesANetworkAndItsEtaLambdaGrid(@TempDir Path dir) throws Exception {
        Path net = dir.resolve("net.json");
        String json = "{\"layers\": [{\"type\": \"Dense\", \"units\": 12, \"activation\": \"relu\"},"
                + " {\"type\": \"Dense\", \"units\": 10, \"activation\": \"softmax\"}]}";
        Files.writeString(net, json);
        Path results = dir.resolve("cv.json");
        CliRun cli = new CliRun();
        assertEquals(0, cli.run("search", "--model", net.toString(), "--data", "digits", "--param",
                "learning-rate-init=0.001,0.01", "--param", "l2=0,0.01", "--param", "epochs=2", "--cv", "3",
                "--quiet", "--results", results.toString()), cli.err.toString());
        var digits = Datasets.byName("digits");
        var split = TrainTestSplit.split(digits.train().size(), 0.25, new Rng(0), digits.train().y());
        var train = digits.train().subset(split.train());
        NetworkClassifier base = new NetworkClassifier("net", f -> ModelJson.read(json, "net"),
                Recipe.kerasDefaults());
        GridSearchCV search = new GridSearchCV(base, Map.of("learning_rate_init", List.of("0.001", "0.01"),
                "l2", List.of("0", "0.01"), "epochs", List.of("2")),
                GridSearchCV.Settings.DEFAULTS.withCv(new StratifiedKFold(3))).fit(train.x(), train.y());
        JsonNode r = new ObjectMapper().readTree(results.toFile());
        double[] got = new double[r.get("mean_test_score").size()];
        for (int i = 0; i < got.length; i++) {
            got[i] = r.get("mean_test_score").get(i).asDouble();
        }
        assertArrayEquals(search.cvResults().meanTestScore(), got, 0.0);

        cli = new CliRun();
        assertEquals(2, cli.run("search", "--model", "lenet9", "--data", "digits", "--param", "l2=0,1"));
        assertTrue(cli.err.toString().contains("--model must be mlp, perceptron, svc, a named network (lenet5,"),
                cli.err.toString());
    }
}
