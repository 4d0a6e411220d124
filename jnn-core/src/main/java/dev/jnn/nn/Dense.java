package dev.jnn.nn;

import dev.jnn.tensor.Buffers;
import dev.jnn.tensor.DType;
import dev.jnn.tensor.Gemm;
import dev.jnn.tensor.Kernels;
import dev.jnn.tensor.Rng;
import dev.jnn.tensor.Tensor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fully connected layer {@code a = f(x W + b)} with W of shape (inputs, units), computed as one GEMM, a row
 * broadcast and an in-place activation.
 *
 * <p>Gradients are sums over the rows of the batch ({@code dW = xᵀ dz}, {@code db = Σ dz}); whoever supplies
 * {@code dz} decides the scaling (scikit-learn divides by the batch size afterwards, a mean loss divides first).
 * Output and input-gradient buffers are reused across calls of the same or smaller batch size, so a training
 * loop allocates nothing per batch. A layer is therefore not thread-safe.
 */
public final class Dense implements Activated {
    private final int units;
    private final Activation activation;
    private Init kernelInit = Init.glorotUniform();
    private Init biasInit = Init.zeros();
    private Regularizer regularizer;
    private int inputs;
    private Parameter kernel;
    private Parameter bias;
    private Tensor outBuffer;
    private Tensor inGradBuffer;
    private Tensor input;
    private Tensor output;

    /** A layer with zero weights of the given dtype; fill them through {@link #kernel()} and {@link #bias()}. */
    public Dense(int inputs, int units, Activation activation, DType dtype) {
        this(units, activation);
        kernelInit = Init.zeros();
        build(new int[] {inputs}, dtype, null);
    }

    /** A layer of {@code units} outputs, built when its model sees the input; Glorot-uniform kernel, zero bias. */
    public Dense(int units, Activation activation) {
        if (units < 1) {
            throw new IllegalArgumentException("Dense: units must be >= 1, got " + units);
        }
        if (activation == null) {
            throw new IllegalArgumentException("Dense: activation must not be null (use Activation.IDENTITY)");
        }
        this.units = units;
        this.activation = activation;
    }

    /** Sets the kernel initialiser (before the layer is built); returns this layer. */
    public Dense kernelInitializer(Init init) {
        this.kernelInit = unbuilt(init);
        return this;
    }

    /** Sets the bias initialiser (before the layer is built); returns this layer. */
    public Dense biasInitializer(Init init) {
        this.biasInit = unbuilt(init);
        return this;
    }

    /** Adds an L1/L2 penalty on the kernel; returns this layer. */
    public Dense kernelRegularizer(Regularizer regularizer) {
        this.regularizer = regularizer;
        return this;
    }

    private Init unbuilt(Init init) {
        if (kernel != null) {
            throw new IllegalStateException("Dense: initialisers must be set before the layer is built");
        }
        return java.util.Objects.requireNonNull(init, "init");
    }

    @Override
    public String type() {
        return "Dense";
    }

    @Override
    public int[] build(int[] inputShape, DType dtype, Rng rng) {
        if (inputShape.length != 1) {
            throw new IllegalArgumentException("Dense expects flat samples, got shape " + SampleShapes.text(inputShape)
                    + ": put a Flatten layer before it");
        }
        inputs = inputShape[0];
        if (inputs < 1) {
            throw new IllegalArgumentException("Dense: inputs must be >= 1, got " + inputs);
        }
        kernel = Parameter.of("kernel", Tensor.zeros(dtype, inputs, units));
        bias = Parameter.of("bias", Tensor.zeros(dtype, units));
        if (rng != null) {
            kernelInit.fill(kernel.value(), inputs, units, rng);
            biasInit.fill(bias.value(), inputs, units, rng);
        }
        outBuffer = null;
        inGradBuffer = null;
        return outputShape();
    }

    @Override
    public int[] outputShape() {
        return new int[] {units};
    }

    public int inputs() {
        return inputs;
    }

    public int units() {
        return units;
    }

    @Override
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
    @Override
    public List<Parameter> parameters() {
        return List.of(kernel, bias);
    }

    @Override
    public double regularize(double scale, boolean addGradient) {
        return regularizer == null ? 0 : regularizer.apply(kernel, scale, addGradient);
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("units", units);
        c.put("activation", activation.pythonName());
        c.put("kernel_initializer", kernelInit);
        c.put("bias_initializer", biasInit);
        if (regularizer != null) {
            c.put("kernel_regularizer", regularizer);
        }
        return c;
    }

    /**
     * The activations for a batch {@code x} (rows × inputs). The result is a view of an internal buffer that the
     * next call overwrites; {@code x} is remembered for {@link #backward}.
     */
    public Tensor forward(Tensor x) {
        if (kernel == null) {
            throw new IllegalStateException("Dense: the layer is not built yet");
        }
        if (x.rank() != 2 || x.cols() != inputs) {
            throw new IllegalArgumentException("Dense: expected input (rows, " + inputs + "), got " + x);
        }
        int rows = x.rows();
        outBuffer = Buffers.ensure(outBuffer, x.dtype(), rows, units);
        Tensor out = outBuffer.rows(0, rows);
        Gemm.gemm(false, false, 1.0, x, kernel.value(), 0.0, out);
        Kernels.addRowVector(out, bias.value());
        activation.apply(out);
        input = x;
        output = out;
        return out;
    }

    @Override
    public Tensor forward(Tensor x, boolean training) {
        return forward(x);
    }

    /**
     * Back-propagates the gradient with respect to this layer's output: multiplies it in place by f'(a), then
     * continues as {@link #backwardLinear}.
     */
    @Override
    public Tensor backward(Tensor gradOutput, boolean needInputGrad) {
        activation.derivative(output, gradOutput);
        return backwardLinear(gradOutput, needInputGrad);
    }

    /**
     * Back-propagates a gradient with respect to the pre-activation {@code z} (e.g. the fused {@code P - Y} of
     * softmax or sigmoid with cross-entropy): fills the parameter gradients and returns {@code dz Wᵀ}, the gradient
     * with respect to the input, or null when it is not needed.
     */
    @Override
    public Tensor backwardLinear(Tensor dz, boolean needInputGrad) {
        Gemm.gemm(true, false, 1.0, input, dz, 0.0, kernel.grad());
        Kernels.columnSums(dz, bias.grad());
        if (!needInputGrad) {
            return null;
        }
        int rows = dz.rows();
        inGradBuffer = Buffers.ensure(inGradBuffer, dz.dtype(), rows, inputs);
        Tensor dx = inGradBuffer.rows(0, rows);
        Gemm.gemm(false, true, 1.0, dz, kernel.value(), 0.0, dx);
        return dx;
    }
}
