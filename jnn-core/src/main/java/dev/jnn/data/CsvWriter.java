package dev.jnn.data;

import dev.jnn.util.AtomicFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes {@link Samples} as CSV that {@link CsvReader} reads back: a header ({@code x0..x(n-1)} and
 * {@code label}), the features in Java's shortest round-trip notation, then the label, quoted when it needs to be.
 * The file is replaced atomically.
 */
public final class CsvWriter {
    private CsvWriter() {
    }

    /** Writes the rows to {@code file}. */
    public static void write(Path file, Samples rows) throws IOException {
        StringBuilder sb = new StringBuilder();
        int cols = rows.x().cols();
        for (int c = 0; c < cols; c++) {
            sb.append('x').append(c).append(',');
        }
        sb.append("label\n");
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < cols; c++) {
                double v = rows.x().get(r, c);
                sb.append(v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v));
                sb.append(',');
            }
            sb.append(quote(rows.labels()[r])).append('\n');
        }
        AtomicFiles.write(file, sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    static String quote(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.equals(field.strip())) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}
