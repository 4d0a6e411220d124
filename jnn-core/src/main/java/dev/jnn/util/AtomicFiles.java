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
        Path tmp = newTemporary(dir, abs.getFileName().toString());
        try {
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.WRITE)) {
                out.write(bytes);
            }
            keepPermissions(abs, tmp);
            moveIntoPlace(tmp, abs);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * A new empty file beside the target, named {@code .NAME.RANDOM.tmp}, with the permissions the umask gives
     * (unlike {@code Files.createTempFile}, which makes every file 0600).
     */
    public static Path newTemporary(Path dir, String name) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path tmp = dir.resolve("." + name + "." + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36)
                    + ".tmp");
            try {
                return Files.createFile(tmp);
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
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
