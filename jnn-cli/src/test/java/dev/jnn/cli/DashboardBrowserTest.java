package dev.jnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@code jnn fit --dashboard} in headless Chromium, driven through the DevTools protocol (the JDK's WebSocket
 * client): the charts' data points grow while the fit runs and reach its epoch count, the results appear, and a
 * screenshot of the page is not blank. Skipped with a message where Chromium is missing, except in CI.
 */
class DashboardBrowserTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int EPOCHS = 400;

    /** A DevTools session on one page: commands by id, answers matched back. */
    private static final class DevTools implements WebSocket.Listener {
        private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
        private final AtomicInteger ids = new AtomicInteger();
        private final StringBuilder frame = new StringBuilder();
        private WebSocket socket;

        JsonNode call(String method, Map<String, Object> params) throws Exception {
            int id = ids.incrementAndGet();
            CompletableFuture<JsonNode> answer = new CompletableFuture<>();
            pending.put(id, answer);
            socket.sendText(JSON.writeValueAsString(Map.of("id", id, "method", method, "params", params)), true);
            return answer.get(30, TimeUnit.SECONDS).path("result");
        }

        String eval(String expression) throws Exception {
            return call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true))
                    .path("result").path("value").asText();
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            frame.append(data);
            if (last) {
                try {
                    JsonNode msg = JSON.readTree(frame.toString());
                    CompletableFuture<JsonNode> f = msg.has("id") ? pending.remove(msg.get("id").asInt()) : null;
                    if (f != null) {
                        f.complete(msg);
                    }
                } catch (Exception e) {
                    pending.values().forEach(f -> f.completeExceptionally(e));
                }
                frame.setLength(0);
            }
            ws.request(1);
            return null;
        }
    }

    @Test
    void theChartsGrowDuringTheFitAndShowTheEnd() throws Exception {
        Path browser = PlotsCommandTest.chromium();
        if (browser == null) {
            Assumptions.assumeTrue(System.getenv("CI") == null, "CI must have Chromium (.ci/run installs it)");
            Assumptions.abort("Chromium is not installed (apt-get install chromium): the dashboard was not opened");
        }
        CliRun cli = new CliRun();
        int[] code = {-1};
        Thread fit = new Thread(() -> code[0] = cli.run("fit", "--data", "digits", "--max-iter", "" + EPOCHS,
                "--n-iter-no-change", "" + EPOCHS, "--hidden-layer-sizes", "256", "--random-state", "0", "--quiet", "--dashboard", "--dashboard-keep"));
        fit.start();
        Process chrome = null;
        try {
            String url = await(cli, Pattern.compile("Dashboard: (http://127\\.0\\.0\\.1:\\d+/)"));
            Path profile = Files.createTempDirectory("jnn-chromium");
            chrome = new ProcessBuilder(browser.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--user-data-dir=" + profile, "--remote-debugging-port=0",
                    "--window-size=1000,800", url).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            DevTools page = connect(chrome, url);
            // While the fit runs, the loss chart's data points grow.
            Set<Integer> seen = new HashSet<>();
            List<Integer> order = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 120_000;
            while (System.currentTimeMillis() < deadline) {
                String[] s = page.eval("(document.getElementById('loss') ? document.getElementById('loss')"
                        + ".dataset.points : '-1') + ' ' + (document.body ? document.body.dataset.state : 'loading')")
                        .split(" ");
                int points = Integer.parseInt(s[0]);
                if (s[1].equals("ended")) {
                    break;
                }
                if (s[1].equals("running") && points > 0 && seen.add(points)) {
                    order.add(points);
                }
                Thread.sleep(100);
            }
            assertTrue(order.size() >= 2, "data points seen while running: " + order);
            for (int i = 1; i < order.size(); i++) {
                assertTrue(order.get(i) > order.get(i - 1), "data points grow: " + order);
            }
            await(cli, Pattern.compile("(until Ctrl-C)"));
            assertEquals(EPOCHS + "", page.eval("document.getElementById('loss').dataset.points"));
            assertEquals(EPOCHS + "", page.eval("document.getElementById('seconds').dataset.points"));
            assertEquals("ended", page.eval("document.body.dataset.state"));
            String metrics = page.eval("document.getElementById('metrics').innerText");
            assertTrue(metrics.contains("test_accuracy") && metrics.contains("n_iter"), metrics);
            assertTrue(page.eval("document.getElementById('confusion').innerText").contains("true"));
            String decoded = "";                            // the figures of --plots, decoded by the browser
            for (int i = 0; i < 100 && !decoded.matches("[5-9] of [5-9]"); i++) {
                decoded = page.eval("(function(){var i=document.querySelectorAll('#figures img'),n=0;"
                        + "i.forEach(function(x){if(x.complete&&x.naturalWidth>0)n++;});return n+' of '+i.length;})()");
                Thread.sleep(100);
            }
            assertTrue(decoded.matches("[5-9] of [5-9]") && decoded.charAt(0) == decoded.charAt(5),
                    "figures decoded: " + decoded);
            byte[] png = Base64.getDecoder().decode(page.call("Page.captureScreenshot", Map.of("format", "png"))
                    .path("data").asText());
            BufferedImage shot = ImageIO.read(new ByteArrayInputStream(png));
            Set<Integer> colours = new HashSet<>();
            int inked = 0;
            for (int y = 0; y < shot.getHeight(); y += 2) {
                for (int x = 0; x < shot.getWidth(); x += 2) {
                    int rgb = shot.getRGB(x, y) & 0xffffff;
                    colours.add(rgb);
                    inked += rgb != 0xffffff ? 1 : 0;
                }
            }
            assertTrue(colours.size() > 20 && inked > shot.getWidth() * shot.getHeight() / 400,
                    "the screenshot has " + colours.size() + " colours and " + inked + " non-white samples");
        } finally {
            if (chrome != null) {
                chrome.destroyForcibly();
            }
            fit.interrupt();                                // ends --dashboard-keep's wait
            fit.join(30_000);
        }
        assertTrue(code[0] != -1, "the fit ended once interrupted");
    }

    /** Waits for the CLI's output to match; returns the first group. */
    private static String await(CliRun cli, Pattern p) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            Matcher m = p.matcher(cli.out.toString());
            if (m.find()) {
                return m.group(1);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no " + p + " in the output: " + cli.out + cli.err);
    }

    /** Reads the DevTools address Chromium prints, finds the dashboard's page and opens a session on it. */
    private static DevTools connect(Process chrome, String url) throws Exception {
        BufferedReader err = new BufferedReader(new InputStreamReader(chrome.getErrorStream(), StandardCharsets.UTF_8));
        String ws = null;
        for (String line; ws == null && (line = err.readLine()) != null; ) {
            Matcher m = Pattern.compile("DevTools listening on (ws://\\S+)").matcher(line);
            if (m.find()) {
                ws = m.group(1);
            }
        }
        assertTrue(ws != null, "Chromium printed no DevTools address");
        Thread drain = new Thread(() -> {
            try {
                err.transferTo(java.io.Writer.nullWriter());
            } catch (java.io.IOException ignored) {
                // Chromium went away
            }
        });
        drain.setDaemon(true);
        drain.start();
        URI browserWs = URI.create(ws);
        HttpClient http = HttpClient.newHttpClient();
        String pageWs = null;
        for (int tries = 0; pageWs == null && tries < 100; tries++) {
            String list = http.send(HttpRequest.newBuilder(URI.create("http://" + browserWs.getAuthority()
                    + "/json/list")).build(), HttpResponse.BodyHandlers.ofString()).body();
            for (JsonNode t : JSON.readTree(list)) {
                if (t.path("type").asText().equals("page") && t.path("url").asText().startsWith(url)) {
                    pageWs = t.path("webSocketDebuggerUrl").asText();
                }
            }
            if (pageWs == null) {
                Thread.sleep(100);
            }
        }
        assertTrue(pageWs != null, "Chromium shows no page at " + url);
        DevTools tools = new DevTools();
        tools.socket = http.newWebSocketBuilder().buildAsync(URI.create(pageWs), tools).get(30, TimeUnit.SECONDS);
        return tools;
    }
}
