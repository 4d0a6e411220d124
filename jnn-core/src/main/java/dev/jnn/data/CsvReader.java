package dev.jnn.data;

import dev.jnn.util.MemoryBudget;
import dev.jnn.util.PyFormat;

import dev.jnn.tensor.Tensor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads a comma-separated file of numeric features with one label column (the last, by default) into a
 * {@link Samples}. A first line whose feature fields are not all numbers is taken as a header; fields may be quoted
 * ({@code "a, b"}, with {@code ""} for a quote); {@code .gz} files are decompressed. A missing or non-numeric
 * feature, or a row of the wrong length, is an error naming the file, line and column.
 */
public final class CsvReader {
    private CsvReader() {
    }

    /** Reads a file whose last column is the label. */
    public static Samples read(Path file) {
        return read(file, -1);
    }

    /** Reads a file with the label in column {@code labelColumn} (0-based; -1 for the last). */
    public static Samples read(Path file, int labelColumn) {
        return read(file, Integer.toString(labelColumn));
    }

    /**
     * Reads a file with the label in the named column: a header name, or a 0-based index ({@code -1} or null for
     * the last column).
     */
    public static Samples read(Path file, String labelColumn) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(in) : in,
                    file.toString(), labelColumn);
        } catch (NoSuchFileException e) {
            throw new DataException(file + ": no such file");
        } catch (java.nio.file.AccessDeniedException e) {
            throw new DataException(file + ": permission denied");
        } catch (IOException e) {
            throw new DataException(file + ": " + e.getMessage(), e);
        }
    }

    /** Reads CSV text from a stream; {@code name} is used in messages. */
    public static Samples read(InputStream in, String name, int labelColumn) throws IOException {
        return read(in, name, Integer.toString(labelColumn));
    }

    /** Reads CSV text from a stream with the label column given by header name or index (null: the last). */
    public static Samples read(InputStream in, String name, String labelColumn) throws IOException {
        String spec = labelColumn == null ? "-1" : labelColumn.strip();
        boolean byIndex = spec.matches("-?\\d+");
        int labelIndex = byIndex ? Integer.parseInt(spec) : -1;
        BufferedReader r = new BufferedReader(new InputStreamReader(new LineLimit(in, name), StandardCharsets.UTF_8));
        List<double[]> rows = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        int width = -1;
        int label = labelIndex;
        String line;
        int lineNo = 0;
        while ((line = r.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            List<String> fields = split(line, name, lineNo);
            if (width < 0) {
                width = fields.size();
                if (width < 2) {
                    throw new DataException(name + " line " + lineNo + ": need at least one feature and a label, found "
                            + width + " field");
                }
                if (!byIndex) {
                    label = fields.stream().map(String::strip).toList().indexOf(spec);
                    if (label < 0) {
                        throw new DataException(name + " line " + lineNo + ": no column named '" + spec
                                + "' in the header " + fields);
                    }
                    continue;
                }
                label = labelIndex < 0 ? width + labelIndex : labelIndex;
                if (label >= width || label < 0) {
                    throw new DataException(name + ": label column " + labelIndex + " does not exist (" + width
                            + " columns)");
                }
                if (isHeader(fields, label)) {
                    continue;
                }
            } else if (fields.size() != width) {
                throw new DataException(name + " line " + lineNo + ": " + fields.size() + " fields, expected " + width);
            }
            double[] row = new double[width - 1];
            int at = 0;
            for (int c = 0; c < width; c++) {
                String f = fields.get(c).trim();
                if (c == label) {
                    if (f.isEmpty()) {
                        throw new DataException(name + " line " + lineNo + ", column " + (c + 1) + ": missing label");
                    }
                    labels.add(f);
                    continue;
                }
                row[at++] = number(f, name, lineNo, c);
            }
            rows.add(row);
            if (rows.size() >= 1024 && Integer.bitCount(rows.size()) == 1) {
                // as many rows again, and the final copy of the features: refuse before the heap runs out
                String shortfall = MemoryBudget.shortfall(name + ": " + rows.size() + " rows of " + (width - 1)
                        + " features and more", rows.size(), 16L * (width - 1) + 96);
                if (shortfall != null) {
                    throw new DataException(shortfall);
                }
            }
        }
        if (rows.isEmpty()) {
            throw new DataException(name + ": no data rows");
        }
        double[] flat = new double[rows.size() * (width - 1)];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, flat, i * (width - 1), width - 1);
        }
        return new Samples(name, Tensor.wrap(flat, rows.size(), width - 1), labels.toArray(new String[0]));
    }

    /**
     * The names of the feature columns (the header without the label column, the last unless named or indexed by
     * {@code labelColumn}), or an empty list when the file has no header.
     */
    public static List<String> featureNames(Path file, String labelColumn) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(file.getFileName().toString().endsWith(".gz")
                ? new GZIPInputStream(Files.newInputStream(file)) : Files.newInputStream(file), StandardCharsets.UTF_8))) {
            String line = r.readLine();
            while (line != null && line.isBlank()) {
                line = r.readLine();
            }
            if (line == null) {
                return List.of();
            }
            List<String> fields = split(line, file.toString(), 1).stream().map(String::strip).toList();
            String spec = labelColumn == null ? "-1" : labelColumn.strip();
            int label = spec.matches("-?\\d+") ? Integer.parseInt(spec) : fields.indexOf(spec);
            label = label < 0 ? fields.size() + label : label;
            if (!isHeader(fields, label)) {
                return List.of();
            }
            List<String> names = new ArrayList<>(fields);
            if (label >= 0 && label < names.size()) {
                names.remove(label);
            }
            return names;
        } catch (IOException e) {
            throw new DataException(file + ": " + e.getMessage(), e);
        }
    }

    private static boolean isHeader(List<String> fields, int label) {
        for (int c = 0; c < fields.size(); c++) {
            if (c != label && !isNumber(fields.get(c).trim())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isNumber(String s) {
        try {
            PyFormat.parseFloat(s);
            return !s.isEmpty();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static double number(String f, String name, int line, int col) {
        if (f.isEmpty()) {
            throw new DataException(name + " line " + line + ", column " + (col + 1) + ": missing value");
        }
        try {
            double v = PyFormat.parseFloat(f);
            if (!Double.isFinite(v)) {
                throw new DataException(name + " line " + line + ", column " + (col + 1) + ": value is not finite: '" + f + "'");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new DataException(name + " line " + line + ", column " + (col + 1) + ": not a number: '" + f + "'");
        }
    }

    /**
     * Passes bytes through, failing once a line grows past what the heap can split into fields (about 48 bytes a
     * character: the line, its fields and their numbers), so that a file without line breaks, or {@code /dev/zero},
     * stops with one line instead of exhausting the heap.
     */
    private static final class LineLimit extends java.io.FilterInputStream {
        private static final int BYTES_PER_CHAR = 48;
        private final String name;
        private final long cap;
        private long sinceBreak;
        private int line = 1;

        LineLimit(InputStream in, String name) {
            super(in);
            this.name = name;
            this.cap = Math.max(1 << 16, MemoryBudget.available() / BYTES_PER_CHAR);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                see(b);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            for (int i = 0; i < n; i++) {
                see(b[off + i]);
            }
            return n;
        }

        private void see(int b) {
            if (b == '\n') {
                sinceBreak = 0;
                line++;
            } else if (++sinceBreak > cap) {
                throw new DataException(name + " line " + line + ": more than " + cap + " bytes without a line break;"
                        + " splitting it into fields needs more than the " + MemoryBudget.human(MemoryBudget.available())
                        + " the heap has left (raise the JVM's -Xmx, or check the file)");
            }
        }
    }

    /** Splits one line on commas, honouring double quotes. */
    static List<String> split(String line, String name, int lineNo) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cur.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        if (quoted) {
            throw new DataException(name + " line " + lineNo + ": unterminated quote");
        }
        out.add(cur.toString());
        return out;
    }
}
