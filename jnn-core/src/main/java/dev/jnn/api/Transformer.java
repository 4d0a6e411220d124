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
