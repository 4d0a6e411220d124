package dev.jnn.kernels;

import dev.jnn.tensor.Tensor;

/**
 * A float32 convolution's input gradient computed straight from the output gradient, without the patch matrix and
 * its scatter: {@link RowLanesInputGradient} (lanes along input rows), {@link PositionRunInputGradient} (lanes along each
 * position's run of kernel columns and channels, for runs that nearly fill two vectors), or {@link SampleLanesConv}
 * (samples in the lanes; {@link Conv2D} takes it with its forward pass and kernel gradient).
 */
interface InputGradientKernel {
    /**
     * {@code dx} (rows × height·width·channels) from {@code dz} (rows·positions × filters) and {@code kernel}
     * (kh·kw·channels × filters).
     */
    void compute(Tensor dz, Tensor kernel, Tensor dx);

    /** Whether a direct input gradient applies: float32, valid padding, stride 1, and the Vector API present. */
    static boolean suits(ConvGeometry g, Tensor dz) {
        return RowLanesInputGradient.suits(g, dz);
    }

    /** The kernel for {@code g} that multiplies fewer lanes. */
    static InputGradientKernel of(ConvGeometry g, int filters) {
        return PositionRunInputGradient.suits(g) ? new PositionRunInputGradient(g, filters) : new RowLanesInputGradient(g, filters);
    }
}
