package dev.jnn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jnn.data.Datasets;
import dev.jnn.data.Samples;
import dev.jnn.estimator.MLPClassifier;
import dev.jnn.selection.GridSearchCV;
import dev.jnn.selection.StratifiedKFold;
import dev.jnn.data.TrainTestSplit;
import dev.jnn.tensor.Rng;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code jnn search}: the same results as GridSearchCV through the API, tables, files and errors. */
class SearchCommandTest {
    private final CliRun cli = new CliRun();

    @TempDir
    Path dir;

    @Test
    void gridSearchPrintsBestTopAndTableAndMatchesTheApi() throws IOException {
        Path json = dir.resolve("r.json");
        assertEquals(0, cli.run("search", "--quiet", "--data", "digits", "--max-train", "400", "--param",
                "hidden-layer-sizes=8;16,8", "--param", "alpha=0.0001,0.1", "--max-iter", "15", "--random-state", "0",
                "--cv", "3", "--jobs", "2", "--results", json.toString()), cli.err.toString());
        String out = cli.out.toString();
        assertTrue(out.contains("4 candidates x 3 folds = 12 fits"), out);
        assertTrue(out.contains("Mean test score (rows: alpha, columns: hidden_layer_sizes)"), out);
        JsonNode r = new ObjectMapper().readTree(json.toFile());
        // The same search through the API: the training rows of the default stratified split, then 400 of them.
        Samples digits = Datasets.digits().train();
        TrainTestSplit.Split s = TrainTestSplit.split(digits.size(), 0.25, new Rng(0), digits.classIndices());
        Samples train = digits.subset(s.train()).sample(400, 0);
        GridSearchCV api = new GridSearchCV(MLPClassifier.builder().maxIter(15).randomState(0).build(),
                Map.of("hidden_layer_sizes", List.of("8", "16,8"), "alpha", List.of("0.0001", "0.1")),
                GridSearchCV.Settings.DEFAULTS.withCv(new StratifiedKFold(3))).fit(train.x(), train.y());
        double[] mean = api.cvResults().meanTestScore();
        for (int i = 0; i < mean.length; i++) {
            assertEquals(mean[i], r.get("mean_test_score").get(i).asDouble(), 0.0);
        }
        assertTrue(out.contains("Best parameters: " + "alpha=" + api.bestParams().get("alpha")), out);
    }

    @Test
    void randomSearchShuffleSplitAndErrors() throws IOException {
        Path csv = dir.resolve("r.csv");
        assertEquals(0, cli.run("search", "--quiet", "--data", "iris", "--param", "alpha=loguniform:1e-5:1e-1",
                "--param", "hidden-layer-sizes=4;8", "--random-search", "3", "--cv", "shuffle:2:0.75", "--max-iter", "10",
                "--random-state", "0", "--results", csv.toString()), cli.err.toString());
        assertEquals(4, Files.readAllLines(csv).size());
        assertTrue(cli.out.toString().contains("3 candidates x 2 folds"), cli.out.toString());
        StringBuilder text = new StringBuilder("kind,a\n");
        for (int i = 0; i < 20; i++) {
            text.append("small,").append(i % 5).append("\nlarge,").append(10 + i % 5).append('\n');
        }
        Path named = Files.writeString(dir.resolve("named.csv"), text);
        assertEquals(0, cli.run("search", "--quiet", "--data", named.toString(), "--label-column", "kind", "--param",
                "alpha=0.001,0.1", "--cv", "2", "--max-iter", "5", "--random-state", "0"), cli.err.toString());
        assertEquals(0, cli.run("search", "--quiet", "--data", "iris", "--param", "alpha=-1,0.001", "--cv", "3",
                "--max-iter", "5", "--random-state", "0"), cli.err.toString());
        assertTrue(cli.out.toString().contains("Best parameters: alpha=0.001"), cli.out.toString());
        assertEquals(2, cli.run("search", "--quiet", "--data", "iris", "--param", "alpha=-1,0.001", "--cv", "3",
                "--max-iter", "5", "--error-score", "raise"));
        assertEquals(2, cli.run("search", "--quiet", "--param", "alpha=uniform:0:1"));
        assertTrue(cli.err.toString().contains("distributions need --random-search N"), cli.err.toString());
        assertEquals(2, cli.run("search", "--quiet", "--param", "alpha=1", "--scoring", "bogus"));
        assertTrue(cli.err.toString().contains("'bogus' is not a valid scoring value"), cli.err.toString());
    }
}
