package dev.jnn.nn;

import dev.jnn.util.PythonNamed;

import dev.jnn.tensor.Kernels;
import dev.jnn.tensor.Parallel;
import dev.jnn.tensor.Tensor;

/**
 * An element-wise (or, for softmax, row-wise) activation with its derivative written through the output
 * {@code a = f(z)}, as scikit-learn's {@code ACTIVATIONS}/{@code DERIVATIVES} tables do.
 */
public enum Activation implements PythonNamed {
    /** {@code f(z) = z}. */
    IDENTITY("identity"),
    /** The logistic sigmoid {@code 1 / (1 + exp(-z))}. */
    LOGISTIC("logistic"),
    /** The hyperbolic tangent. */
    TANH("tanh"),
    /** {@code max(z, 0)}. */
    RELU("relu"),
    /** Row-wise softmax; only meaningful on an output layer trained with cross-entropy (whose delta is fused). */
    SOFTMAX("softmax"),
    /** {@code z < 0 ? αz : z}; α defaults to Keras's 0.2 (give another through {@code ActivationLayer}). */
    LEAKY_RELU("leaky_relu"),
    /** {@code z < 0 ? α(eᶻ − 1) : z}; α defaults to 1. */
    ELU("elu"),
    /** The Heaviside step {@code z > 0 ? 1 : 0}, the perceptron's unit: for inference only, as it has no gradient. */
    STEP("step");

    /**
     * Why no network here trains through a step unit (jnn's choice for the course's lab 001, over a
     * straight-through estimator, which would train a different function than the one it evaluates).
     */
    public static final String STEP_HAS_NO_GRADIENT = "the step unit cannot be trained by back-propagation: its"
            + " derivative is 0 wherever it is defined (and undefined at 0), so every delta below it is 0 and no"
            + " weight would ever change. Train a step unit with the perceptron rule (jnn fit --model perceptron, or"
            + " --textbook), or train the network with logistic, tanh or relu and threshold its output";

    private final String pythonName;

    Activation(String pythonName) {
        this.pythonName = pythonName;
    }

    /** scikit-learn's name for this activation, e.g. {@code "relu"}. */
    @Override
    public String pythonName() {
        return pythonName;
    }

    /** The activation of a scikit-learn name, or null if there is none. */
    public static Activation fromPythonName(String name) {
        return PythonNamed.byName(Activation.class, name);
    }

    /** The α a parametrised activation uses when none is given: 0.2 for leaky relu, 1 for elu, else 0. */
    public double defaultAlpha() {
        return switch (this) {
            case LEAKY_RELU -> 0.2;
            case ELU -> 1.0;
            default -> 0.0;
        };
    }

    /** Applies the activation in place, with the {@linkplain #defaultAlpha() default α}. */
    public void apply(Tensor z) {
        apply(z, defaultAlpha());
    }

    /** Applies the activation in place; {@code alpha} is used by leaky relu and elu only. */
    public void apply(Tensor z, double alpha) {
        switch (this) {
            case IDENTITY -> { }
            case LOGISTIC -> Kernels.logistic(z);
            case TANH -> Kernels.tanh(z);
            case RELU -> Kernels.relu(z);
            case SOFTMAX -> Kernels.softmaxRows(z);
            case LEAKY_RELU -> Kernels.leakyRelu(z, alpha);
            case ELU -> Kernels.elu(z, alpha);
            case STEP -> Kernels.step(z);
        }
    }

    /**
     * Multiplies {@code delta} in place by f'(z), expressed from the output {@code a}. Softmax has no element-wise
     * derivative; the cross-entropy loss supplies the fused output delta instead, so asking for it is an error.
     */
    public void derivative(Tensor a, Tensor delta) {
        derivative(a, delta, defaultAlpha());
    }

    /** As {@link #derivative(Tensor, Tensor)} with an explicit α for leaky relu and elu. */
    public void derivative(Tensor a, Tensor delta, double alpha) {
        int rows = a.rank() == 2 ? a.rows() : 1;
        int pieces = Math.min(rows, Parallel.tasksFor(a.size() / PIECE));
        if (pieces <= 1 || !a.sameShape(delta) || this == SOFTMAX || this == STEP) {
            derivativeInPlace(a, delta, alpha);
            return;
        }
        // Large maps (a convolution's outputs) in row blocks on the kernel threads; element-wise, so the same bits.
        Parallel.forEach(pieces, t -> {
            int from = (int) ((long) rows * t / pieces);
            int to = (int) ((long) rows * (t + 1) / pieces);
            derivativeInPlace(a.rows(from, to), delta.rows(from, to), alpha);
        });
    }

    /** Elements per piece, at least, when a derivative is split across threads. */
    private static final int PIECE = 1 << 15;

    private void derivativeInPlace(Tensor a, Tensor delta, double alpha) {
        switch (this) {
            case IDENTITY -> { }
            case LOGISTIC -> Kernels.logisticGrad(a, delta);
            case TANH -> Kernels.tanhGrad(a, delta);
            case RELU -> Kernels.reluGrad(a, delta);
            case SOFTMAX -> throw new IllegalStateException(
                    "softmax has no element-wise derivative: use it only as the output of a cross-entropy loss");
            case LEAKY_RELU -> Kernels.leakyReluGrad(a, delta, alpha);
            case ELU -> Kernels.eluGrad(a, delta, alpha);
            case STEP -> throw new IllegalStateException(STEP_HAS_NO_GRADIENT);
        }
    }
}
