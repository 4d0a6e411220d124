package dev.jnn.api;

import dev.jnn.tensor.DType;
import dev.jnn.tensor.Kernels;
import dev.jnn.tensor.Tensor;

import java.util.Arrays;

/**
 * scikit-learn's {@code check_array} for the rows that a fit, transform or predict takes: rank 2, at least one row
 * and one column, and finite values, with NaN allowed where scikit-learn allows it (the scalers ignore it in fit
 * and keep it in transform). The messages are scikit-learn's.
 */
public final class CheckArray {
    private CheckArray() {
    }

    /** NaN or infinity where the caller does not take it: a problem of the data, not of the call. */
    public static final class NonFiniteInput extends IllegalArgumentException {
        NonFiniteInput(String message) {
            super(message);
        }
    }

    /** Returns {@code x} (not copied) when it passes; otherwise throws with scikit-learn's message. */
    public static Tensor check(Tensor x, String owner, boolean allowNaN) {
        if (x == null) {
            throw new IllegalArgumentException("X must not be null");
        }
        if (x.rank() != 2) {
            throw new IllegalArgumentException("Expected 2D array, got an array of shape " + Arrays.toString(x.shape())
                    + " instead.");
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
        if (Kernels.allFinite(x)) {
            return x;   // the common case, in one vectorised pass; the scan below tells NaN from infinity
        }
        boolean nan = false;
        boolean inf = false;
        int n = x.size();
        int o = x.offset();
        if (x.dtype() == DType.FLOAT64) {
            double[] d = x.doubleData();
            for (int i = 0; i < n; i++) {
                nan |= Double.isNaN(d[o + i]);
                inf |= Double.isInfinite(d[o + i]);
            }
        } else {
            float[] f = x.floatData();
            for (int i = 0; i < n; i++) {
                nan |= Float.isNaN(f[o + i]);
                inf |= Float.isInfinite(f[o + i]);
            }
        }
        if (nan && !allowNaN) {
            throw new NonFiniteInput("Input X contains NaN.\n" + owner + " does not accept missing values"
                    + " encoded as NaN natively. For supervised learning, you might want to consider"
                    + " sklearn.ensemble.HistGradientBoostingClassifier and Regressor which accept missing values"
                    + " encoded as NaNs natively. Alternatively, it is possible to preprocess the data, for instance"
                    + " by using an imputer transformer in a pipeline or drop samples with missing values. See"
                    + " https://scikit-learn.org/stable/modules/impute.html You can find a list of all estimators that"
                    + " handle NaN values at the following page:"
                    + " https://scikit-learn.org/stable/modules/impute.html#estimators-that-handle-nan-values");
        }
        if (inf) {
            throw new NonFiniteInput("Input X contains infinity or a value too large for dtype('"
                    + (x.dtype() == DType.FLOAT64 ? "float64" : "float32") + "').");
        }
        return x;
    }
}
