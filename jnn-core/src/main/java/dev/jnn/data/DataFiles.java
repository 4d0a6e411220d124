package dev.jnn.data;

import dev.jnn.tensor.DType;
import dev.jnn.tensor.Tensor;

import java.nio.file.Files;
import java.nio.file.Path;
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
        Map<String, Tensor> arrays = NumpyFiles.readNpz(file, dtype);
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
