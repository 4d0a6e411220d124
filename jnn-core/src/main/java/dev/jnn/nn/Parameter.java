package dev.jnn.nn;

import dev.jnn.tensor.Tensor;

/**
 * A trainable array and its gradient, kept side by side. Optimizers key their state by the parameter object, so
 * the values can be replaced in place (e.g. restoring the best weights) without disturbing that state.
 *
 * @param name  a readable name such as {@code "dense_0.kernel"}
 * @param value the live values
 * @param grad  the gradient of the last backward pass, same shape and dtype
 */
public record Parameter(String name, Tensor value, Tensor grad) {
    /** A parameter whose gradient is a fresh zero tensor shaped like {@code value}. */
    public static Parameter of(String name, Tensor value) {
        return new Parameter(name, value, Tensor.zeros(value.dtype(), value.shape()));
    }
}
