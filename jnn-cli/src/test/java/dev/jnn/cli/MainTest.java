package dev.jnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class MainTest {
    private final CliRun cli = new CliRun();
    private final StringWriter out = cli.out;
    private final StringWriter err = cli.err;

    private int run(String... args) {
        return cli.run(args);
    }

    @Test
    void versionAndHelp() {
        assertEquals(0, run("--version"));
        assertTrue(out.toString().startsWith("jnn "), out.toString());
        assertTrue(out.toString().contains("kernels: "), out.toString());
        assertEquals(0, run("--help"));
        assertTrue(out.toString().contains("bench"), out.toString());
    }

    @Test
    void badInputGivesOneLineErrorAndNonZeroExit() {
        assertEquals(2, run("bench", "gemm", "--repeats", "2"));
        assertEquals("jnn: --repeats must be at least 5; got 2", err.toString().strip());
        err.getBuffer().setLength(0);
        assertTrue(run("bench", "gemm", "--repeats", "x") != 0);
        assertTrue(run("no-such-command") != 0);
    }

    @Test
    void verboseAddsTheStackTrace() {
        assertEquals(2, run("--verbose", "bench", "gemm", "--threads", "0"));
        String e = err.toString();
        assertTrue(e.startsWith("jnn: --threads must be at least 1; got 0"), e);
        assertTrue(e.contains("at dev.jnn.cli."), e);
    }
}
