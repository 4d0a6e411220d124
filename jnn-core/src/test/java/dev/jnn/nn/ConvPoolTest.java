package dev.jnn.nn;

import dev.jnn.tensor.DType;
import dev.jnn.tensor.Rng;
import dev.jnn.tensor.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * {@link Conv2D#forwardPooled} and {@link Conv2D#backwardPooled} against the two layers run one after the other:
 * the same pooled output, kernel, bias and input gradients, to the bit (ties at relu's zeros, the first of equal
 * maxima in a flat image, and NaN included).
 */
class ConvPoolTest {

    @ParameterizedTest(name = "{0}x{1}x{2}, {3} filters, {4}x{4} {5}, {6} samples, input gradient {7}, NaN {8}")
    @CsvSource({
        "28, 28, 1, 6, 5, same, 21, false, false",   // LeNet-5's first layer and pooling
        "14, 14, 6, 16, 5, valid, 21, true, false",  // its second
        "13, 13, 6, 16, 3, valid, 37, true, false",  // the course's second: 11x11, the last row and column unpooled
        "8, 9, 7, 4, 3, valid, 5, true, true",       // 6x7 with a NaN
        "12, 12, 1, 6, 3, valid, 18, false, true",
        "9, 9, 2, 5, 3, same, 16, true, false"})     // input gradient wanted over 2 channels: the two layers
    void pooledStepMatchesTheTwoLayers(int h, int w, int c, int filters, int k, String padding, int rows,
                                       boolean needInputGrad, boolean nan) {
        Conv2D a = conv(filters, k, padding, h, w, c);
        Conv2D b = conv(filters, k, padding, h, w, c);
        MaxPool2D pa = new MaxPool2D(2);
        MaxPool2D pb = new MaxPool2D(2);
        int[] pooled = pa.build(a.outputShape(), DType.FLOAT32, new Rng(1));
        pb.build(b.outputShape(), DType.FLOAT32, new Rng(1));
        Rng rng = new Rng(7);
        Tensor x = Tensor.zeros(DType.FLOAT32, rows, h * w * c);
        for (int i = 0; i < x.size(); i++) {
            // a few exact zeros and repeats make ties
            x.setFlat(i, rng.nextDouble() < 0.2 ? 0 : Math.round(rng.uniform(-4, 4)) / 4.0);
        }
        for (int i = 0; i < h * w * c; i++) { // a flat image: equal maxima in the inner windows
            x.setFlat(i, 0.5);
        }
        if (nan) {
            x.setFlat(x.size() / 2, Double.NaN);
        }
        Tensor g = Tensor.zeros(DType.FLOAT32, rows, pooled[0] * pooled[1] * pooled[2]);
        for (int i = 0; i < g.size(); i++) {
            g.setFlat(i, rng.uniform(-1, 1));
        }
        Tensor want = pa.forward(a.forward(x, true), true).copy();
        Tensor wantDx = a.backward(pa.backward(g.copy(), true), needInputGrad);
        Tensor got = b.forwardPooled(x, pb, needInputGrad).copy();
        Tensor gotDx = b.backwardPooled(g.copy(), needInputGrad);
        assertArrayEquals(want.floatData(), got.floatData(), "pooled output");
        assertArrayEquals(a.kernel().grad().floatData(), b.kernel().grad().floatData(), "kernel gradient");
        assertArrayEquals(a.bias().grad().floatData(), b.bias().grad().floatData(), "bias gradient");
        if (needInputGrad) {
            assertEquals(wantDx.size(), gotDx.size());
            assertArrayEquals(wantDx.copy().floatData(), gotDx.copy().floatData(), "input gradient");
        } else {
            assertNull(gotDx);
        }
    }

    private static Conv2D conv(int filters, int k, String padding, int h, int w, int c) {
        Conv2D conv = new Conv2D(filters, k, k, 1, 1, padding, Activation.RELU)
                .biasInitializer(Init.randomUniform(-0.5, 0.5));
        conv.build(new int[] {h, w, c}, DType.FLOAT32, new Rng(3));
        return conv;
    }
}
