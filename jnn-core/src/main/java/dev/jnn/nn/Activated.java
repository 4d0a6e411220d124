package dev.jnn.nn;

import dev.jnn.tensor.Tensor;

/**
 * A layer that ends in an activation. A model whose loss fuses with that activation (softmax or sigmoid with
 * cross-entropy) skips the activation's derivative and hands the gradient with respect to the pre-activation
 * straight to {@link #backwardLinear}.
 */
public interface Activated extends Layer {
    /** The activation applied last. */
    Activation activation();

    /** Back-propagates a gradient with respect to the pre-activation; see {@link Layer#backward}. */
    Tensor backwardLinear(Tensor dz, boolean needInputGrad);
}
