package dev.jnn.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Checks an output path before any work starts, so that a long fit never ends in "no such directory". */
final class OutputPaths {
    private OutputPaths() {
    }

    /** Fails with a usage error naming {@code option} when {@code file} cannot be written; null passes. */
    static void check(String option, Path file) {
        if (file == null) {
            return;
        }
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(option + " " + file + ": is a directory");
        }
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException(option + " " + file + ": directory " + dir + " does not exist");
        }
        if (dir != null && !Files.isWritable(dir) && !(Files.exists(file) && !Files.isRegularFile(file))) {
            throw new IllegalArgumentException(option + " " + file + ": directory " + dir + " is not writable");
        }
    }
}
