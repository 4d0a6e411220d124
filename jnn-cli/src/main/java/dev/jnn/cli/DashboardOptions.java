package dev.jnn.cli;

import dev.jnn.estimator.FitMonitor;
import dev.jnn.plot.live.Dashboard;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code --dashboard [PORT]} and {@code --dashboard-keep}: a live page of the fit or search (see {@link Dashboard}),
 * from {@link #start} through {@link #finish} to the linger that {@link #around} ends the command with.
 */
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

    /** The running page, once {@link #start} made it. */
    private Dashboard dash;

    /** Whether --dashboard was given. */
    boolean given() {
        return port != null;
    }

    /** Checks the options before any work starts. */
    void check() {
        if (keep && port == null) {
            throw new IllegalArgumentException("--dashboard-keep goes with --dashboard");
        }
        if (port != null && (port < 0 || port > 65535)) {
            throw new IllegalArgumentException("--dashboard port must be 0..65535; got " + port);
        }
    }

    /**
     * Runs a command's work; after it succeeds, serves the page as asked (until Ctrl-C with --dashboard-keep, else
     * 10 s after a browser has shown the end, at once when no browser is open); stops the page in any case.
     */
    int around(Callable<Integer> work, PrintWriter out) throws Exception {
        try {
            int code = work.call();
            linger(out);
            return code;
        } finally {
            if (dash != null) {
                dash.close();
            }
        }
    }

    /** Starts the page with --dashboard and prints its address; returns it, or null without --dashboard. */
    Dashboard start(String title, PrintWriter out) {
        check();
        if (port == null) {
            return null;
        }
        dash = Dashboard.start(port, title);
        out.println("Dashboard: " + dash.uri());
        out.flush();
        return dash;
    }

    /** {@code monitor}, and with --dashboard the page too (after {@link #start}). */
    FitMonitor alongside(FitMonitor monitor) {
        Dashboard d = dash;
        return d == null ? monitor : new FitMonitor() {
            @Override
            public void onIteration(int iteration, int max, double loss, double validationScore) {
                monitor.onIteration(iteration, max, loss, validationScore);
                d.onIteration(iteration, max, loss, validationScore);
            }

            @Override
            public void onMessage(String line) {
                monitor.onMessage(line);
            }
        };
    }

    /** The figures of --plots DIR, or kept in memory for the page with --dashboard alone, or null. */
    RunPlots figures(Path plots) throws java.io.IOException {
        return plots != null ? new RunPlots(plots) : given() ? RunPlots.inMemory() : null;
    }

    /** Sends the run's results and {@code figures} (may be null) to the page; nothing without --dashboard. */
    void finish(Map<String, Object> results, RunPlots figures) {
        if (dash == null) {
            return;
        }
        if (figures != null) {
            figures.figures().forEach(dash::addFigure);
        }
        dash.finish(results);
    }

    private void linger(PrintWriter out) throws InterruptedException {
        if (dash == null) {
            return;
        }
        if (keep) {
            out.println("Serving the dashboard at " + dash.uri() + " until Ctrl-C");
            out.flush();
            new CountDownLatch(1).await();
        }
        long deadline = System.currentTimeMillis() + LINGER_MILLIS;
        while (dash.server().clients() > dash.server().clientsThatSawTheEnd() && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);                              // an open page receives the end
        }
        if (dash.server().clientsThatSawTheEnd() > 0) {
            Thread.sleep(LINGER_MILLIS);
        }
    }
}
