package dev.jnn.data;

import dev.jnn.tensor.DType;
import dev.jnn.tensor.Tensor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Loads labelled rows from a file, choosing the reader by extension: CSV ({@code .csv}, {@code .txt},
 * {@code .gz}), NumPy {@code .npz} with a feature and a label array, or MATLAB {@code .mat} with a feature and a
 * label variable. Feature arrays of rank > 2 (e.g. images) are flattened to one row per sample.
 */
public final class DataFiles {
    private DataFiles() {
    }

    /**
     * What to read from a file.
     *
     * @param xVar        the feature array or variable of an {@code .npz}/{@code .mat} (null: {@code x}/{@code X})
     * @param yVar        the label array or variable (null: {@code y}/{@code Y})
     * @param labelColumn the CSV label column, a header name or 0-based index (null: the last)
     */
    public record Options(String xVar, String yVar, String labelColumn) {
        /** The defaults. */
        public static final Options DEFAULTS = new Options(null, null, null);
    }

    /** Reads {@code file} into rows of the given dtype. */
    public static Samples load(Path file, Options options, DType dtype) {
        if (!Files.exists(file)) {
            throw new DataException(file + ": no such file");
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".npz")) {
            Map<String, Tensor> arrays = NumpyFiles.readNpz(file, dtype);
            return fromArrays(file, arrays, options);
        }
        if (name.endsWith(".mat")) {
            return fromArrays(file, MatFiles.read(file, dtype), options);
        }
        if (name.endsWith(".npy")) {
            throw new DataException(file + ": a .npy file holds one array; put features and labels into an .npz"
                    + " (numpy.savez(file, x=X, y=y))");
        }
        return CsvReader.read(file, options.labelColumn()).to(dtype);
    }

    /**
     * Reads {@code file} as {@link #load} does; an {@code .npz} that also holds {@code x_test} and {@code y_test}
     * (as {@code jnn fit --features-out} writes them) gives those rows as the official test split.
     */
    public static Dataset dataset(Path file, Options options, DType dtype) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".npz") || !Files.exists(file)) {
            return Dataset.of(load(file, options, dtype));
        }
        return npzDataset(file, NumpyFiles.readNpz(file, dtype), options);
    }

    /** The rows of an {@code .npz}'s arrays, with {@code x_test}/{@code y_test} as the test split when it has them. */
    private static Dataset npzDataset(Path file, Map<String, Tensor> arrays, Options options) {
        Samples train = fromArrays(file, arrays, options);
        if (options.xVar() == null && options.yVar() == null) {
            if (arrays.containsKey("x_test") && arrays.containsKey("y_test")) {
                Samples test = fromArrays(file, arrays, new Options("x_test", "y_test", null));
                if (test.x().cols() != train.x().cols()) {
                    throw new DataException(file + ": x_test has " + test.x().cols() + " columns, but x has "
                            + train.x().cols());
                }
                return new Dataset(train.name(), train, test);
            }
        }
        return Dataset.of(train);
    }

    /**
     * A test file, read once: its labelled rows, or, when it holds no labels, its feature rows.
     *
     * @param labelled the labelled rows (an .npz's {@code x_test}/{@code y_test} when it has them), or null
     * @param features the rows of a file without labels, or null
     */
    public record TestFile(Samples labelled, Tensor features) {
    }

    /**
     * Reads a test file for a model of {@code features} inputs. It holds no labels when it is an {@code .npy}, an
     * {@code .npz} or {@code .mat} without a label array, or a CSV (with no label column named) of exactly
     * {@code features} columns, whose last column is then a feature too.
     */
    public static TestFile testFile(Path file, Options options, DType dtype, int features) {
        if (!Files.exists(file)) {
            throw new DataException(file + ": no such file");
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".npy")) {
            return new TestFile(null, features(file, options.xVar(), dtype));
        }
        if (name.endsWith(".npz") || name.endsWith(".mat")) {
            Map<String, Tensor> arrays = name.endsWith(".npz") ? NumpyFiles.readNpz(file, dtype)
                    : MatFiles.read(file, dtype);
            if (options.yVar() == null && !arrays.containsKey("y") && !arrays.containsKey("Y")) {
                Tensor x = pick(file, arrays, options.xVar(), "x", "X");
                int n = x.dim(0);
                return new TestFile(null, x.rank() == 2 ? x : x.reshape(n, x.size() / Math.max(1, n)));
            }
            Dataset set = name.endsWith(".npz") ? npzDataset(file, arrays, options)
                    : Dataset.of(fromArrays(file, arrays, options));
            return new TestFile(set.hasTest() ? set.test() : set.train(), null);
        }
        Samples s = CsvReader.read(file, options.labelColumn()).to(dtype);
        if (options.labelColumn() != null || s.x().cols() + 1 != features) {
            return new TestFile(s, null);
        }
        // no label column: the column read as labels is the last feature
        double[] v = new double[s.size() * features];
        for (int r = 0; r < s.size(); r++) {
            for (int c = 0; c < features - 1; c++) {
                v[r * features + c] = s.x().get(r, c);
            }
            try {
                v[r * features + features - 1] = Double.parseDouble(s.labels()[r]);
            } catch (NumberFormatException e) {
                throw new DataException(file + ": row " + (r + 1) + ", last column: '" + s.labels()[r]
                        + "' is not a number, and the file has no label column to hold it");
            }
        }
        return new TestFile(null, Tensor.wrap(v, s.size(), features).to(dtype));
    }

    /**
     * One class per file, as the course's lab 001 keeps its data: the rows of each file's feature array
     * ({@code .npy}, or the {@code x}/{@code X} array or {@code xVar} of an {@code .npz} or {@code .mat}), labelled
     * with the file's position in {@code files} (0, 1, ...).
     */
    public static Samples byFile(List<Path> files, String xVar, DType dtype) {
        if (files.size() < 2) {
            throw new DataException("one class per file needs at least two files, got " + files.size());
        }
        List<Tensor> parts = new java.util.ArrayList<>();
        int cols = -1;
        int rows = 0;
        for (Path f : files) {
            Tensor x = features(f, xVar, dtype);
            if (cols >= 0 && x.cols() != cols) {
                throw new DataException(f + " has " + x.cols() + " features per row, but " + files.get(0) + " has "
                        + cols);
            }
            cols = x.cols();
            rows += x.rows();
            parts.add(x);
        }
        Tensor all = Tensor.zeros(dtype, rows, cols);
        int[] y = new int[rows];
        int at = 0;
        for (int i = 0; i < parts.size(); i++) {
            parts.get(i).copyInto(all, at);
            java.util.Arrays.fill(y, at, at + parts.get(i).rows(), i);
            at += parts.get(i).rows();
        }
        return Samples.of(String.join(",", files.stream().map(Path::toString).toList()), all, y);
    }

    /** A file's feature rows, without labels. */
    private static Tensor features(Path file, String xVar, DType dtype) {
        if (!Files.exists(file)) {
            throw new DataException(file + ": no such file");
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        Tensor x;
        if (name.endsWith(".npy")) {
            x = NumpyFiles.readNpy(file, dtype);
        } else if (name.endsWith(".npz") || name.endsWith(".mat")) {
            Map<String, Tensor> arrays = name.endsWith(".npz") ? NumpyFiles.readNpz(file, dtype)
                    : MatFiles.read(file, dtype);
            x = pick(file, arrays, xVar, "x", "X");
        } else {
            throw new DataException(file + ": one class per file takes .npy, .npz or .mat files");
        }
        int n = x.dim(0);
        return x.rank() == 2 ? x : x.reshape(n, x.size() / Math.max(1, n));
    }

    private static Samples fromArrays(Path file, Map<String, Tensor> arrays, Options options) {
        Tensor x = pick(file, arrays, options.xVar(), "x", "X");
        Tensor y = pick(file, arrays, options.yVar(), "y", "Y");
        int n = x.dim(0);
        Tensor rows = x.rank() == 2 ? x : x.reshape(n, x.size() / Math.max(1, n));
        if (x.rank() == 1) {
            rows = x.reshape(n, 1);
        }
        boolean column = y.rank() == 2 && y.dim(1) == 1;
        boolean rowVector = y.rank() == 2 && y.dim(0) == 1;
        if (y.rank() > 2 || (y.rank() == 2 && !column && !rowVector)) {
            throw new DataException(file + ": the label array must be a vector, found shape "
                    + java.util.Arrays.toString(y.shape()));
        }
        double[] t = y.to(DType.FLOAT64).toDoubleArray();
        if (t.length != n) {
            throw new DataException(file + ": " + n + " feature rows but " + t.length + " labels");
        }
        for (int i = 0; i < t.length; i++) {
            if (!Double.isFinite(t[i])) {
                throw new DataException(file + ": label " + i + " is " + t[i] + "; labels and targets must be finite");
            }
        }
        return Samples.of(file.toString(), rows, t);
    }

    private static Tensor pick(Path file, Map<String, Tensor> arrays, String wanted, String... defaults) {
        if (wanted != null) {
            Tensor t = arrays.get(wanted);
            if (t == null) {
                throw new DataException(file + ": no array or variable named '" + wanted + "'; it holds "
                        + String.join(", ", arrays.keySet()));
            }
            return t;
        }
        for (String d : defaults) {
            if (arrays.containsKey(d)) {
                return arrays.get(d);
            }
        }
        throw new DataException(file + ": no array named " + String.join(" or ", defaults) + " (it holds "
                + String.join(", ", arrays.keySet()) + "); name them with --x-var and --y-var");
    }
}
