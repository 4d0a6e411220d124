package dev.jnn.nn;

import dev.jnn.tensor.Buffers;
import dev.jnn.tensor.DType;
import dev.jnn.tensor.Rng;
import dev.jnn.tensor.Tensor;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An activation as a layer of its own, as Keras's {@code Activation}, {@code LeakyReLU} and {@code ELU} layers:
 * the way to give leaky relu or elu another α, or to activate after batch normalisation.
 */
public final class ActivationLayer implements Activated {
    private final Activation activation;
    private final double alpha;
    private int[] shape;
    private Tensor outBuffer;
    private Tensor output;

    /** The activation with its default α. */
    public ActivationLayer(Activation activation) {
        this(activation, activation.defaultAlpha());
    }

    /** The activation with α for leaky relu (slope below zero, ≥ 0) or elu (scale, ≥ 0). */
    public ActivationLayer(Activation activation, double alpha) {
        if (activation == null) {
            throw new IllegalArgumentException("ActivationLayer: activation must not be null");
        }
        if (!(alpha >= 0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("ActivationLayer: alpha must be finite and >= 0, got " + alpha);
        }
        this.activation = activation;
        this.alpha = alpha;
    }

    @Override
    public String type() {
        return "Activation";
    }

    @Override
    public Activation activation() {
        return activation;
    }

    @Override
    public int[] build(int[] inputShape, DType dtype, Rng rng) {
        if (activation == Activation.SOFTMAX && inputShape.length != 1) {
            throw new IllegalArgumentException("softmax needs flat samples, got " + SampleShapes.text(inputShape));
        }
        shape = inputShape.clone();
        outBuffer = null;
        return outputShape();
    }

    @Override
    public int[] outputShape() {
        return shape.clone();
    }

    @Override
    public Tensor forward(Tensor x, boolean training) {
        int cols = Layer.size(shape);
        SampleShapes.checkInput("Activation", x, cols);
        outBuffer = Buffers.ensure(outBuffer, x.dtype(), x.rows(), cols);
        Tensor out = outBuffer.rows(0, x.rows());
        x.copyInto(out, 0);
        activation.apply(out, alpha);
        output = out;
        return out;
    }

    @Override
    public Tensor backward(Tensor gradOutput, boolean needInputGrad) {
        activation.derivative(output, gradOutput, alpha);
        return backwardLinear(gradOutput, needInputGrad);
    }

    @Override
    public Tensor backwardLinear(Tensor dz, boolean needInputGrad) {
        return needInputGrad ? dz : null;
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("activation", activation.pythonName());
        if (activation == Activation.LEAKY_RELU || activation == Activation.ELU) {
            c.put("alpha", alpha);
        }
        return c;
    }
}
