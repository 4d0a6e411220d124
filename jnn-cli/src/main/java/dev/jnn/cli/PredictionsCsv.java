package dev.jnn.cli;

import dev.jnn.util.AtomicFiles;
import dev.jnn.util.PyFormat;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The predictions layout of {@code jnn predict} (and of {@code jnn fit} on an unlabelled test set): a header, then
 * per row the predicted label and, with probabilities, one column per class headed {@code proba_<class>}.
 */
final class PredictionsCsv {
    private PredictionsCsv() {
    }

    /** A field as RFC 4180 writes it: quoted, with quotes doubled, when it holds a comma, quote or line break. */
    static String field(String s) {
        return s.matches("(?s).*[\",\r\n].*") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    /** Writes to {@code file} (atomically) or, when it is null, to {@code out}. */
    static void write(String[] labels, String[] classes, double[][] proba, Path file, PrintWriter out)
            throws IOException {
        StringBuilder csv = new StringBuilder("label");
        if (proba != null) {
            for (String c : classes) {
                csv.append(',').append(field("proba_" + c));
            }
        }
        csv.append('\n');
        for (int r = 0; r < labels.length; r++) {
            csv.append(field(labels[r]));
            if (proba != null) {
                for (double v : proba[r]) {
                    csv.append(',').append(PyFormat.repr(v));
                }
            }
            csv.append('\n');
        }
        if (file != null) {
            AtomicFiles.write(file, csv.toString().getBytes(StandardCharsets.UTF_8));
        } else {
            out.print(csv);
            out.flush();
        }
    }
}
