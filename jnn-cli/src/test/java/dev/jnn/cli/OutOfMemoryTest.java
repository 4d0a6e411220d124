package dev.jnn.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Running out of memory ends in one line and exit 1, not a stack trace; sizes the command line controls are
 * refused before allocating, in one line with the size and the budget (exit 2 for options, 1 for data).
 */
class OutOfMemoryTest {
    @CommandLine.Command(name = "greedy")
    static final class Greedy implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new OutOfMemoryError("Java heap space");
        }
    }

    @Test
    void anOutOfMemoryErrorIsOneLine() {
        CommandLine cl = new CommandLine(new Greedy());
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        assertEquals(1, Main.execute(cl, new String[0]));
        String[] lines = err.toString().strip().split("\n");
        assertEquals(1, lines.length, err.toString());
        assertTrue(lines[0].startsWith("jnn: out of memory (Java heap space) with a heap of at most "), lines[0]);
    }

    @Test
    void sizesFromOptionsAndDataAreRefusedBeforeAllocation() {
        String[][] usage = {
            {"fit", "--data", "moons:n=2147483647"},
            {"fit", "--data", "iris", "--hidden-layer-sizes", "1000000000"},
            {"fit", "--data", "digits", "--poly", "30"},
            {"fit", "--data", "iris", "--threads", "100000"},
        };
        for (String[] args : usage) {
            CliRun cli = new CliRun();
            assertEquals(2, cli.run(args), String.join(" ", args) + ": " + cli.err);
            String[] lines = cli.err.toString().strip().split("\n");
            assertEquals(1, lines.length, cli.err.toString());
            assertTrue(lines[0].matches("jnn: .*(needs .* the heap has left|more than 2\\^63|threads must be <= ).*"),
                    lines[0]);
        }
        CliRun cli = new CliRun();   // no line breaks, ever: stops at the budget, not at the heap's end
        assertEquals(1, cli.run("fit", "--data", "/dev/zero"), cli.err.toString());
        assertTrue(cli.err.toString().startsWith("jnn: /dev/zero line 1: more than "), cli.err.toString());
    }
}
