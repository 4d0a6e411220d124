package dev.jnn.nn;

import dev.jnn.tensor.DType;
import dev.jnn.tensor.Rng;
import dev.jnn.tensor.Tensor;

import java.util.List;
import java.util.Map;

/**
 * Declares the shape of one sample, as Keras's {@code Input(shape=...)}: {@code new Input(28, 28, 1)} lets flat
 * 784-pixel rows feed a Conv2D. Only the first layer of a model may be an Input; it passes data through.
 */
public final class Input implements Layer {
    private final int[] shape;

    /** The per-sample shape, e.g. (28, 28, 1) for MNIST images or (4,) for iris. */
    public Input(int... shape) {
        if (shape.length == 0) {
            throw new IllegalArgumentException("Input: the shape needs at least one dimension");
        }
        for (int d : shape) {
            if (d < 1) {
                throw new IllegalArgumentException("Input: dimensions must be >= 1, got " + SampleShapes.text(shape));
            }
        }
        this.shape = shape.clone();
    }

    @Override
    public String type() {
        return "Input";
    }

    @Override
    public int[] build(int[] inputShape, DType dtype, Rng rng) {
        if (Layer.size(inputShape) != Layer.size(shape)) {
            throw new IllegalArgumentException("Input: samples have " + Layer.size(inputShape)
                    + " values but the declared shape " + SampleShapes.text(shape) + " holds " + Layer.size(shape));
        }
        return outputShape();
    }

    @Override
    public int[] outputShape() {
        return shape.clone();
    }

    @Override
    public Tensor forward(Tensor x, boolean training) {
        SampleShapes.checkInput("Input", x, Layer.size(shape));
        return x;
    }

    @Override
    public Tensor backward(Tensor gradOutput, boolean needInputGrad) {
        return needInputGrad ? gradOutput : null;
    }

    @Override
    public Map<String, Object> config() {
        return Map.of("shape", java.util.Arrays.stream(shape).boxed().toList());
    }

    /** The declared shape as a list, for callers that build models from configuration. */
    public List<Integer> shape() {
        return java.util.Arrays.stream(shape).boxed().toList();
    }
}
