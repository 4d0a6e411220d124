package dev.jnn.nn;

import dev.jnn.kernels.ConvGeometry;
import dev.jnn.kernels.DirectConvolution;
import dev.jnn.tensor.Buffers;
import dev.jnn.tensor.TallKernels;

import dev.jnn.tensor.DType;
import dev.jnn.tensor.Gemm;
import dev.jnn.tensor.Rng;
import dev.jnn.tensor.Tensor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A 2-D convolution over samples of shape (height, width, channels). In float32 it runs the direct kernels of
 * {@link DirectConvolution} (straight from the input, without a patch matrix); otherwise {@link ConvGeometry}'s
 * packing plus one GEMM, and col2im for the input gradient. The kernel has shape (kh·kw·channels, filters), which is
 * Keras's (kh, kw, channels, filters) in row-major order; the output is (outHeight, outWidth, filters). Padding
 * {@code valid} uses no padding; {@code same} pads so that {@code out = ceil(in / stride)}, with the odd pixel at the
 * bottom/right, as Keras and TensorFlow do. In training, a relu convolution and the 2×2 max pooling after it can run
 * as one step ({@link #fuseWith}).
 */
public final class Conv2D implements Activated {
    private final int filters;
    private final int kh;
    private final int kw;
    private final int sy;
    private final int sx;
    private final boolean same;
    private final Activation activation;
    private Init kernelInit = Init.glorotUniform();
    private Init biasInit = Init.zeros();
    private Regularizer regularizer;
    private ConvGeometry geometry;
    private Parameter kernel;
    private Parameter bias;
    private Tensor patches;
    private Tensor dPatches;
    private Tensor outBuffer;
    private Tensor inGradBuffer;
    private Tensor output;
    /** After {@link #forwardPooled}: its pooling layer, and whether the pooling ran inside the convolution. */
    private MaxPool2D pooledBy;
    private boolean fused;
    private int rows;
    /** The float32 kernels without the patch matrix, and whether the last forward pass ran them. */
    private DirectConvolution direct;
    private boolean directRan;

    /** A square {@code size}×{@code size} convolution with stride 1 and valid padding. */
    public Conv2D(int filters, int size, Activation activation) {
        this(filters, size, size, 1, 1, "valid", activation);
    }

    /**
     * A convolution of {@code filters} kernels of {@code kh}×{@code kw}, strides {@code sy}, {@code sx} and padding
     * {@code "valid"} or {@code "same"}.
     */
    public Conv2D(int filters, int kh, int kw, int sy, int sx, String padding, Activation activation) {
        if (filters < 1 || kh < 1 || kw < 1 || sy < 1 || sx < 1) {
            throw new IllegalArgumentException("Conv2D: filters, kernel size and strides must be >= 1, got filters="
                    + filters + ", kernel=" + kh + "x" + kw + ", strides=" + sy + "x" + sx);
        }
        String pad = Objects.requireNonNull(padding, "padding").toLowerCase(Locale.ROOT);
        if (!pad.equals("valid") && !pad.equals("same")) {
            throw new IllegalArgumentException("Conv2D: padding must be 'valid' or 'same', got '" + padding + "'");
        }
        if (activation == null || activation == Activation.SOFTMAX) {
            throw new IllegalArgumentException("Conv2D: activation must be an element-wise one, got " + activation);
        }
        this.filters = filters;
        this.kh = kh;
        this.kw = kw;
        this.sy = sy;
        this.sx = sx;
        this.same = pad.equals("same");
        this.activation = activation;
    }

    /** Sets the kernel initialiser (before the layer is built); returns this layer. */
    public Conv2D kernelInitializer(Init init) {
        this.kernelInit = Objects.requireNonNull(init, "init");
        return this;
    }

    /** Sets the bias initialiser (before the layer is built); returns this layer. */
    public Conv2D biasInitializer(Init init) {
        this.biasInit = Objects.requireNonNull(init, "init");
        return this;
    }

    /** Adds an L1/L2 penalty on the kernel; returns this layer. */
    public Conv2D kernelRegularizer(Regularizer regularizer) {
        this.regularizer = regularizer;
        return this;
    }

    @Override
    public String type() {
        return "Conv2D";
    }

    @Override
    public int[] build(int[] in, DType dtype, Rng rng) {
        if (in.length != 3) {
            throw new IllegalArgumentException("Conv2D expects samples of shape (height, width, channels), got "
                    + SampleShapes.text(in)
                    + ": start the model with an Input of the image shape, e.g. new Input(28, 28, 1)");
        }
        int h = in[0], w = in[1], c = in[2];
        int oh, ow, padTop = 0, padLeft = 0;
        if (same) {
            oh = (h + sy - 1) / sy;
            ow = (w + sx - 1) / sx;
            padTop = Math.max((oh - 1) * sy + kh - h, 0) / 2;
            padLeft = Math.max((ow - 1) * sx + kw - w, 0) / 2;
        } else {
            oh = h >= kh ? (h - kh) / sy + 1 : 0;
            ow = w >= kw ? (w - kw) / sx + 1 : 0;
        }
        if (oh < 1 || ow < 1) {
            throw new IllegalArgumentException("Conv2D: a " + kh + "x" + kw + " kernel does not fit an input of shape "
                    + SampleShapes.text(in) + " with valid padding");
        }
        geometry = new ConvGeometry(h, w, c, kh, kw, sy, sx, padTop, padLeft, oh, ow);
        int k = geometry.patchSize();
        kernel = Parameter.of("kernel", Tensor.zeros(dtype, k, filters));
        bias = Parameter.of("bias", Tensor.zeros(dtype, filters));
        kernelInit.fill(kernel.value(), k, kh * kw * filters, rng);
        biasInit.fill(bias.value(), k, kh * kw * filters, rng);
        patches = dPatches = outBuffer = inGradBuffer = null;
        direct = new DirectConvolution(geometry, filters, same);
        directRan = false;
        return outputShape();
    }

    @Override
    public int[] outputShape() {
        return new int[] {geometry.outHeight(), geometry.outWidth(), filters};
    }

    @Override
    public Activation activation() {
        return activation;
    }

    /** The kernel, shape (kh·kw·channels, filters). */
    public Parameter kernel() {
        return kernel;
    }

    /** The bias, one per filter. */
    public Parameter bias() {
        return bias;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(kernel, bias);
    }

    @Override
    public double regularize(double scale, boolean addGradient) {
        return regularizer == null ? 0 : regularizer.apply(kernel, scale, addGradient);
    }

    @Override
    public Tensor forward(Tensor x, boolean training) {
        pooledBy = null;
        int inCols = geometry.height() * geometry.width() * geometry.channels();
        SampleShapes.checkInput("Conv2D", x, inCols);
        rows = x.rows();
        int positions = rows * geometry.positions();
        outBuffer = Buffers.ensure(outBuffer, x.dtype(), positions, filters);
        Tensor z = outBuffer.rows(0, positions);
        directRan = direct.suits(x);
        if (directRan) {
            boolean relu = activation == Activation.RELU;
            direct.forward(x, kernel.value(), bias.value(), relu, z.reshape(rows, geometry.positions() * filters),
                    training);
            if (!relu && activation != Activation.IDENTITY) {
                activation.apply(z);
            }
        } else {
            patches = Buffers.ensure(patches, x.dtype(), positions, geometry.patchSize());
            Tensor p = patches.rows(0, positions);
            geometry.pack(x, p);
            Gemm.gemm(false, false, 1.0, p, kernel.value(), 0.0, z);
            boolean relu = activation == Activation.RELU;
            TallKernels.addBias(z, bias.value(), relu);
            if (!relu && activation != Activation.IDENTITY) {
                activation.apply(z);
            }
        }
        output = z;
        return z.reshape(rows, geometry.positions() * filters);
    }

    /**
     * A relu convolution and the {@link MaxPool2D} of 2×2 windows with stride 2 over its output train as one step
     * ({@link #forwardPooled}, {@link #backwardPooled}).
     */
    @Override
    public Fused fuseWith(Layer next) {
        if (!poolsWith(next)) {
            return null;
        }
        MaxPool2D pool = (MaxPool2D) next;
        return new Fused() {
            @Override
            public Tensor forward(Tensor x, boolean needInputGrad) {
                return forwardPooled(x, pool, needInputGrad);
            }

            @Override
            public Tensor backward(Tensor gradOutput, boolean needInputGrad) {
                return backwardPooled(gradOutput, needInputGrad);
            }
        };
    }

    /** Whether {@link #fuseWith} pairs this layer with {@code next}. */
    boolean poolsWith(Layer next) {
        return activation == Activation.RELU && geometry != null && next instanceof MaxPool2D p
                && p.halves(geometry.outHeight(), geometry.outWidth(), filters);
    }

    /**
     * Training's forward pass through this layer and {@code pool} (see {@link #fuseWith}) at once, as
     * {@code pool.forward(forward(x, true), true)} gives. Where {@link SampleLanesConv} runs, the output is pooled
     * while it is in its blocks of 16 samples, so that only the pooled output is written; the gradient then comes
     * back through {@link #backwardPooled}. {@code needInputGrad} says whether that will want the input gradient.
     */
    Tensor forwardPooled(Tensor x, MaxPool2D pool, boolean needInputGrad) {
        if (!poolsWith(pool)) {
            throw new IllegalArgumentException("Conv2D.forwardPooled needs relu and a 2x2 MaxPool2D with stride 2 "
                    + "over this layer's output");
        }
        if (!direct.pools(x, needInputGrad)) {
            Tensor out = pool.forward(forward(x, true), true);
            pooledBy = pool;
            fused = false;
            return out;
        }
        SampleShapes.checkInput("Conv2D", x, geometry.height() * geometry.width() * geometry.channels());
        rows = x.rows();
        Tensor pooled = direct.forwardPooled(x, kernel.value(), bias.value());
        directRan = true;
        output = null;
        pooledBy = pool;
        fused = true;
        return pooled;
    }

    /** The backward pass after {@link #forwardPooled}, from the pooled output's gradient. */
    Tensor backwardPooled(Tensor gradPooled, boolean needInputGrad) {
        if (pooledBy == null) {
            throw new IllegalStateException("Conv2D.backwardPooled needs forwardPooled first");
        }
        if (!fused) {
            return backward(pooledBy.backward(gradPooled, true), needInputGrad);
        }
        return direct.backwardPooled(gradPooled, kernel.value(), kernel.grad(), bias.grad(), needInputGrad);
    }

    @Override
    public Tensor backward(Tensor gradOutput, boolean needInputGrad) {
        if (output == null) {
            throw new IllegalStateException("Conv2D.backward needs forward first (after forwardPooled, "
                    + "backwardPooled)");
        }
        Tensor dz = gradOutput.reshape(rows * geometry.positions(), filters);
        if (directRan && activation == Activation.RELU && (!needInputGrad || direct.masksForInputGradient(dz))) {
            // The kernel gradient applies the relu derivative as it reads dz: when it alone reads dz (a first
            // layer), or in SampleLanesConv's lanes, which its input gradient reads next
            direct.kernelGradient(dz, output, kernel.grad(), bias.grad());
            return needInputGrad ? inputGradient(dz) : null;
        }
        activation.derivative(output, dz);
        return backwardLinear(gradOutput, needInputGrad);
    }

    @Override
    public Tensor backwardLinear(Tensor dzRows, boolean needInputGrad) {
        int positions = rows * geometry.positions();
        Tensor dz = dzRows.reshape(positions, filters);
        if (directRan) {
            direct.kernelGradient(dz, null, kernel.grad(), bias.grad());
        } else {
            TallKernels.tallTransposedProduct(patches.rows(0, positions), dz, kernel.grad());
            TallKernels.columnSums(dz, bias.grad());
        }
        return needInputGrad ? inputGradient(dz) : null;
    }

    /** The input gradient from {@code dz}, (rows·positions, filters), after the kernel gradient read it. */
    private Tensor inputGradient(Tensor dz) {
        int positions = rows * geometry.positions();
        if (direct.hasInputGradient(dz)) {
            return direct.inputGradient(dz, kernel.value(), rows);
        }
        inGradBuffer = Buffers.ensure(inGradBuffer, dz.dtype(), rows, geometry.height() * geometry.width()
                * geometry.channels());
        Tensor dx = inGradBuffer.rows(0, rows);
        dPatches = Buffers.ensure(dPatches, dz.dtype(), positions, geometry.patchSize());
        Tensor dp = dPatches.rows(0, positions);
        Gemm.gemm(false, true, 1.0, dz, kernel.value(), 0.0, dp);
        geometry.unpack(dp, dx);
        return dx;
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("filters", filters);
        c.put("kernel_size", List.of(kh, kw));
        c.put("strides", List.of(sy, sx));
        c.put("padding", same ? "same" : "valid");
        c.put("activation", activation.pythonName());
        c.put("kernel_initializer", kernelInit);
        c.put("bias_initializer", biasInit);
        if (regularizer != null) {
            c.put("kernel_regularizer", regularizer);
        }
        return c;
    }
}
