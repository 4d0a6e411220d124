package dev.jnn.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code jnn gradcheck} on an MLP and a JSON network prints its table and exits 0 when every gradient agrees. */
class GradCheckCommandTest {
    @Test
    void checksMlpsAndNetworks(@TempDir Path dir) throws Exception {
        CliRun cli = new CliRun();
        assertEquals(0, cli.run("gradcheck", "--data", "iris", "--hidden-layer-sizes", "4,3", "--activation", "tanh",
                "--alpha", "0.01", "--samples", "12"), cli.err.toString() + cli.out);
        String out = cli.out.toString();
        assertTrue(out.contains("layer 0 (Dense) kernel") && out.contains("layer 2 (Dense) bias")
                && out.contains("All gradients agree within 1e-6."), out);
        Path net = dir.resolve("net.json");
        Files.writeString(net, "{\"layers\": [{\"type\": \"Input\", \"shape\": [8, 8, 1]}, {\"type\": \"Conv2D\","
                + " \"filters\": 2, \"kernel_size\": 3, \"activation\": \"tanh\"}, {\"type\": \"AveragePooling2D\","
                + " \"pool_size\": 2}, {\"type\": \"Flatten\"}, {\"type\": \"Dense\", \"units\": 10, \"activation\":"
                + " \"softmax\"}]}");
        cli = new CliRun();
        assertEquals(0, cli.run("gradcheck", "--data", "digits", "--model", net.toString(), "--samples", "6"),
                cli.err.toString() + cli.out);
        assertTrue(cli.out.toString().contains("layer 1 (Conv2D) kernel"), cli.out.toString());
        cli = new CliRun();
        assertEquals(2, cli.run("gradcheck", "--model", net.toString(), "--alpha", "1"));
    }
}
