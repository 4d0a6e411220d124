package dev.jnn.cli;

import dev.jnn.tensor.Parallel;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code jnn doctor} describes the JVM, CPU, kernels, threads, heap, datasets and cache, one item a line. */
class DoctorCommandTest {
    @Test
    void describesTheSetup() {
        CliRun cli = new CliRun();
        assertEquals(0, cli.run("doctor"), cli.err.toString());
        List<String> lines = cli.out.toString().lines().toList();
        assertTrue(lines.get(0).startsWith("jnn "), lines.get(0));
        String text = cli.out.toString();
        for (String item : new String[] {"Java home", "Vector API", "CPU", "GEMM kernels", "Threads", "Heap",
            "Data mnist", "Data fashion-mnist", "Cache", "Environment"}) {
            assertTrue(lines.stream().anyMatch(l -> l.startsWith(item + " ")), item + " missing from\n" + text);
        }
        assertTrue(text.contains("GEMM kernels       float32 8×"), text);
        assertTrue(text.contains("Threads            " + Parallel.threads() + " (at most " + Parallel.maxThreads()), text);
        assertTrue(text.matches("(?s).*Heap +at most \\d.*left for data.*"), text);
        assertTrue(DoctorCommand.cpu().contains(Runtime.getRuntime().availableProcessors() + " cores"),
                DoctorCommand.cpu());
    }
}
