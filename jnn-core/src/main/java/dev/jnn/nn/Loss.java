package dev.jnn.nn;

import dev.jnn.tensor.Kernels;
import dev.jnn.tensor.Tensor;

/**
 * The losses of scikit-learn's multilayer perceptron, as reported in {@code loss_} (spec §2.4). Each pairs with an
 * output activation so that the gradient with respect to the output pre-activation is simply {@code P - Y}.
 */
public enum Loss {
    /** Half the mean over all entries of {@code (Y - P)²}; pairs with the identity output. */
    SQUARED_ERROR,
    /** Categorical cross-entropy {@code -Σ Y ln P / rows}; pairs with softmax. */
    LOG_LOSS,
    /** Binary cross-entropy summed over labels, divided by rows; pairs with the logistic output. */
    BINARY_LOG_LOSS;

    /** The data loss of predictions {@code p} for targets {@code y} (both rows × outputs), in double. */
    public double value(Tensor y, Tensor p) {
        int rows = p.rows();
        return switch (this) {
            case SQUARED_ERROR -> Kernels.sumSquaredDiff(y, p) / p.size() / 2;
            case LOG_LOSS -> -Kernels.sumXLogY(y, p) / rows;
            case BINARY_LOG_LOSS -> -Kernels.sumBinaryLogTerms(y, p) / rows;
        };
    }

    /** Overwrites {@code p} with {@code p - y}, the gradient with respect to the output pre-activation. */
    public void outputDeltaInPlace(Tensor y, Tensor p) {
        Kernels.axpy(-1.0, y, p);
    }
}
