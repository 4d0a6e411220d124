package dev.jnn.kernels;

import dev.jnn.nn.Activation;
import dev.jnn.nn.Conv2D;
import dev.jnn.nn.DirectConvTest;
import dev.jnn.nn.Init;
import dev.jnn.tensor.DType;
import dev.jnn.tensor.Rng;
import dev.jnn.tensor.Tensor;
import dev.jnn.tensor.VectorSupport;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every direct float32 kernel that suits a valid-padding shape, not only the one {@link Conv2D} picks on this
 * machine, against the float64 im2col + GEMM path (which the finite-difference checks cover): the forward pass,
 * kernel and bias gradients, and the input gradient.
 */
class DirectKernelsTest {

    @ParameterizedTest(name = "{0}x{1}x{2}, {3} filters, {4}x{5} kernel, {6} samples")
    @CsvSource({
        "28, 28, 1, 6, 3, 3, 21",     // LeNet's first layer: SingleChannelConv, SampleLanesConv with 4x6 tiles
        "32, 32, 1, 6, 5, 5, 17",     // LeNet-5's, padded
        "13, 13, 6, 16, 3, 3, 21",    // LeNet's second layer: all of them
        "14, 14, 6, 16, 5, 5, 37",    // LeNet-5's, with PositionRunInputGradient; three blocks of samples
        "8, 17, 13, 4, 5, 5, 5",      // SampleLanesConv: a last position tile that overlaps, a run of 65 features
        "20, 35, 8, 5, 3, 4, 3",      // 5 filters: overlapping filter tiles
        "7, 8, 6, 4, 3, 3, 16",       // 30 positions: a pair of positions left after the input gradient's tiles
        "6, 18, 7, 16, 3, 3, 9",      // 63 taps: overlapping tap tiles
        "9, 8, 5, 3, 5, 6, 4",        // 3 filters: FilterLanesConv only (and PositionRunInputGradient)
        "10, 9, 1, 16, 3, 2, 2",
        "7, 9, 4, 12, 5, 8, 19",      // 12 filters
        "8, 8, 6, 4, 3, 3, 1030",     // more samples than SampleLanesConv keeps the input lanes of
        // one channel: SingleChannelConv's chunks of 1 to 4 vectors, SingleChannelThreeRows, SingleChannelFiveRows and SingleChannelTapRows
        "9, 13, 1, 3, 2, 3, 3",
        "11, 10, 1, 8, 5, 5, 4",
        "8, 8, 1, 24, 3, 3, 2",
        "7, 9, 1, 32, 4, 4, 2",
        "5, 4, 1, 6, 3, 3, 3",        // rows of two positions: a chunk spans several rows
        "10, 40, 1, 6, 5, 4, 3",      // five kernel rows: blocks of 4 and 2 chunks, then single ones
        "6, 5, 1, 6, 5, 2, 18"})      // and a chunk that spans rows
    void everySuitingKernelMatchesTheIm2colPath(int h, int w, int c, int filters, int kh, int kw, int rows) {
        Assumptions.assumeTrue(VectorSupport.available(), "the direct kernels need the Vector API");
        Conv2D reference = new Conv2D(filters, kh, kw, 1, 1, "valid", Activation.IDENTITY)
                .biasInitializer(Init.randomUniform(-1, 1));
        int[] out = reference.build(new int[] {h, w, c}, DType.FLOAT64, new Rng(3));
        int positions = out[0] * out[1];
        ConvGeometry g = new ConvGeometry(h, w, c, kh, kw, 1, 1, 0, 0, out[0], out[1]);
        Rng rng = new Rng(11);
        Tensor x = Tensor.zeros(DType.FLOAT64, rows, h * w * c);
        Tensor dz = Tensor.zeros(DType.FLOAT64, rows * positions, filters);
        for (int i = 0; i < x.size(); i++) {
            x.setFlat(i, (float) rng.uniform(-1, 1));
        }
        for (int i = 0; i < dz.size(); i++) {
            dz.setFlat(i, (float) rng.uniform(-1, 1));
        }
        Tensor z = reference.forward(x, true).copy();
        Tensor dx = reference.backwardLinear(dz.reshape(rows, positions * filters).copy(), true).copy();
        Tensor kernel = reference.kernel().value().to(DType.FLOAT32);
        Tensor bias = reference.bias().value().to(DType.FLOAT32);
        Tensor x32 = x.to(DType.FLOAT32);

        List<ValidConvKernel> kernels = new ArrayList<>();
        kernels.add(new FilterLanesConv(g, filters));
        if (SingleChannelConv.suits(g, filters)) {
            kernels.add(new SingleChannelConv(g, filters));
        }
        if (SampleLanesConv.suits(g, filters)) {
            kernels.add(new SampleLanesConv(g, filters));
        }
        List<InputGradientKernel> inputGradients = new ArrayList<>();
        inputGradients.add(new RowLanesInputGradient(g, filters));
        if (PositionRunInputGradient.suits(g)) {
            inputGradients.add(new PositionRunInputGradient(g, filters));
        }
        Tensor first = null;
        for (ValidConvKernel k : kernels) {
            String name = k.getClass().getSimpleName();
            Tensor got = Tensor.zeros(DType.FLOAT32, rows, positions * filters);
            k.forward(x32, kernel, bias, false, got);
            DirectConvTest.close(z, got, name + " output");
            // The same taps in the same order, one fused multiply-add each: DirectConvolution may pick any of them
            // (by batch size, for predictions) without changing a bit.
            if (first == null) {
                first = got;
            } else {
                org.junit.jupiter.api.Assertions.assertArrayEquals(first.toDoubleArray(), got.toDoubleArray(),
                        name + " forward differs from FilterLanesConv's");
            }
            Tensor dk = Tensor.zeros(DType.FLOAT32, kh * kw * c, filters);
            Tensor db = Tensor.zeros(DType.FLOAT32, filters);
            k.kernelGradient(x32, dz.to(DType.FLOAT32), null, dk, db);
            DirectConvTest.close(reference.kernel().grad(), dk, name + " kernel gradient");
            DirectConvTest.close(reference.bias().grad(), db, name + " bias gradient");
            if (k instanceof SampleLanesConv lanes && SampleLanesConv.suitsInputGradient(g)) {
                inputGradients.add(lanes);
            }
        }
        for (InputGradientKernel k : inputGradients) {
            Tensor got = Tensor.zeros(DType.FLOAT32, rows, h * w * c);
            k.compute(dz.to(DType.FLOAT32), kernel, got);
            DirectConvTest.close(dx, got, k.getClass().getSimpleName() + " input gradient");
        }
    }

    @Test
    void noSamplesGiveZeroGradients() {
        Assumptions.assumeTrue(VectorSupport.available(), "the direct kernels need the Vector API");
        ConvGeometry g = new ConvGeometry(8, 8, 6, 3, 3, 1, 1, 0, 0, 6, 6);
        for (ValidConvKernel k : List.of(new SampleLanesConv(g, 4), new FilterLanesConv(g, 4))) {
            Tensor dk = Tensor.zeros(DType.FLOAT32, 54, 4);
            Tensor db = Tensor.zeros(DType.FLOAT32, 4);
            for (int i = 0; i < dk.size(); i++) {
                dk.setFlat(i, 1);
            }
            db.setFlat(2, 1);
            k.kernelGradient(Tensor.zeros(DType.FLOAT32, 0, 384), Tensor.zeros(DType.FLOAT32, 0, 4), null, dk, db);
            for (int i = 0; i < dk.size(); i++) {
                assertEquals(0, dk.getFlat(i), k.getClass().getSimpleName());
            }
            assertEquals(0, db.getFlat(2), k.getClass().getSimpleName());
        }
    }
}
