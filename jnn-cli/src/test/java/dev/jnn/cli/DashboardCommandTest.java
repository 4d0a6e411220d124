package dev.jnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code jnn fit --dashboard}'s options: checked before training, and no browser means no waiting. */
class DashboardCommandTest {
    @Test
    void withoutABrowserTheFitEndsAsUsual() {
        CliRun cli = new CliRun();
        assertEquals(0, cli.run("fit", "--data", "iris", "--max-iter", "20", "--dashboard", "--quiet"));
        assertTrue(cli.out.toString().matches("(?s)Dashboard: http://127\\.0\\.0\\.1:\\d+/\n.*accuracy.*"),
                cli.out.toString());
    }

    @Test
    void aSearchServesItsPageToo() {
        CliRun cli = new CliRun();
        assertEquals(0, cli.run("search", "--data", "iris", "--param", "alpha=0.0001,0.01", "--max-iter", "10",
                "--cv", "3", "--dashboard", "--quiet"));
        assertTrue(cli.out.toString().matches("(?s).*Dashboard: http://127\\.0\\.0\\.1:\\d+/\n.*Best parameters.*"),
                cli.out.toString());
        cli = new CliRun();
        assertEquals(2, cli.run("search", "--data", "iris", "--param", "alpha=0.0001", "--dashboard-keep"));
        assertEquals("jnn: --dashboard-keep goes with --dashboard", cli.err.toString().strip());
    }

    @Test
    void badOptionsAreUsageErrors() {
        String[][] cases = {
            {"--dashboard-keep", "jnn: --dashboard-keep goes with --dashboard"},
            {"--dashboard=70000", "jnn: --dashboard port must be 0..65535; got 70000"},
            {"--dashboard=-1", "jnn: --dashboard port must be 0..65535; got -1"},
        };
        for (String[] c : cases) {
            CliRun cli = new CliRun();
            assertEquals(2, cli.run("fit", "--data", "iris", c[0]), c[0]);
            assertEquals(c[1], cli.err.toString().strip());
        }
        CliRun cli = new CliRun();
        assertEquals(2, cli.run("fit", "--data", "iris", "--model", "svc", "--dashboard"));
        assertEquals("jnn: --dashboard charts the MLP and --model networks, epoch by epoch", cli.err.toString().strip());
    }
}
