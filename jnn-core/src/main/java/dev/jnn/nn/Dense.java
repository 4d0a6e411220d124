package dev.jnn.nn;

import dev.jnn.tensor.DType;
import dev.jnn.tensor.Gemm;
import dev.jnn.tensor.Kernels;
import dev.jnn.tensor.Tensor;

import java.util.List;

/**
 * A fully connected layer {@code a = f(x W + b)} with W of shape (inputs, units), computed as one GEMM, a row
 * broadcast and an in-place activation.
 *
 * <p>Gradients are sums over the rows of the batch ({@code dW = xᵀ dz}, {@code db = Σ dz}); whoever supplies
 * {@code dz} decides the scaling (scikit-learn divides by the batch size afterwards, a mean loss divides first).
 * Output and input-gradient buffers are reused across calls of the same or smaller batch size, so a training
 * loop allocates nothing per batch. A layer is therefore not thread-safe.
 */
public final class Dense {
    private final int inputs;
    private final int units;
    private final Activation activation;
    private final Parameter kernel;
    private final Parameter bias;
    private Tensor outBuffer;
    private Tensor inGradBuffer;
    private Tensor input;
    private Tensor output;

    /** A layer with zero weights of the given dtype; fill them through {@link #kernel()} and {@link #bias()}. */
    public Dense(int inputs, int units, Activation activation, DType dtype) {
        if (inputs < 1 || units < 1) {
            throw new IllegalArgumentException("Dense: inputs and units must be >= 1, got " + inputs + " and " + units);
        }
        this.inputs = inputs;
        this.units = units;
        this.activation = activation;
        this.kernel = Parameter.of("kernel", Tensor.zeros(dtype, inputs, units));
        this.bias = Parameter.of("bias", Tensor.zeros(dtype, units));
    }

    public int inputs() {
        return inputs;
    }

    public int units() {
        return units;
    }

    public Activation activation() {
        return activation;
    }

    /** The weight matrix W, shape (inputs, units). */
    public Parameter kernel() {
        return kernel;
    }

    /** The bias vector, length units. */
    public Parameter bias() {
        return bias;
    }

    /** Kernel then bias. */
    public List<Parameter> parameters() {
        return List.of(kernel, bias);
    }

    /**
     * The activations for a batch {@code x} (rows × inputs). The result is a view of an internal buffer that the
     * next call overwrites; {@code x} is remembered for {@link #backward}.
     */
    public Tensor forward(Tensor x) {
        if (x.rank() != 2 || x.cols() != inputs) {
            throw new IllegalArgumentException("Dense: expected input (rows, " + inputs + "), got " + x);
        }
        int rows = x.rows();
        outBuffer = ensure(outBuffer, rows, units);
        Tensor out = outBuffer.rows(0, rows);
        Gemm.gemm(false, false, 1.0, x, kernel.value(), 0.0, out);
        Kernels.addRowVector(out, bias.value());
        activation.apply(out);
        input = x;
        output = out;
        return out;
    }

    /**
     * Back-propagates the gradient with respect to this layer's output: multiplies it in place by f'(a), then
     * continues as {@link #backwardLinear}.
     */
    public Tensor backward(Tensor gradOutput, boolean needInputGrad) {
        activation.derivative(output, gradOutput);
        return backwardLinear(gradOutput, needInputGrad);
    }

    /**
     * Back-propagates a gradient with respect to the pre-activation {@code z} (e.g. the fused {@code P - Y} of
     * softmax or sigmoid with cross-entropy): fills the parameter gradients and returns {@code dz Wᵀ}, the gradient
     * with respect to the input, or null when it is not needed.
     */
    public Tensor backwardLinear(Tensor dz, boolean needInputGrad) {
        Gemm.gemm(true, false, 1.0, input, dz, 0.0, kernel.grad());
        Kernels.columnSums(dz, bias.grad());
        if (!needInputGrad) {
            return null;
        }
        int rows = dz.rows();
        inGradBuffer = ensure(inGradBuffer, rows, inputs);
        Tensor dx = inGradBuffer.rows(0, rows);
        Gemm.gemm(false, true, 1.0, dz, kernel.value(), 0.0, dx);
        return dx;
    }

    private Tensor ensure(Tensor buffer, int rows, int cols) {
        if (buffer == null || buffer.rows() < rows) {
            return Tensor.zeros(kernel.value().dtype(), rows, cols);
        }
        return buffer;
    }
}
