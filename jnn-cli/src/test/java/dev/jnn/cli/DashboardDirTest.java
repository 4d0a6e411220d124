package dev.jnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jnn dashboard DIR}: the reports under DIR, a run each, and its errors. */
class DashboardDirTest {
    @TempDir
    Path dir;

    @Test
    void everyReportUnderTheDirectoryBecomesARun() throws Exception {
        Files.createDirectories(dir.resolve("sub"));
        assertEquals(0, new CliRun().run("fit", "--data", "iris", "--max-iter", "15", "--quiet", "--report",
                dir.resolve("sub/relu.json").toString()));
        assertEquals(0, new CliRun().run("fit", "--data", "iris", "--max-iter", "25", "--activation", "tanh",
                "--quiet", "--report", dir.resolve("tanh.json").toString()));
        Files.writeString(dir.resolve("other.json"), "{\"not\": \"a report\"}");
        Files.writeString(dir.resolve("broken.json"), "{");
        CliRun cli = new CliRun();
        Thread serve = new Thread(() -> cli.run("dashboard", dir.toString()));
        serve.start();
        try {
            String url = null;
            for (int i = 0; i < 600 && url == null; i++) {
                Matcher m = Pattern.compile("Dashboard of 2 runs: (http://127\\.0\\.0\\.1:\\d+/)").matcher(cli.out.toString());
                if (m.find()) {
                    url = m.group(1);
                } else {
                    Thread.sleep(50);
                }
            }
            assertTrue(url != null, cli.out + " " + cli.err);
            String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "events")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            List<JsonNode> runs = new ArrayList<>();
            for (String line : body.split("\n")) {
                if (line.startsWith("data: ")) {
                    JsonNode e = new ObjectMapper().readTree(line.substring(6));
                    if (e.get("type").asText().equals("run")) {
                        runs.add(e);
                    }
                }
            }
            assertEquals(2, runs.size(), body);
            assertEquals("sub/relu", runs.get(0).get("name").asText());
            assertEquals(15, runs.get(0).get("loss").size());
            assertEquals(15, runs.get(0).get("seconds").size());
            assertEquals("tanh", runs.get(1).get("name").asText());
            assertEquals(25, runs.get(1).get("loss").size());
            JsonNode report = new ObjectMapper().readTree(dir.resolve("tanh.json").toFile());
            assertEquals(report.get("loss_curve").get(24).asDouble(), runs.get(1).get("loss").get(24).asDouble());
            assertEquals(report.get("test").get("accuracy").asDouble(), runs.get(1).get("test_accuracy").asDouble());
        } finally {
            serve.interrupt();
            serve.join(10_000);
        }
    }

    @Test
    void aMissingOrEmptyDirectoryIsADataError() throws Exception {
        CliRun cli = new CliRun();
        assertEquals(1, cli.run("dashboard", dir.resolve("none").toString()));
        assertTrue(cli.err.toString().contains("no such directory"), cli.err.toString());
        Files.writeString(dir.resolve("x.json"), "[]");
        cli = new CliRun();
        assertEquals(1, cli.run("dashboard", dir.toString()));
        assertTrue(cli.err.toString().contains("no jnn fit --report files"), cli.err.toString());
        cli = new CliRun();
        assertEquals(2, cli.run("dashboard", dir.toString(), "--port", "70000"));
        assertEquals("jnn: --port must be 0..65535; got 70000", cli.err.toString().strip());
    }
}
