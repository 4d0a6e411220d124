package dev.jnn.api;

import dev.jnn.tensor.Tensor;

import java.util.Map;

/**
 * A feature transform fitted on training rows and applied to any rows with the same columns, with scikit-learn's
 * parameter protocol so that a {@link Pipeline} and grid search can address it by name.
 */
public interface Transformer {
    /** Learns from {@code x} (rows × columns), forgetting any earlier fit. */
    Transformer fit(Tensor x);

    /** A transformed copy of {@code x}, in its dtype; a column-count mismatch is an error. */
    Tensor transform(Tensor x);

    /** {@code fit(x)} then {@code transform(x)}. */
    default Tensor fitTransform(Tensor x) {
        return fit(x).transform(x);
    }

    /** The parameters by scikit-learn's snake_case names. */
    Map<String, Object> getParams();

    /** Changes parameters by name (values as objects or text); unknown names and bad values are errors. */
    Transformer setParams(Map<String, ?> params);

    /** An unfitted copy with the same parameters. */
    Transformer copy();

    /**
     * The fitted attributes as named arrays of numbers, which model files keep beside {@link #getParams()}; a
     * transformer without such a form says so.
     */
    default Map<String, double[]> fittedState() {
        throw new IllegalStateException(getClass().getSimpleName() + " cannot be saved in a model file");
    }

    /**
     * Takes back what {@link #fittedState()} gave (as read from a model file, so every array's length is checked);
     * returns this transformer, fitted.
     */
    default Transformer restoreFittedState(Map<String, double[]> state) {
        throw new IllegalStateException(getClass().getSimpleName() + " cannot be read from a model file");
    }

    /** {@code state}'s single whole number {@code name}, at least 1 (a column count). */
    static int stateCount(Map<String, double[]> state, String name) {
        double n = stateArray(state, name, 1)[0];
        if (!(n >= 1 && n == Math.rint(n) && n < 1e9)) {
            throw new IllegalArgumentException("fitted state '" + name + "' must be a whole number >= 1, got " + n);
        }
        return (int) n;
    }

    /** {@code state}'s array {@code name}, which must hold {@code length} values (any length when negative). */
    static double[] stateArray(Map<String, double[]> state, String name, int length) {
        double[] v = state.get(name);
        if (v == null || length >= 0 && v.length != length) {
            throw new IllegalArgumentException("fitted state '" + name + "' " + (v == null ? "is missing"
                    : "has " + v.length + " values, expected " + length));
        }
        return v.clone();
    }

    /** The scikit-learn error for a column-count mismatch at transform time. */
    static void checkColumns(String owner, Tensor x, int expected) {
        x.requireRank(2);
        if (x.cols() != expected) {
            throw new IllegalArgumentException("X has " + x.cols() + " features, but " + owner + " is expecting "
                    + expected + " features as input.");
        }
    }

    /** The scikit-learn error for use before fit. */
    static IllegalStateException notFitted(String owner) {
        return new IllegalStateException("This " + owner + " instance is not fitted yet. Call 'fit' with appropriate"
                + " arguments before using this estimator.");
    }
}
