package dev.jnn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jnn.data.DataException;
import dev.jnn.plot.live.DashboardServer;
import dev.jnn.plot.live.RunLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * {@code jnn dashboard DIR}: the dashboard page with every {@code jnn fit --report} file found under DIR overlaid,
 * a run per file (its loss curve, validation curve, seconds per epoch and test score), as TensorBoard's scalars
 * page compares runs. Serves until Ctrl-C.
 */
@Command(name = "dashboard", mixinStandardHelpOptions = true,
        description = "Serve the dashboard with the runs of every jnn fit --report JSON file under DIR overlaid.")
final class DashboardCommand implements Callable<Integer> {
    /** Directory levels searched below DIR. */
    static final int DEPTH = 4;
    /** Report files read at most. */
    static final int MAX_RUNS = 200;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "A directory holding --report files (searched " + DEPTH
            + " levels deep).")
    Path dir;

    @Option(names = "--port", defaultValue = "0", description = "The port on 127.0.0.1 (default: any free port).")
    int port;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be 0..65535; got " + port);
        }
        if (!Files.isDirectory(dir)) {
            throw new DataException(dir + ": no such directory");
        }
        RunLog log = new RunLog();
        log.publish("start", Map.of("title", "runs under " + dir));
        int runs = 0;
        for (Path p : reports()) {
            Map<String, Object> run = run(p);
            if (run != null) {
                log.publish("run", run);
                runs++;
            }
        }
        if (runs == 0) {
            throw new DataException(dir + ": no jnn fit --report files (JSON with a loss_curve or a history)");
        }
        log.publish("end", Map.of("runs", runs));
        PrintWriter out = spec.commandLine().getOut();
        try (DashboardServer server = DashboardServer.start(port, log)) {
            out.println("Dashboard of " + runs + " run" + (runs == 1 ? "" : "s") + ": " + server.uri()
                    + " (Ctrl-C to stop)");
            out.flush();
            new CountDownLatch(1).await();
        }
        return 0;
    }

    private List<Path> reports() throws IOException {
        try (Stream<Path> files = Files.walk(dir, DEPTH)) {
            return files.filter(p -> p.toString().endsWith(".json") && Files.isRegularFile(p)).sorted()
                    .limit(MAX_RUNS).toList();
        }
    }

    /** A report's curves as a "run" event, or null for JSON that is not a fit report (skipped). */
    private Map<String, Object> run(Path p) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(p.toFile());
        } catch (IOException e) {
            return null;
        }
        JsonNode history = root.path("history");
        JsonNode loss = history.has("loss") ? history.get("loss") : root.path("loss_curve");
        if (!loss.isArray() || loss.isEmpty()) {
            return null;
        }
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("name", dir.relativize(p).toString().replaceFirst("\\.json$", ""));
        run.put("loss", numbers(loss));
        if (history.has("val_loss")) {
            run.put("val_loss", numbers(history.get("val_loss")));
        }
        if (root.path("validation_scores").isArray()) {
            run.put("validation_score", numbers(root.get("validation_scores")));
        }
        if (root.path("epoch_seconds").isArray()) {
            run.put("seconds", numbers(root.get("epoch_seconds")));
        }
        JsonNode test = root.path("test");
        for (String key : new String[] {"accuracy", "r2"}) {
            if (test.path(key).isNumber()) {
                run.put("test_" + key, test.get(key).asDouble());
            }
        }
        return run;
    }

    private static List<Double> numbers(JsonNode array) {
        List<Double> out = new ArrayList<>();
        array.forEach(n -> out.add(n.isNumber() ? n.asDouble() : null));   // null: a gap in the chart
        return out;
    }
}
