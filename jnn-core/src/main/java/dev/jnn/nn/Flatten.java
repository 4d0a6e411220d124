package dev.jnn.nn;

import dev.jnn.tensor.DType;
import dev.jnn.tensor.Rng;
import dev.jnn.tensor.Tensor;

import java.util.Map;

/**
 * Flattens each sample to one dimension. Samples already travel as flat rows, so this only changes the declared
 * shape; the data pass through untouched.
 */
public final class Flatten implements Layer {
    private int[] outputShape;

    @Override
    public String type() {
        return "Flatten";
    }

    @Override
    public int[] build(int[] inputShape, DType dtype, Rng rng) {
        outputShape = new int[] {Layer.size(inputShape)};
        return outputShape();
    }

    @Override
    public int[] outputShape() {
        return outputShape.clone();
    }

    @Override
    public Tensor forward(Tensor x, boolean training) {
        SampleShapes.checkInput("Flatten", x, outputShape[0]);
        return x;
    }

    @Override
    public Tensor backward(Tensor gradOutput, boolean needInputGrad) {
        return needInputGrad ? gradOutput : null;
    }

    @Override
    public Map<String, Object> config() {
        return Map.of();
    }
}
