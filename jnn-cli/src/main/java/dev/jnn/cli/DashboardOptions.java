package dev.jnn.cli;

import dev.jnn.plot.live.Dashboard;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;

/** {@code --dashboard [PORT]} and {@code --dashboard-keep}: a live page of the fit or search (see {@link Dashboard}). */
final class DashboardOptions {
    /** How long the page stays served after a browser has shown the end of the run. */
    static final long LINGER_MILLIS = 10_000;

    @Option(names = "--dashboard", arity = "0..1", fallbackValue = "0", paramLabel = "PORT",
            description = {"Serve a live page of the run (a fit's loss, scores, learning rate and seconds per epoch,"
                + " a search's candidates as their fits finish, then the results) on 127.0.0.1:PORT, any free port by"
                + " default, and print its address. Once a browser has shown the end, the page stays up 10 s."})
    Integer port;

    @Option(names = "--dashboard-keep", description = "With --dashboard: keep serving after the run until Ctrl-C.")
    boolean keep;

    /** Checks the options before any work starts. */
    void check() {
        if (keep && port == null) {
            throw new IllegalArgumentException("--dashboard-keep goes with --dashboard");
        }
        if (port != null && (port < 0 || port > 65535)) {
            throw new IllegalArgumentException("--dashboard port must be 0..65535; got " + port);
        }
    }

    /** The started dashboard, its address printed, or null without --dashboard. */
    Dashboard start(String title, PrintWriter out) {
        check();
        if (port == null) {
            return null;
        }
        Dashboard d = Dashboard.start(port, title);
        out.println("Dashboard: " + d.uri());
        out.flush();
        return d;
    }

    /**
     * After the run has sent its results ({@link Dashboard#finish}): serves until Ctrl-C with --dashboard-keep, else
     * for 10 s after a browser has shown the end (at once when no browser is open), then stops.
     */
    void linger(Dashboard d, PrintWriter out) throws InterruptedException {
        if (d == null) {
            return;
        }
        try {
            if (keep) {
                out.println("Serving the dashboard at " + d.uri() + " until Ctrl-C");
                out.flush();
                new CountDownLatch(1).await();
            }
            long deadline = System.currentTimeMillis() + LINGER_MILLIS;
            while (d.server().clients() > d.server().clientsThatSawTheEnd() && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);                          // an open page receives the end
            }
            if (d.server().clientsThatSawTheEnd() > 0) {
                Thread.sleep(LINGER_MILLIS);
            }
        } finally {
            d.close();
        }
    }
}
