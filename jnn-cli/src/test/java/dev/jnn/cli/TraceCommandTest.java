package dev.jnn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code jnn trace} prints and writes the lab's 1-1-1 relu example as BackpropTraceTest works it out by hand. */
class TraceCommandTest {
    @Test
    void theOneOneOneReluExample(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("trace.json");
        CliRun cli = new CliRun();
        assertEquals(0, cli.run("trace", "--layer-sizes", "1,1,1", "--hidden-activation", "relu", "--output-activation",
                "identity", "--loss", "half-squared-error", "--weights", "1", "--biases", "0", "--learning-rate", "0.01",
                "--samples", "1:3;2:4", "--epochs", "1", "--digits", "6", "--json", json.toString()), cli.err.toString());
        String out = cli.out.toString();
        assertTrue(out.contains("layer 1: z = [2.060000]  a = [2.060000]  delta = [-1.916376]"), out);
        assertTrue(out.contains("layer 2: grad W = [[-3.870328]]  grad b = [-1.878800]  ->  W = [[1.058703]]"), out);
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertEquals(2, root.get("steps").size());
        JsonNode step = root.get("steps").get(1);
        assertEquals(1, step.get("sample").asInt());
        assertEquals(-1.8788, step.get("delta").get(1).get(0).asDouble(), 1e-15);
        assertEquals(1.05870328, root.get("final").get("weights").get(1).get(0).get(0).asDouble(), 1e-15);
        assertEquals(0.03916376, root.get("final").get("biases").get(0).get(0).asDouble(), 1e-15);
        cli = new CliRun();
        assertEquals(2, cli.run("trace", "--layer-sizes", "1,1", "--samples", "1,2:3"));
        assertTrue(cli.err.toString().contains("needs 1 inputs and 1 targets"), cli.err.toString());
    }
}
