package dev.jnn.nn;

import dev.jnn.tensor.DType;
import dev.jnn.tensor.Rng;
import dev.jnn.tensor.Tensor;

import java.util.List;
import java.util.Map;

/**
 * One stage of a {@code Sequential} model. Batches travel between layers as rank-2 tensors (rows = samples), each
 * row holding one sample's values flattened in row-major order of its {@linkplain #outputShape() shape}; images are
 * (height, width, channels), channels last, as in Keras.
 *
 * <p>A layer is built once for an input shape, which creates its parameters; then {@link #forward} and
 * {@link #backward} run batch after batch. Outputs and input gradients are views of buffers that the next call
 * overwrites, and {@code backward} may overwrite the gradient it is given. Layers are not thread-safe.
 */
public interface Layer {
    /** The layer's kind as Keras names it ({@code "Dense"}, {@code "Conv2D"}...), also its JSON {@code type}. */
    String type();

    /**
     * Creates the parameters for samples of shape {@code inputShape}, in {@code dtype}, drawing initial values and
     * any later randomness (dropout masks) from {@code rng}. Returns the output shape of one sample.
     *
     * @throws IllegalArgumentException when the layer cannot take that input shape
     */
    int[] build(int[] inputShape, DType dtype, Rng rng);

    /** The shape of one output sample; valid after {@link #build}. */
    int[] outputShape();

    /** The outputs for a batch; {@code training} switches dropout and batch statistics on. */
    Tensor forward(Tensor x, boolean training);

    /**
     * Back-propagates the gradient with respect to the last forward's output: fills the parameter gradients and
     * returns the gradient with respect to the input, or null when {@code needInputGrad} is false.
     */
    Tensor backward(Tensor gradOutput, boolean needInputGrad);

    /** The trainable parameters (empty for layers without any). */
    default List<Parameter> parameters() {
        return List.of();
    }

    /** State that is saved with the weights but not trained, such as batch normalisation's moving statistics. */
    default List<Parameter> buffers() {
        return List.of();
    }

    /**
     * The penalty the layer adds to the loss (kernel regularisers) times {@code scale}; with {@code addGradient},
     * also adds that scaled penalty's gradient to the parameters' gradients.
     */
    default double regularize(double scale, boolean addGradient) {
        return 0;
    }

    /**
     * A step that trains this layer and {@code next} as one (say, a convolution and the pooling after it, without
     * writing the full-size output between them), or null when they train apart. Asked once the layers are built.
     */
    default Fused fuseWith(Layer next) {
        return null;
    }

    /** Two adjacent layers trained as one: the same outputs and gradients as the two layers one after the other. */
    interface Fused {
        /** The training output of the second layer for the first one's input {@code x}. */
        Tensor forward(Tensor x, boolean needInputGrad);

        /** From the second layer's output gradient: fills both layers' gradients; returns the input gradient or null. */
        Tensor backward(Tensor gradOutput, boolean needInputGrad);
    }

    /** The constructor arguments in Keras's snake_case names, for JSON model files and {@code summary()}. */
    Map<String, Object> config();

    /** The number of values in one sample of the given shape. */
    static int size(int[] shape) {
        int n = 1;
        for (int d : shape) {
            n = Math.multiplyExact(n, d);
        }
        return n;
    }
}
