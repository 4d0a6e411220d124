package dev.jnn.plot.live;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The dashboard's HTTP server (the JDK's {@code com.sun.net.httpserver}, one virtual thread per request), on the
 * loopback address only. It serves a fixed set of files from the jar (the page, its script and style, and
 * Chart.js from its webjar) and the figures added to it: any other path, however encoded, is a 404, so no request reaches a file outside the
 * set. {@code /events} streams the run's {@link RunLog} as server-sent events from {@code ?from=N} (a count of
 * events already seen, or the {@code Last-Event-ID} a reconnecting browser sends). No CORS headers are sent.
 */
public final class DashboardServer implements AutoCloseable {
    private static final String CHART_JS = "/META-INF/resources/webjars/chart.js/4.5.1/dist/chart.umd.min.js";
    /** Path → (resource, content type): the whole served set. */
    private static final Map<String, String[]> FILES = Map.of(
            "/", new String[] {"/dev/jnn/plot/live/index.html", "text/html; charset=utf-8"},
            "/dashboard.js", new String[] {"/dev/jnn/plot/live/dashboard.js", "text/javascript; charset=utf-8"},
            "/dashboard.css", new String[] {"/dev/jnn/plot/live/dashboard.css", "text/css; charset=utf-8"},
            "/chart.umd.min.js", new String[] {CHART_JS, "text/javascript; charset=utf-8"});
    /** How long an idle event stream waits before a comment line that tells a dead connection. */
    private static final long KEEP_ALIVE_MILLIS = 5_000;

    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final RunLog log;
    /** The run's figures by kind ({@code loss_curve}...), served as {@code /figures/KIND.png}. */
    private final Map<String, byte[]> figures = new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicInteger clients = new AtomicInteger();
    private final AtomicInteger sawEnd = new AtomicInteger();
    private volatile boolean closing;

    private DashboardServer(HttpServer server, RunLog log) {
        this.server = server;
        this.log = log;
    }

    /** Serves {@code log} on 127.0.0.1:{@code port} (0: any free port); a taken port is an error naming it. */
    public static DashboardServer start(int port, RunLog log) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--dashboard port must be 0..65535; got " + port);
        }
        HttpServer http;
        try {
            http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("the dashboard cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
        DashboardServer s = new DashboardServer(http, log);
        http.setExecutor(s.threads);
        http.createContext("/", s::handle);
        http.start();
        return s;
    }

    /** The page's address, e.g. {@code http://127.0.0.1:41235/}. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** Serves {@code png} as {@code /figures/KIND.png}; a kind is lower-case letters, digits and underscores. */
    public void addFigure(String kind, byte[] png) {
        if (!kind.matches("[a-z0-9_]{1,64}")) {
            throw new IllegalArgumentException("a figure's kind is [a-z0-9_]{1,64}; got '" + kind + "'");
        }
        figures.put(kind, png.clone());
    }

    /** Event streams opened so far. */
    public int clients() {
        return clients.get();
    }

    /** Event streams that have sent the end event. */
    public int clientsThatSawTheEnd() {
        return sawEnd.get();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if (!ex.getRequestMethod().equals("GET") && !ex.getRequestMethod().equals("HEAD")) {
                send(ex, 405, "text/plain; charset=utf-8", "only GET\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String path = ex.getRequestURI().getRawPath();
            if (path.equals("/events")) {
                Integer from = from(ex);
                if (from == null) {
                    send(ex, 400, "text/plain; charset=utf-8",
                            "from must be a whole number of events, 0 or more\n".getBytes(StandardCharsets.UTF_8));
                    return;
                }
                stream(ex, from);
                return;
            }
            if (path.startsWith("/figures/") && path.endsWith(".png") && ex.getRequestURI().getRawQuery() == null) {
                byte[] png = figures.get(path.substring(9, path.length() - 4));
                if (png != null) {
                    send(ex, 200, "image/png", png);
                    return;
                }
            }
            String[] file = ex.getRequestURI().getRawQuery() == null ? FILES.get(path) : null;
            if (file == null) {
                send(ex, 404, "text/plain; charset=utf-8", "not found\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            try (InputStream in = DashboardServer.class.getResourceAsStream(file[0])) {
                if (in == null) {
                    throw new IllegalStateException("the jar lacks " + file[0]);
                }
                send(ex, 200, file[1], in.readAllBytes());
            }
        }
    }

    /** The event index to start from: ?from=N or Last-Event-ID (the last id seen, so N = id + 1); null when bad. */
    private static Integer from(HttpExchange ex) {
        String query = ex.getRequestURI().getRawQuery();
        String last = ex.getRequestHeaders().getFirst("Last-Event-ID");
        try {
            if (last != null) {
                int id = Integer.parseInt(last.strip());
                return id >= 0 ? id + 1 : null;
            }
            if (query == null) {
                return 0;
            }
            if (!query.startsWith("from=") || query.length() > 15) {
                return null;
            }
            int n = Integer.parseInt(query.substring(5));
            return n >= 0 ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void stream(HttpExchange ex, int from) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(200, 0);
        clients.incrementAndGet();
        OutputStream out = ex.getResponseBody();
        int next = from;
        try {
            while (!closing) {
                List<String> events = log.after(next, KEEP_ALIVE_MILLIS);
                if (events.isEmpty()) {
                    if (log.ended() && next >= log.size()) {
                        return;
                    }
                    out.write(": keep-alive\n\n".getBytes(StandardCharsets.UTF_8));
                } else {
                    StringBuilder b = new StringBuilder();
                    for (String e : events) {
                        b.append("id: ").append(next++).append("\ndata: ").append(e).append("\n\n");
                    }
                    out.write(b.toString().getBytes(StandardCharsets.UTF_8));
                }
                out.flush();
                if (log.ended() && next >= log.size()) {
                    sawEnd.incrementAndGet();
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException gone) {
            // the browser closed the page: its thread ends, the run goes on
        }
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(status, head ? -1 : body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            ex.getResponseBody().write(body);
        }
    }

    /** Stops serving: open event streams end within a second. */
    @Override
    public synchronized void close() {
        if (closing) {
            return;
        }
        closing = true;
        server.stop(1);
        threads.shutdownNow();
    }
}
