package dev.jnn.kernels;

import dev.jnn.tensor.Buffers;
import dev.jnn.tensor.Tensor;

import java.util.function.Consumer;

/**
 * The one entry point of a float32 convolution without the patch matrix (what {@code nn.Conv2D} runs in float32): which {@link ValidConvKernel} kernel runs (picked at the first
 * forward pass), the input it read (with {@code same} padding, {@link ZeroPad}'s bordered copy), the
 * {@link InputGradientKernel} for stride 1, and the pooled step of a relu convolution and a 2×2 max pooling (forward and backward as one).
 */
public final class DirectConvolution {
    /** Below this many rows, a prediction does not run {@link SampleLanesConv}'s blocks of 16 samples. */
    static final int FEW_SAMPLES = 32;
    private final ConvGeometry geometry;
    private final int filters;
    /** With {@code same} padding: the zero-bordered copy of the input that the kernels read. */
    private final ZeroPad zeroPad;
    /** The geometry the kernels compute: the layer's, or with {@code same} padding the padded image's. */
    private final ConvGeometry valid;
    private ValidConvKernel direct;
    /** The kernel of predictions on fewer than {@link #FEW_SAMPLES} rows; training's stays {@link #direct}. */
    private ValidConvKernel fewSamples;
    /** The kernel of the last forward pass, whose gradients follow it. */
    private ValidConvKernel last;
    private Tensor input;
    private InputGradientKernel inputGradient;
    private Tensor inGradBuffer;
    private Tensor pooledBuffer;

    public DirectConvolution(ConvGeometry geometry, int filters, boolean same) {
        this.geometry = geometry;
        this.filters = filters;
        this.zeroPad = same ? new ZeroPad(geometry) : null;
        this.valid = same ? zeroPad.valid() : geometry;
    }

    /** Whether the direct kernels take {@code x}: float32, and the Vector API present. */
    public boolean suits(Tensor x) {
        return FilterLanesConv.suits(valid, x);
    }

    /**
     * {@code out = f(conv(x) + bias)}, f relu or none (see {@link ValidConvKernel#forward}). Outside training, fewer
     * than {@link #FEW_SAMPLES} rows (a prediction of one image) skip {@link SampleLanesConv}, which fills vectors
     * with 16 samples; every direct kernel sums the same taps in the same order, so the bits are the same.
     */
    public void forward(Tensor x, Tensor kernel, Tensor bias, boolean relu, Tensor out, boolean training) {
        Tensor in = zeroPad == null ? x : zeroPad.pad(x);
        if (!training && x.rows() < FEW_SAMPLES) {
            if (fewSamples == null) {
                fewSamples = SingleChannelConv.suits(valid, filters, in) ? new SingleChannelConv(valid, filters)
                        : new FilterLanesConv(valid, filters);
            }
            fewSamples.forward(in, kernel, bias, relu, out);
            last = fewSamples;
            input = in;
            return;
        }
        if (direct == null) {
            direct = SampleLanesConv.suits(valid, filters, in) ? new SampleLanesConv(valid, filters)
                    : SingleChannelConv.suits(valid, filters, in) ? new SingleChannelConv(valid, filters)
                    : new FilterLanesConv(valid, filters);
        }
        direct.forward(in, kernel, bias, relu, out);
        last = direct;
        input = in;
    }

    /** The kernel and bias gradients of the last forward pass (see {@link ValidConvKernel#kernelGradient}). */
    public void kernelGradient(Tensor dz, Tensor reluOutput, Tensor dKernel, Tensor dBias) {
        last.kernelGradient(input, dz, reluOutput, dKernel, dBias);
    }

    /**
     * Whether relu's derivative can be left to the kernel gradient although the input gradient follows: in
     * {@link SampleLanesConv}'s lanes, which its input gradient reuses.
     */
    public boolean masksForInputGradient(Tensor dz) {
        return last instanceof SampleLanesConv && hasInputGradient(dz)
                && SampleLanesConv.suitsInputGradient(valid);
    }

    /** Whether a direct input gradient applies to {@code dz}: float32, stride 1, the Vector API. */
    public boolean hasInputGradient(Tensor dz) {
        return InputGradientKernel.suits(valid, dz);
    }

    /** The input gradient from {@code dz}, after the kernel gradient read it. */
    public Tensor inputGradient(Tensor dz, Tensor kernel, int rows) {
        // SampleLanesConv reuses the output gradient's lanes that its kernel gradient made
        if (last instanceof SampleLanesConv lanes && SampleLanesConv.suitsInputGradient(valid)) {
            return inputGradient(dz, rows, d -> lanes.compute(dz, kernel, d));
        }
        if (inputGradient == null) {
            inputGradient = InputGradientKernel.of(valid, filters);
        }
        return inputGradient(dz, rows, d -> inputGradient.compute(dz, kernel, d));
    }

    /** Whether the pooled step runs in the lanes for {@code x} (else as the two layers). */
    public boolean pools(Tensor x, boolean needInputGrad) {
        return SampleLanesConv.suits(valid, filters, x)
                && (!needInputGrad || SampleLanesConv.suitsInputGradient(valid))
                && (direct == null || direct instanceof SampleLanesConv);
    }

    /** The relu'd convolution of {@code x}, max-pooled in 2×2 windows with stride 2 (see {@link #pools}). */
    public Tensor forwardPooled(Tensor x, Tensor kernel, Tensor bias) {
        Tensor in = zeroPad == null ? x : zeroPad.pad(x);
        if (direct == null) {
            direct = new SampleLanesConv(valid, filters);
        }
        pooledBuffer = Buffers.ensure(pooledBuffer, x.dtype(), x.rows(),
                geometry.outHeight() / 2 * (geometry.outWidth() / 2) * filters);
        Tensor pooled = pooledBuffer.rows(0, x.rows());
        ((SampleLanesConv) direct).forwardPooled(in, kernel, bias, pooled);
        last = direct;
        input = in;
        return pooled;
    }

    /** After {@link #forwardPooled}: the kernel gradient, and the input gradient when wanted (else null). */
    public Tensor backwardPooled(Tensor gradPooled, Tensor kernel, Tensor dKernel, Tensor dBias, boolean needInputGrad) {
        SampleLanesConv lanes = (SampleLanesConv) direct;
        lanes.kernelGradientPooled(input, gradPooled, dKernel, dBias);
        return needInputGrad ? inputGradient(gradPooled, gradPooled.rows(), d -> lanes.computeKept(kernel, d)) : null;
    }

    /** The input gradient that {@code compute} writes for the (with {@code same}, zero-bordered) input. */
    private Tensor inputGradient(Tensor like, int rows, Consumer<Tensor> compute) {
        int inCols = geometry.height() * geometry.width() * geometry.channels();
        inGradBuffer = Buffers.ensure(inGradBuffer, like.dtype(), rows, inCols);
        Tensor dx = inGradBuffer.rows(0, rows);
        if (zeroPad == null) {
            compute.accept(dx);
        } else {
            Tensor dp = zeroPad.gradientBuffer(like, rows);
            compute.accept(dp);
            zeroPad.crop(dp, dx);
        }
        return dx;
    }
}
