package dev.jnn.data;

import com.sun.net.httpserver.HttpServer;
import dev.jnn.tensor.DType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The search order and the downloader, against an HTTP server on loopback serving small IDX files. */
class DataStoreTest {
    private static final String[] NAMES = {"train-images-idx3-ubyte", "train-labels-idx1-ubyte",
        "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"};

    @TempDir
    Path tmp;

    private HttpServer server;
    private final Map<String, byte[]> served = new ConcurrentHashMap<>();
    private final Map<String, Integer> cutAfter = new ConcurrentHashMap<>();
    private final Map<String, byte[]> raw = new ConcurrentHashMap<>();

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            String file = ex.getRequestURI().getPath().substring(1);
            byte[] body = served.get(file);
            if (body == null) {
                ex.sendResponseHeaders(404, -1);
                ex.close();
                return;
            }
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                int n = cutAfter.getOrDefault(file, body.length);
                out.write(body, 0, n);
                if (n < body.length) {
                    out.flush();
                    ex.getHttpContext().getServer().stop(0); // drop the connection mid-body
                }
            } catch (IOException ignored) {
                // the client side sees the short body
            }
        });
        server.start();
        for (int k = 0; k < 4; k++) {
            boolean images = NAMES[k].contains("images");
            int n = k < 2 ? 6 : 3;
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            b.write(new byte[]{0, 0, 8, (byte) (images ? 3 : 1)});
            writeInt(b, n);
            if (images) {
                writeInt(b, 2);
                writeInt(b, 2);
            }
            for (int i = 0; i < (images ? n * 4 : n); i++) {
                b.write(images ? (i * 37) % 256 : i % 3);
            }
            raw.put(NAMES[k], b.toByteArray());
            served.put(NAMES[k] + ".gz", gzip(b.toByteArray()));
        }
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private RemoteSet set(List<Path> systemDirs) throws Exception {
        List<RemoteSet.RemoteFile> files = new ArrayList<>();
        for (String n : NAMES) {
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw.get(n)));
            files.add(new RemoteSet.RemoteFile(n, sha, URI.create("http://127.0.0.1:" + server.getAddress().getPort()
                    + "/" + n + ".gz")));
        }
        return new RemoteSet("tiny", files, systemDirs, "copy the files by hand");
    }

    @Test
    void downloadsVerifiesAndLoads() throws Exception {
        Path cache = tmp.resolve("cache");
        List<Long> progress = new ArrayList<>();
        DataStore store = new DataStore(null, cache, true, new Downloader.Listener() {
            @Override
            public void progress(long bytes) {
                progress.add(bytes);
            }
        });
        RemoteSet set = set(List.of(tmp.resolve("nowhere")));
        Path dir = store.locate(set, null);
        assertEquals(cache.resolve("tiny"), dir);
        assertTrue(Files.isRegularFile(dir.resolve("train-images-idx3-ubyte.gz")));
        assertTrue(!progress.isEmpty());
        DataStore.verify(set, dir);
        Dataset d = Datasets.idx(set, dir, DType.FLOAT32, true);
        assertEquals(6, d.train().size());
        assertEquals(3, d.test().size());
        assertEquals(37 / 255.0, d.train().x().get(0, 1), 1e-7);
        assertArrayEquals(new int[]{0, 1, 2}, d.test().y());
        // A second locate finds the cache without the server.
        server.stop(0);
        assertEquals(dir, store.locate(set, null));
    }

    @Test
    void checksumMismatchLeavesTheCacheClean() throws Exception {
        RemoteSet set = set(List.of());
        served.put(NAMES[2] + ".gz", gzip(new byte[]{0, 0, 8, 1, 0, 0, 0, 1, 9}));
        Path cache = tmp.resolve("cache");
        DataException e = assertThrows(DataException.class,
                () -> new DataStore(null, cache, true, null).locate(set, null));
        assertTrue(e.getMessage().contains("checksum mismatch") && e.getMessage().contains("copy the files by hand"),
                e.getMessage());
        assertLeftClean(cache.resolve("tiny"), NAMES[2]);
    }

    @Test
    void truncatedTransferLeavesTheCacheClean() throws Exception {
        RemoteSet set = set(List.of());
        cutAfter.put(NAMES[0] + ".gz", served.get(NAMES[0] + ".gz").length / 2);
        Path cache = tmp.resolve("cache");
        DataException e = assertThrows(DataException.class,
                () -> new DataStore(null, cache, true, null).locate(set, null));
        assertTrue(e.getMessage().contains("download:") && !e.getMessage().contains("HTTP 404"), e.getMessage());
        assertLeftClean(cache.resolve("tiny"), NAMES[0]);
    }

    @Test
    void searchOrderExplicitThenJnnDataThenCacheThenSystem() throws Exception {
        Path system = tmp.resolve("system");
        Path jnnData = tmp.resolve("data");
        Path cache = tmp.resolve("cache");
        Path explicit = tmp.resolve("mine");
        for (Path dir : List.of(system, jnnData.resolve("tiny"), cache.resolve("tiny"), explicit)) {
            Files.createDirectories(dir);
            for (String n : NAMES) {
                Files.write(dir.resolve(n), raw.get(n));
            }
        }
        server.stop(0);
        RemoteSet set = set(List.of(system));
        DataStore store = new DataStore(jnnData, cache, false, null);
        assertEquals(explicit, store.locate(set, explicit));
        assertEquals(jnnData.resolve("tiny"), store.locate(set, null));
        Files.delete(jnnData.resolve("tiny").resolve(NAMES[3]));
        assertEquals(cache.resolve("tiny"), store.locate(set, null));
        Files.delete(cache.resolve("tiny").resolve(NAMES[1]));
        assertEquals(system, store.locate(set, null));
        Files.delete(system.resolve(NAMES[0]));
        DataException e = assertThrows(DataException.class, () -> store.locate(set, null));
        assertTrue(e.getMessage().contains("(incomplete)") && e.getMessage().contains("download (not allowed here)")
                && e.getMessage().contains("copy the files by hand"), e.getMessage());
        DataException ex = assertThrows(DataException.class, () -> store.locate(set, tmp.resolve("empty")));
        assertTrue(ex.getMessage().contains("does not hold the tiny files"), ex.getMessage());
    }

    private static void assertLeftClean(Path dir, String failed) throws IOException {
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                String name = p.getFileName().toString();
                assertTrue(!name.startsWith(".") && !name.startsWith(failed), "left behind: " + name);
            }
        }
    }

    private static void writeInt(ByteArrayOutputStream b, int v) {
        b.write(v >>> 24);
        b.write(v >>> 16);
        b.write(v >>> 8);
        b.write(v);
    }

    @Test
    void aLocalCopyIsVerifiedOnceAndACorruptOneIsCaught() throws Exception {
        Path system = tmp.resolve("system");
        Files.createDirectories(system);
        for (String n : NAMES) {
            Files.write(system.resolve(n), raw.get(n));
        }
        RemoteSet set = set(List.of(system));
        Path cache = tmp.resolve("cache");
        DataStore store = new DataStore(null, cache, false, null);
        assertEquals(system, store.locate(set, null));
        Path stamp = cache.resolve(".verified").resolve("tiny-" + NAMES[0] + ".stamp");
        assertTrue(Files.readString(stamp).startsWith(system.resolve(NAMES[0]).toAbsolutePath() + " "));
        byte[] bad = raw.get(NAMES[0]).clone();
        bad[bad.length - 1] ^= 1;                                   // same size, new content and time
        Files.write(system.resolve(NAMES[0]), bad);
        Files.setLastModifiedTime(system.resolve(NAMES[0]), java.nio.file.attribute.FileTime.fromMillis(1000));
        DataException e = assertThrows(DataException.class, () -> store.locate(set, null));
        assertTrue(e.getMessage().startsWith(system.resolve(NAMES[0]) + ": SHA-256 is ") && e.getMessage()
                .endsWith("(a corrupt or partial copy: delete it, and jnn downloads or finds it again)"), e.getMessage());
    }

    @Test
    void anOfflineDownloadSaysWhyItFailed(@TempDir Path dir) throws IOException {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();   // closed again: nothing listens there
        }
        URI url = URI.create("http://127.0.0.1:" + port + "/train-images-idx3-ubyte.gz");
        IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> new Downloader().download(url, dir.resolve("x.gz"), "00", new Downloader.Listener() { }));
        assertTrue(e.getMessage().startsWith("cannot download " + url + " (ConnectException"), e.getMessage());
        assertTrue(e.getMessage().endsWith("; without a network, put the files in " + dir.toAbsolutePath()
                + " yourself"), e.getMessage());
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(bytes)) {
            z.write(data);
        }
        return bytes.toByteArray();
    }
}
