package dev.jnn.data;

import dev.jnn.util.AtomicFiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;

/**
 * Fetches one file over HTTP into a directory: the bytes go to a temporary file, the SHA-256 of their uncompressed
 * content is checked, and only then is the file renamed into place. A failed, short or corrupt transfer leaves
 * nothing behind.
 */
public final class Downloader {
    /** Progress of one transfer. */
    public interface Listener {
        /** A transfer starts; {@code totalBytes} is -1 when the server does not say. */
        default void started(String file, long totalBytes) {
        }

        /** {@code bytes} have arrived so far. */
        default void progress(long bytes) {
        }

        /** The transfer ended (successfully or not). */
        default void finished() {
        }
    }

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(20)).build();

    /** An exception's class and message, e.g. {@code UnknownHostException: yann.lecun.com}. */
    static String reason(Throwable e) {
        String m = e.getMessage();
        String own = e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
        return e.getCause() != null && m == null ? own + ", " + reason(e.getCause()) : own;
    }

    /**
     * Downloads {@code url} to {@code target} after checking that its content (decompressed when gzip) has the
     * given SHA-256.
     */
    public void download(URI url, Path target, String sha256, Listener listener) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = AtomicFiles.newTemporary(dir, target.getFileName().toString());
        try {
            HttpResponse<InputStream> response;
            try {
                response = client.send(HttpRequest.newBuilder(url).timeout(Duration.ofMinutes(10)).GET().build(),
                        HttpResponse.BodyHandlers.ofInputStream());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while downloading " + url, e);
            } catch (IOException e) {
                // offline, DNS or a refused connection: the JDK's message is often null, so name the failure
                throw new IOException("cannot download " + url + " (" + reason(e) + "); without a network, put the"
                        + " files in " + dir + " yourself", e);
            }
            long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            long got = 0;
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new IOException(url + ": HTTP " + response.statusCode());
                }
                listener.started(target.getFileName().toString(), declared);
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    byte[] buf = new byte[1 << 16];
                    int n;
                    while ((n = body.read(buf)) > 0) {
                        out.write(buf, 0, n);
                        got += n;
                        listener.progress(got);
                    }
                }
            } finally {
                listener.finished();
            }
            if (declared >= 0 && got != declared) {
                throw new IOException(url + ": transfer ended after " + got + " of " + declared + " bytes");
            }
            String actual = sha256(tmp);
            if (!actual.equals(sha256)) {
                throw new IOException(url + ": checksum mismatch: SHA-256 of the content is " + actual + ", expected "
                        + sha256);
            }
            AtomicFiles.moveIntoPlace(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The SHA-256 of a file's content, decompressing it first when it is gzip. */
    public static String sha256(Path file) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        boolean gz;
        try (InputStream in = Files.newInputStream(file)) {
            gz = in.read() == 0x1f && in.read() == 0x8b;
        }
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = new DigestInputStream(gz ? new GZIPInputStream(raw, 1 << 16) : raw, md)) {
            byte[] buf = new byte[1 << 16];
            while (in.read(buf) > 0) {
                // the digest stream hashes what passes through
            }
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw new IOException(file.getFileName() + ": corrupt gzip data (" + e.getMessage() + ")");
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
