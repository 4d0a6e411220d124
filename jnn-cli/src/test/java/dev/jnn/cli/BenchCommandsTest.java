package dev.jnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** jnn bench lenet, predict and mlp --rows on a small MNIST-format set: their output and their option checks. */
class BenchCommandsTest {
    private final CliRun cli = new CliRun();

    @TempDir
    Path dir;

    /** Writes train/t10k IDX files of 28×28 random images with labels 0..9 in turn. */
    private Path mnistFormat(int train, int test) throws IOException {
        Random rnd = new Random(1);
        for (String part : new String[] {"train", "t10k"}) {
            int n = part.equals("train") ? train : test;
            ByteBuffer images = ByteBuffer.allocate(16 + n * 784).putInt(0x803).putInt(n).putInt(28).putInt(28);
            ByteBuffer labels = ByteBuffer.allocate(8 + n).putInt(0x801).putInt(n);
            for (int i = 0; i < n; i++) {
                for (int p = 0; p < 784; p++) {
                    images.put((byte) rnd.nextInt(256));
                }
                labels.put((byte) (i % 10));
            }
            Files.write(dir.resolve(part + "-images-idx3-ubyte"), images.array());
            Files.write(dir.resolve(part + "-labels-idx1-ubyte"), labels.array());
        }
        return dir;
    }

    private JsonNode json(String... args) throws IOException {
        assertEquals(0, cli.run(args), cli.err.toString());
        String[] lines = cli.out.toString().strip().split("\n");
        cli.out.getBuffer().setLength(0);
        return new ObjectMapper().readTree(lines[lines.length - 1]);
    }

    @Test
    void lenetReportsEachEpochAndTheBest() throws IOException {
        Path d = mnistFormat(300, 50);
        JsonNode r = json("bench", "lenet", "--data-dir", d.toString(), "--epochs", "2", "--batch-size", "64",
                "--threads", "1", "--json");
        assertEquals("lenet5-3x3", r.get("network").asText());
        assertEquals(2, r.get("epoch_seconds").size());
        double best = Math.min(r.get("epoch_seconds").get(0).asDouble(), r.get("epoch_seconds").get(1).asDouble());
        assertEquals(best, r.get("best_epoch_seconds").asDouble());
        assertTrue(r.get("fit_seconds").asDouble() >= r.get("epoch_seconds").get(0).asDouble()
                + r.get("epoch_seconds").get(1).asDouble() - 1e-3, r.toString());
        double accuracy = r.get("test_accuracy").asDouble();
        assertTrue(accuracy >= 0 && accuracy <= 1, r.toString());
    }

    @Test
    void predictTimesBatchesAndSingleRowsOfEachModel() throws IOException {
        Path d = mnistFormat(100, 40);
        JsonNode r = json("bench", "predict", "--data-dir", d.toString(), "--model", "mlp", "--model", "lenet5",
                "--repeats", "1", "--warmup", "0", "--json");
        assertEquals(2, r.size());
        assertEquals("mlp", r.get(0).get("model").asText());
        assertEquals("lenet5", r.get(1).get("model").asText());
        for (JsonNode m : r) {
            assertEquals(40, m.get("batch").asInt());    // the batch is at most the test rows
            assertTrue(m.get("batch_rows_per_second").asDouble() > 0, m.toString());
            assertTrue(m.get("single_row_microseconds").asDouble() > 0, m.toString());
        }
    }

    @Test
    void mlpTrainsOnTheFirstRows() throws IOException {
        Path d = mnistFormat(120, 20);
        JsonNode r = json("bench", "mlp", "--data-dir", d.toString(), "--rows", "100", "--epochs", "2", "--json");
        assertEquals(100, r.get("rows").asInt());
        assertEquals(2, r.get("epoch_seconds").size());
        assertEquals(2, cli.run("bench", "mlp", "--data-dir", d.toString(), "--rows", "121"));
        assertEquals("jnn: --rows must be at most the 120 training rows; got 121", cli.err.toString().strip());
    }

    @Test
    void badOptionsAreUsageErrorsBeforeAnyDataIsRead() {
        String missing = dir.resolve("none").toString();
        assertEquals(2, cli.run("bench", "lenet", "--network", "alexnet", "--data-dir", missing));
        assertEquals("jnn: --network must be one of lenet5-3x3, lenet5; got 'alexnet'", cli.err.toString().strip());
        cli.err.getBuffer().setLength(0);
        assertEquals(2, cli.run("bench", "lenet", "--epochs", "0", "--data-dir", missing));
        assertEquals("jnn: --epochs must be at least 1; got 0", cli.err.toString().strip());
        cli.err.getBuffer().setLength(0);
        assertEquals(2, cli.run("bench", "predict", "--model", "svc", "--data-dir", missing));
        assertEquals("jnn: --model must be mlp, lenet5-3x3 or lenet5; got 'svc'", cli.err.toString().strip());
        cli.err.getBuffer().setLength(0);
        assertEquals(2, cli.run("bench", "predict", "--warmup", "-1", "--data-dir", missing));
        assertEquals("jnn: --warmup must be between 0 and 600 seconds; got -1.0", cli.err.toString().strip());
        cli.err.getBuffer().setLength(0);
        assertEquals(2, cli.run("bench", "mlp", "--rows", "0", "--data-dir", missing));
        assertEquals("jnn: --rows must be at least 1; got 0", cli.err.toString().strip());
        cli.err.getBuffer().setLength(0);
        assertEquals(2, cli.run("bench", "search", "--jobs", "0"));
        assertEquals("jnn: --jobs must be at least 1; got 0", cli.err.toString().strip());
    }
}
