package dev.jnn.estimator;

import dev.jnn.api.CheckArray;
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
        return CheckArray.check(x, owner, false);
    }

    static void sameLength(int nx, int ny) {
        if (nx != ny) {
            throw new IllegalArgumentException("Found input variables with inconsistent numbers of samples: ["
                    + nx + ", " + ny + "]");
        }
    }
}
