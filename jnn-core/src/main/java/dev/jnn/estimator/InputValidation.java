package dev.jnn.estimator;

import dev.jnn.data.DataException;
import dev.jnn.api.Regressor;

import dev.jnn.tensor.DType;
import dev.jnn.tensor.Tensor;

/** Checks of estimator inputs with scikit-learn's messages ({@code check_array}, {@code check_consistent_length}). */
final class InputValidation {
    private InputValidation() {
    }

    static Tensor matrix(double[][] x, String owner) {
        int cols = rectangular(x == null ? -1 : x.length, r -> x[r] == null ? -1 : x[r].length);
        double[] flat = new double[x.length * cols];
        for (int r = 0; r < x.length; r++) {
            System.arraycopy(x[r], 0, flat, r * cols, cols);
        }
        return check(Tensor.wrap(flat, x.length, cols), owner);
    }

    static Tensor matrix(float[][] x, String owner) {
        int cols = rectangular(x == null ? -1 : x.length, r -> x[r] == null ? -1 : x[r].length);
        float[] flat = new float[x.length * cols];
        for (int r = 0; r < x.length; r++) {
            System.arraycopy(x[r], 0, flat, r * cols, cols);
        }
        return check(Tensor.wrap(flat, x.length, cols), owner);
    }

    /** The common row length of a ragged-array matrix, or an error naming the first row that differs. */
    private static int rectangular(int rows, java.util.function.IntUnaryOperator rowLength) {
        if (rows < 0) {
            throw new IllegalArgumentException("X must not be null");
        }
        int cols = rows == 0 ? 0 : Math.max(0, rowLength.applyAsInt(0));
        for (int r = 0; r < rows; r++) {
            if (rowLength.applyAsInt(r) != cols) {
                throw new IllegalArgumentException("X row " + r + " has " + Math.max(0, rowLength.applyAsInt(r))
                        + " values, but row 0 has " + cols);
            }
        }
        return cols;
    }

    /** A rank-2 tensor with at least one row and column and only finite values; returned as is (no copy). */
    static Tensor check(Tensor x, String owner) {
        if (x == null) {
            throw new IllegalArgumentException("X must not be null");
        }
        if (x.rank() != 2) {
            throw new IllegalArgumentException("Expected 2D array, got an array of shape "
                    + java.util.Arrays.toString(x.shape()) + " instead.");
        }
        String shape = "(shape=(" + x.rows() + ", " + x.cols() + "))";
        if (x.rows() < 1) {
            throw new IllegalArgumentException("Found array with 0 sample(s) " + shape
                    + " while a minimum of 1 is required by " + owner + ".");
        }
        if (x.cols() < 1) {
            throw new IllegalArgumentException("Found array with 0 feature(s) " + shape
                    + " while a minimum of 1 is required by " + owner + ".");
        }
        boolean nan = false;
        boolean inf = false;
        int n = x.size();
        int o = x.offset();
        if (x.dtype() == DType.FLOAT64) {
            double[] d = x.doubleData();
            for (int i = 0; i < n; i++) {
                double v = d[o + i];
                nan |= Double.isNaN(v);
                inf |= Double.isInfinite(v);
            }
        } else {
            float[] f = x.floatData();
            for (int i = 0; i < n; i++) {
                float v = f[o + i];
                nan |= Float.isNaN(v);
                inf |= Float.isInfinite(v);
            }
        }
        if (nan) {
            throw new DataException("Input X contains NaN.\n" + owner + " does not accept missing values"
                    + " encoded as NaN natively. For supervised learning, you might want to consider"
                    + " sklearn.ensemble.HistGradientBoostingClassifier and Regressor which accept missing values"
                    + " encoded as NaNs natively. Alternatively, it is possible to preprocess the data, for instance"
                    + " by using an imputer transformer in a pipeline or drop samples with missing values. See"
                    + " https://scikit-learn.org/stable/modules/impute.html You can find a list of all estimators that"
                    + " handle NaN values at the following page:"
                    + " https://scikit-learn.org/stable/modules/impute.html#estimators-that-handle-nan-values");
        }
        if (inf) {
            throw new DataException("Input X contains infinity or a value too large for dtype('"
                    + (x.dtype() == DType.FLOAT64 ? "float64" : "float32") + "').");
        }
        return x;
    }

    static void sameLength(int nx, int ny) {
        if (nx != ny) {
            throw new IllegalArgumentException("Found input variables with inconsistent numbers of samples: ["
                    + nx + ", " + ny + "]");
        }
    }
}
