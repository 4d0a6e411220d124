package dev.jnn.kernels;

import dev.jnn.tensor.Tensor;

/**
 * A float32 convolution with valid padding computed straight from its input, without the patch matrix: the forward
 * pass and the kernel gradient. The input gradient is a {@link InputGradientKernel}'s (stride 1) or {@link Conv2D}'s
 * own GEMM and col2im.
 */
interface ValidConvKernel {
    /**
     * {@code out = f(conv(x, kernel) + bias)}, f being relu when {@code relu}, else the identity; {@code out} has one
     * row of (outHeight, outWidth, filters) per sample.
     */
    void forward(Tensor x, Tensor kernel, Tensor bias, boolean relu, Tensor out);

    /**
     * {@code dKernel} and {@code dBias} from the input {@code x} and {@code dz}, (rows·positions, filters). With a
     * {@code reluOutput} (the forward's relu'd output, same shape as {@code dz}), {@code dz} is the gradient of that
     * output, and the relu derivative (zero where the output is 0) is applied on the way; {@code dz} may then be
     * changed.
     */
    void kernelGradient(Tensor x, Tensor dz, Tensor reluOutput, Tensor dKernel, Tensor dBias);
}
