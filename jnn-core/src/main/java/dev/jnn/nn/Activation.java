package dev.jnn.nn;

import dev.jnn.tensor.Kernels;
import dev.jnn.tensor.Tensor;

/**
 * An element-wise (or, for softmax, row-wise) activation with its derivative written through the output
 * {@code a = f(z)}, as scikit-learn's {@code ACTIVATIONS}/{@code DERIVATIVES} tables do.
 */
public enum Activation {
    /** {@code f(z) = z}. */
    IDENTITY("identity"),
    /** The logistic sigmoid {@code 1 / (1 + exp(-z))}. */
    LOGISTIC("logistic"),
    /** The hyperbolic tangent. */
    TANH("tanh"),
    /** {@code max(z, 0)}. */
    RELU("relu"),
    /** Row-wise softmax; only meaningful on an output layer trained with cross-entropy (whose delta is fused). */
    SOFTMAX("softmax");

    private final String pythonName;

    Activation(String pythonName) {
        this.pythonName = pythonName;
    }

    /** scikit-learn's name for this activation, e.g. {@code "relu"}. */
    public String pythonName() {
        return pythonName;
    }

    /** The activation of a scikit-learn name, or null if there is none. */
    public static Activation fromPythonName(String name) {
        for (Activation a : values()) {
            if (a.pythonName.equals(name)) {
                return a;
            }
        }
        return null;
    }

    /** Applies the activation in place. */
    public void apply(Tensor z) {
        switch (this) {
            case IDENTITY -> { }
            case LOGISTIC -> Kernels.logistic(z);
            case TANH -> Kernels.tanh(z);
            case RELU -> Kernels.relu(z);
            case SOFTMAX -> Kernels.softmaxRows(z);
        }
    }

    /**
     * Multiplies {@code delta} in place by f'(z), expressed from the output {@code a}. Softmax has no element-wise
     * derivative; the cross-entropy loss supplies the fused output delta instead, so asking for it is an error.
     */
    public void derivative(Tensor a, Tensor delta) {
        switch (this) {
            case IDENTITY -> { }
            case LOGISTIC -> Kernels.logisticGrad(a, delta);
            case TANH -> Kernels.tanhGrad(a, delta);
            case RELU -> Kernels.reluGrad(a, delta);
            case SOFTMAX -> throw new IllegalStateException(
                    "softmax has no element-wise derivative: use it only as the output of a cross-entropy loss");
        }
    }
}
