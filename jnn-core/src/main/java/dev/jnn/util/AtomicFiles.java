package dev.jnn.util;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes files so that readers never see a half-written one: the bytes go to a temporary file beside the target,
 * which is then renamed over it. On failure the temporary file is removed and the target is left as it was.
 * Only regular files are replaced so: a target that is a character device, FIFO or socket ({@code /dev/null},
 * {@code /dev/stdout}, a named pipe), or a link to one, is written through and never replaced; a link to a
 * regular file has the file it names replaced, and stays a link. A new file gets the permissions the umask
 * gives; a replaced file keeps its own.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Replaces {@code target} with {@code bytes}, atomically where the file system allows. */
    public static void write(Path target, byte[] bytes) throws IOException {
        Path abs = target.toAbsolutePath();
        if (Files.exists(abs)) {
            if (Files.isDirectory(abs)) {
                throw new IOException(target + ": is a directory");
            }
            if (!Files.isRegularFile(abs)) {
                try (OutputStream out = Files.newOutputStream(abs, StandardOpenOption.WRITE)) {
                    out.write(bytes);
                }
                return;
            }
            abs = abs.toRealPath();
        }
        Path dir = abs.getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw new IOException(target + ": directory " + dir + " does not exist");
        }
        Path tmp;
        try {
            tmp = newTemporary(dir, abs.getFileName().toString());
        } catch (IOException e) {
            throw new IOException(target + ": " + reason(e), e);   // the target, not the temporary name
        }
        try {
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.WRITE)) {
                out.write(bytes);
            }
            keepPermissions(abs, tmp);
            moveIntoPlace(tmp, abs);
        } catch (IOException e) {
            throw new IOException(target + ": " + reason(e), e);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** What went wrong, without the path it went wrong on. */
    private static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage();
    }

    /** The temporaries' suffix, which marks them as jnn's for the clean-up of ones a killed run left behind. */
    static final String SUFFIX = ".jnn.tmp";
    private static final long STALE_MILLIS = 24L * 3600 * 1000;
    /** Room for the dot, the random part and the suffix within the usual 255-byte name limit. */
    private static final int NAME_BYTES = 255 - 1 - 1 - 13 - SUFFIX.length();

    /**
     * A new empty file beside the target, named {@code .NAME.RANDOM.jnn.tmp} (NAME cut to fit the 255-byte name
     * limit), with the permissions the umask gives (unlike {@code Files.createTempFile}, which makes every file
     * 0600). Temporaries of this form older than a day, which only a killed run leaves, are removed first.
     */
    public static Path newTemporary(Path dir, String name) throws IOException {
        removeStale(dir);
        String prefix = fit(name);
        for (int attempt = 0; ; attempt++) {
            Path tmp = dir.resolve("." + prefix + "." + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36)
                    + SUFFIX);
            try {
                return Files.createFile(tmp);
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
    }

    /** {@code name} cut to at most {@link #NAME_BYTES} UTF-8 bytes, on a character boundary. */
    private static String fit(String name) {
        StringBuilder out = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            int n = new String(Character.toChars(cp)).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            if (bytes + n > NAME_BYTES) {
                break;
            }
            out.appendCodePoint(cp);
            bytes += n;
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    /** Deletes this directory's jnn temporaries older than a day; what cannot be listed or deleted is left. */
    private static void removeStale(Path dir) {
        long cutoff = System.currentTimeMillis() - STALE_MILLIS;
        try (java.nio.file.DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "." + "*" + SUFFIX)) {
            for (Path p : ds) {
                try {
                    if (Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                            && Files.getLastModifiedTime(p).toMillis() < cutoff) {
                        Files.deleteIfExists(p);
                    }
                } catch (IOException ignored) {
                    // another run's, or not ours to delete: leave it
                }
            }
        } catch (IOException | SecurityException ignored) {
            // an unreadable directory: the write itself will report the real problem
        }
    }

    /** Gives {@code tmp} the POSIX permissions of an existing {@code target}, so that replacing it keeps them. */
    private static void keepPermissions(Path target, Path tmp) throws IOException {
        if (Files.exists(target)) {
            try {
                Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(target));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the default permissions stand
            }
        }
    }

    /** Renames a finished temporary file over {@code target}, atomically where the file system allows. */
    public static void moveIntoPlace(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
