package dev.jnn.plot.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The dashboard's server: the served set and nothing else, query checks, and event streams to many browsers. */
class DashboardServerTest {
    /** The response head and body to a request sent byte for byte (no client-side path normalising). */
    private static String request(DashboardServer s, String method, String path, String... headers) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", s.uri().getPort())) {
            OutputStream out = socket.getOutputStream();
            StringBuilder req = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
            for (String h : headers) {
                req.append(h).append("\r\n");
            }
            out.write(req.append("Connection: close\r\n\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static int status(String response) {
        return Integer.parseInt(response.substring(9, 12));
    }

    @Test
    void servesThePageAndChartJsAndNothingElse() throws IOException {
        RunLog log = new RunLog();
        try (DashboardServer s = DashboardServer.start(0, log)) {
            assertEquals("127.0.0.1", s.uri().getHost());
            String page = request(s, "GET", "/");
            assertEquals(200, status(page));
            assertTrue(page.contains("/dashboard.js") && page.contains("data-points"), page);
            assertTrue(request(s, "GET", "/chart.umd.min.js").contains("Chart"));
            assertEquals(200, status(request(s, "GET", "/dashboard.css")));
            for (String bad : new String[] {"/../pom.xml", "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc%2fpasswd",
                "/%2E%2E%5C%2E%2E%5Cwindows", "/dashboard.js/../index.html", "//etc/passwd", "/index.html",
                "/dev/jnn/plot/live/index.html", "/META-INF/resources/webjars/chart.js/4.5.1/dist/chart.umd.min.js",
                "/dashboard.js%00.css", "/?x=1", "/nope"}) {
                String r = request(s, "GET", bad);
                assertEquals(404, status(r), bad + " -> " + r);
            }
            assertEquals(405, status(request(s, "POST", "/")));
            byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
            s.addFigure("loss_curve", png);
            String fig = request(s, "GET", "/figures/loss_curve.png");
            assertEquals(200, status(fig));
            assertTrue(fig.toLowerCase().contains("content-type: image/png"), fig);
            for (String bad : new String[] {"/figures/../dashboard.js", "/figures/nope.png", "/figures/loss_curve",
                "/figures/loss_curve.png?x", "/figures/%6coss_curve.png", "/figures/"}) {
                assertEquals(404, status(request(s, "GET", bad)), bad);
            }
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> s.addFigure("../x", png));
            for (String q : new String[] {"from=abc", "from=-1", "from=99999999999999", "x=1", "from=1&from=2"}) {
                assertEquals(400, status(request(s, "GET", "/events?" + q)), q);
            }
            assertEquals(400, status(request(s, "GET", "/events", "Last-Event-ID: x")));
            for (String path : new String[] {"/", "/dashboard.js", "/nope"}) {
                assertFalse(request(s, "GET", path, "Origin: http://evil.example").toLowerCase()
                        .contains("access-control-allow"), path);
            }
        }
    }

    /** Reads one event stream to its end; returns the events' data lines. */
    private static List<String> readStream(DashboardServer s, String path, String... headers) throws IOException {
        List<String> data = new ArrayList<>();
        try (Socket socket = new Socket("127.0.0.1", s.uri().getPort())) {
            StringBuilder req = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
            for (String h : headers) {
                req.append(h).append("\r\n");
            }
            socket.getOutputStream().write(req.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            for (String line; (line = in.readLine()) != null; ) {
                if (line.startsWith("data: ")) {
                    data.add(line.substring(6));
                    if (line.contains("\"type\":\"end\"")) {
                        return data;
                    }
                } else if (line.startsWith("id: ")) {
                    data.add(line);
                }
            }
        }
        return data;
    }

    @Test
    void fiftyBrowsersEachGetEveryEventInOrder() throws Exception {
        RunLog log = new RunLog();
        try (DashboardServer s = DashboardServer.start(0, log);
             ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<List<String>>> clients = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                clients.add(pool.submit(() -> readStream(s, "/events")));
            }
            for (int e = 1; e <= 30; e++) {
                log.publish("epoch", Map.of("epoch", e, "loss", 1.0 / e));
                Thread.sleep(2);
            }
            log.publish("end", Map.of("accuracy", 0.5));
            for (Future<List<String>> c : clients) {
                List<String> got = c.get().stream().filter(l -> !l.startsWith("id: ")).toList();
                assertEquals(31, got.size(), got.toString());
                assertTrue(got.get(0).contains("\"epoch\":1"), got.get(0));
                assertTrue(got.get(29).contains("\"epoch\":30"), got.get(29));
            }
            assertEquals(50, s.clientsThatSawTheEnd());
        }
    }

    @Test
    void aReconnectingBrowserResumesAfterItsLastEventId() throws Exception {
        RunLog log = new RunLog();
        for (int e = 0; e < 10; e++) {
            log.publish("epoch", Map.of("epoch", e));
        }
        log.publish("end", Map.of());
        try (DashboardServer s = DashboardServer.start(0, log)) {
            List<String> got = readStream(s, "/events", "Last-Event-ID: 6");
            assertEquals("id: 7", got.get(0));
            assertTrue(got.get(1).contains("\"epoch\":7"), got.toString());
            assertEquals("id: 3", readStream(s, "/events?from=3").get(0));
        }
    }

    @Test
    void aBrowserThatNeverReadsDoesNotHoldUpTheRun() throws Exception {
        RunLog log = new RunLog();
        try (DashboardServer s = DashboardServer.start(0, log);
             Socket stuck = new Socket("127.0.0.1", s.uri().getPort())) {
            stuck.setReceiveBufferSize(1024);
            stuck.getOutputStream().write("GET /events HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            String pad = "x".repeat(200);
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                for (int e = 0; e < 50_000; e++) {           // ~11 MB of events that the stuck browser never reads
                    log.publish("epoch", Map.of("epoch", e, "pad", pad));
                }
                log.publish("end", Map.of());
                List<String> other = readStream(s, "/events?from=49990");
                assertEquals(11, other.stream().filter(l -> !l.startsWith("id: ")).count());
            });
        }
    }

    @Test
    void theLogIsBoundedAndKeepsTheEnd() {
        RunLog log = new RunLog();
        for (int e = 0; e < RunLog.CAPACITY + 10; e++) {
            log.publish("epoch", Map.of("epoch", e));
        }
        assertEquals(RunLog.CAPACITY, log.size());
        assertEquals(10, log.coalesced());
        log.publish("end", Map.of("loss", Double.NaN));
        assertEquals(RunLog.CAPACITY + 1, log.size());
        assertTrue(log.ended());
        log.publish("epoch", Map.of("epoch", -1));        // nothing after the end
        assertEquals(RunLog.CAPACITY + 1, log.size());
    }
}
