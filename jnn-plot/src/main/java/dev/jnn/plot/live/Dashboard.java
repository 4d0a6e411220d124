package dev.jnn.plot.live;

import dev.jnn.estimator.FitMonitor;
import dev.jnn.model.Callback;
import dev.jnn.model.Sequential;
import dev.jnn.selection.SearchMonitor;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A live page of a fit, for Java programs as for {@code jnn fit --dashboard}: give it to an estimator as its
 * {@link FitMonitor} ({@code clf.setMonitor(dashboard)}) or to a {@link Sequential} fit as a {@link Callback}
 * ({@code Fit.epochs(5).callbacks(dashboard)}) or to a search as its {@link SearchMonitor}
 * ({@code search.setMonitor(dashboard)}), open {@link #uri()}, and call {@link #finish} with the final report.
 * Each epoch (or lbfgs iteration) becomes one event: the loss, the validation score or loss and metrics, the
 * learning rate and the epoch's seconds. Publishing never waits on a browser.
 */
public final class Dashboard implements FitMonitor, Callback, SearchMonitor, AutoCloseable {
    private final RunLog log = new RunLog();
    private final DashboardServer server;
    private long last = System.nanoTime();
    private final java.util.Set<String> figureKinds = new java.util.LinkedHashSet<>();

    private Dashboard(int port, String title) {
        server = DashboardServer.start(port, log);
        log.publish("start", Map.of("title", title));
    }

    /** Serves a dashboard for a run called {@code title} on 127.0.0.1:{@code port} (0: any free port). */
    public static Dashboard start(int port, String title) {
        return new Dashboard(port, title);
    }

    /** The page's address. */
    public URI uri() {
        return server.uri();
    }

    /** The run's events so far. */
    public RunLog log() {
        return log;
    }

    /** The server, for its counts of browsers. */
    public DashboardServer server() {
        return server;
    }

    @Override
    public void onIteration(int iteration, int maxIterations, double loss, double validationScore) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("epoch", iteration);
        e.put("of", maxIterations);
        e.put("loss", loss);
        e.put("validation_score", validationScore);
        e.put("seconds", lap());
        log.publish("epoch", e);
    }

    @Override
    public void onEpochBegin(Sequential model, int epoch) {
        if (epoch == 0) {
            lap();
        }
    }

    @Override
    public void onEpochEnd(Sequential model, int epoch, Map<String, Double> logs) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("epoch", epoch + 1);
        logs.forEach(e::put);
        e.put("learning_rate", model.optimizer().learningRate());
        e.put("seconds", lap());
        log.publish("epoch", e);
    }

    @Override
    public void onFit(int candidate, Map<String, Object> params, int split, double testScore, double fitSeconds,
                      int done, int total) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("candidate", candidate);
        e.put("params", params.toString());
        e.put("split", split);
        e.put("test_score", testScore);
        e.put("fit_seconds", fitSeconds);
        e.put("done", done);
        e.put("total", total);
        log.publish("fit", e);
    }

    /** Adds a figure of the run (as {@code --plots} draws them), shown with the results. */
    public void addFigure(dev.jnn.plot.Figure figure) {
        server.addFigure(figure.kind(), figure.png());
        figureKinds.add(figure.kind());
    }

    /**
     * The end of the run: the report's fields (scores, the confusion matrix, the class names...) for the page, with
     * the figures added before it.
     */
    public void finish(Map<String, ?> report) {
        Map<String, Object> end = new LinkedHashMap<>(report);
        if (!figureKinds.isEmpty()) {
            end.put("figures", java.util.List.copyOf(figureKinds));
        }
        log.publish("end", end);
    }

    private double lap() {
        long now = System.nanoTime();
        double s = (now - last) / 1e9;
        last = now;
        return s;
    }

    /** Stops the server. */
    @Override
    public void close() {
        server.close();
    }
}
