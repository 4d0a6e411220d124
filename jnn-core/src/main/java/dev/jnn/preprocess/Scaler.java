package dev.jnn.preprocess;

import dev.jnn.tensor.Tensor;

/** A per-column transform fitted on training rows and applied to any rows with the same columns. */
public interface Scaler {
    /** Learns the column statistics of {@code x} (rows × columns). */
    Scaler fit(Tensor x);

    /** A transformed copy of {@code x}, in its dtype. */
    Tensor transform(Tensor x);

    /** {@code fit(x)} then {@code transform(x)}. */
    default Tensor fitTransform(Tensor x) {
        return fit(x).transform(x);
    }

    static void checkColumns(String owner, Tensor x, int expected) {
        x.requireRank(2);
        if (x.cols() != expected) {
            throw new IllegalArgumentException("X has " + x.cols() + " features, but " + owner + " is expecting "
                    + expected + " features as input.");
        }
    }
}
