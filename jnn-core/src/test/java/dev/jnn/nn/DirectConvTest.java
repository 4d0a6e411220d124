package dev.jnn.nn;


import dev.jnn.tensor.DType;
import dev.jnn.tensor.Parallel;
import dev.jnn.tensor.Rng;
import dev.jnn.tensor.Tensor;
import dev.jnn.tensor.VectorSupport;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The direct float32 convolution (valid padding) against the float64 im2col + GEMM path, which the finite-difference
 * checks cover: the same layer with the same weights, forward output, kernel, bias and input gradients. The kernels
 * named beside the shapes are those {@link Conv2D} picks on 8-lane machines; with 16 lanes it picks
 * {@code SampleLanesConv} for stride 1. {@code DirectKernelsTest} checks each kernel on its own.
 */
public class DirectConvTest {

    @ParameterizedTest(name = "{0}x{1}x{2}, {3} filters, {4}x{5} kernel, strides {6}x{7}, {8}")
    @CsvSource({
        "28, 28, 1, 6, 3, 3, 1, 1, RELU",      // LeNet's first layer
        "13, 13, 6, 16, 3, 3, 1, 1, RELU",     // and its second
        "9, 11, 3, 20, 2, 3, 2, 1, TANH",      // filters past one vector, strides, odd widths
        "7, 6, 2, 1, 3, 2, 1, 2, IDENTITY",
        "5, 5, 4, 33, 5, 5, 1, 1, LOGISTIC",   // one output position per sample
        // one channel, stride 1: SingleChannelConv, whose chunks of positions fill 1 to 4 whole vectors
        "12, 12, 1, 1, 3, 3, 1, 1, RELU",
        "9, 13, 1, 3, 2, 3, 1, 1, TANH",
        "11, 10, 1, 8, 5, 5, 1, 1, RELU",
        "6, 7, 1, 12, 1, 1, 1, 1, IDENTITY",
        "10, 9, 1, 16, 3, 2, 1, 1, RELU",
        "8, 8, 1, 24, 3, 3, 1, 1, RELU",
        "7, 9, 1, 32, 4, 4, 1, 1, RELU",
        "5, 4, 1, 6, 3, 3, 1, 1, RELU",       // rows of two positions: a chunk spans several rows
        "3, 3, 1, 6, 3, 3, 1, 1, IDENTITY",   // one output position
        "9, 9, 1, 5, 3, 3, 1, 1, RELU",       // 5 filters need 5 vectors per chunk: FilterLanesConv
        "10, 40, 1, 6, 5, 4, 1, 1, RELU",     // five kernel rows: blocks of 4 and 2 chunks, then single ones
        "6, 5, 1, 6, 5, 2, 1, 1, TANH",       // and a chunk that spans rows
        // stride 1 with several channels: RowLanesInputGradient, 6 channels per register block, rows in pairs
        "20, 35, 8, 5, 3, 4, 1, 1, RELU",     // 3 vectors per row, 2 channel blocks, 5 filters
        "8, 17, 13, 4, 5, 5, 1, 1, TANH",     // 3 channel blocks, a row just past one vector
        "6, 5, 6, 2, 1, 1, 1, 1, IDENTITY",   // 1x1 kernel
        "7, 16, 2, 7, 7, 1, 1, 1, RELU",      // a column kernel, a row of exactly one vector
        "6, 18, 7, 16, 3, 3, 1, 1, TANH",     // 16 filters, rows of 16 positions: planes filled by transposes
        "9, 4, 2, 16, 2, 3, 1, 1, IDENTITY",  // and rows of 2 positions
        // five kernel rows and runs of 25 to 32 kernel columns × channels: PositionRunInputGradient (with 16 lanes)
        "14, 14, 6, 16, 5, 5, 1, 1, RELU",    // LeNet-5's second layer
        "9, 8, 5, 3, 5, 6, 1, 1, TANH",       // rows of three positions: a pair, then one
        "7, 9, 4, 7, 5, 8, 1, 1, IDENTITY"})  // a run of exactly two vectors
    void matchesTheIm2colPath(int h, int w, int c, int filters, int kh, int kw, int sy, int sx, Activation act) {
        check(h, w, c, filters, kh, kw, sy, sx, act, "valid");
    }

    /** {@code same} padding: the direct kernels over a {@code ZeroPad} copy, the input gradient cropped from it. */
    @ParameterizedTest(name = "{0}x{1}x{2}, {3} filters, {4}x{5} kernel, strides {6}x{7}, {8}")
    @CsvSource({
        "28, 28, 1, 6, 5, 5, 1, 1, RELU",      // LeNet-5's first layer: SingleChannelConv
        "14, 14, 6, 16, 5, 5, 1, 1, RELU",     // RowLanesInputGradient over the padded image
        "9, 8, 3, 5, 2, 2, 1, 1, TANH",        // even kernel: the padding is all at the bottom and right
        "9, 11, 3, 20, 3, 3, 2, 2, IDENTITY",  // strides: the col2im input gradient
        "8, 7, 2, 4, 1, 3, 2, 1, RELU",        // a 1-row kernel with stride 2 leaves the last input row unread
        "5, 5, 1, 6, 3, 3, 1, 1, LOGISTIC"})
    void samePaddingMatchesTheIm2colPath(int h, int w, int c, int filters, int kh, int kw, int sy, int sx,
                                         Activation act) {
        check(h, w, c, filters, kh, kw, sy, sx, act, "same");
    }

    private static void check(int h, int w, int c, int filters, int kh, int kw, int sy, int sx, Activation act,
                              String padding) {
        Assumptions.assumeTrue(VectorSupport.available(), "the direct kernels need the Vector API");
        int rows = 21; // SampleLanesConv: a block of 16 samples, then one of 5
        Conv2D direct = new Conv2D(filters, kh, kw, sy, sx, padding, act).biasInitializer(Init.randomUniform(-1, 1));
        Conv2D reference = new Conv2D(filters, kh, kw, sy, sx, padding, act)
                .biasInitializer(Init.randomUniform(-1, 1));
        int[] out = direct.build(new int[] {h, w, c}, DType.FLOAT32, new Rng(3));
        reference.build(new int[] {h, w, c}, DType.FLOAT64, new Rng(3));
        int inCols = h * w * c;
        int outCols = out[0] * out[1] * out[2];
        Rng rng = new Rng(11);
        Tensor x = Tensor.zeros(DType.FLOAT64, rows, inCols);
        Tensor g = Tensor.zeros(DType.FLOAT64, rows, outCols);
        for (int i = 0; i < x.size(); i++) {
            x.setFlat(i, (float) rng.uniform(-1, 1));
        }
        for (int i = 0; i < g.size(); i++) {
            g.setFlat(i, (float) rng.uniform(-1, 1));
        }
        Tensor want = reference.forward(x, true);
        Tensor got = direct.forward(x.to(DType.FLOAT32), true);
        close(want, got, "output");
        Tensor wantDx = reference.backward(g.copy(), true);
        Tensor gotDx = direct.backward(g.to(DType.FLOAT32), true);
        close(reference.kernel().grad(), direct.kernel().grad(), "kernel gradient");
        close(reference.bias().grad(), direct.bias().grad(), "bias gradient");
        close(wantDx, gotDx, "input gradient");
        // As a first layer (no input gradient): relu's derivative is applied inside the kernel gradient
        assertEquals(null, direct.backward(g.to(DType.FLOAT32), false));
        close(reference.kernel().grad(), direct.kernel().grad(), "first layer's kernel gradient");
        close(reference.bias().grad(), direct.bias().grad(), "first layer's bias gradient");
    }

    @ParameterizedTest(name = "{0} threads, {1} channels")
    @CsvSource({"2, 1", "3, 1", "2, 2", "3, 2", "2, 6", "3, 6"})
    void bitsDoNotDependOnThreadCount(int threads, int channels) {
        Assumptions.assumeTrue(VectorSupport.available(), "the direct kernels need the Vector API");
        float[][] one = run(1, channels);
        float[][] many = run(threads, channels);
        for (int i = 0; i < one.length; i++) {
            assertArrayEquals(one[i], many[i], "result " + i + " with " + threads + " threads");
        }
    }

    private static float[][] run(int threads, int channels) {
        Parallel.setThreads(threads);
        try {
            Conv2D conv = new Conv2D(6, 3, Activation.RELU);
            conv.build(new int[] {12, 12, channels}, DType.FLOAT32, new Rng(5));
            Rng rng = new Rng(9);
            Tensor x = Tensor.zeros(DType.FLOAT32, 37, 144 * channels);
            Tensor g = Tensor.zeros(DType.FLOAT32, 37, 600);
            for (int i = 0; i < x.size(); i++) {
                x.setFlat(i, rng.uniform(-1, 1));
            }
            for (int i = 0; i < g.size(); i++) {
                g.setFlat(i, rng.uniform(-1, 1));
            }
            float[] y = conv.forward(x, true).copy().floatData();
            float[] dx = conv.backward(g, true).copy().floatData();
            return new float[][] {y, conv.kernel().grad().copy().floatData(), conv.bias().grad().copy().floatData(),
                dx};
        } finally {
            Parallel.setThreads(0);
        }
    }

    /** Within 1e-5 of the reference, relative to its largest magnitude (at least 1). */
    public static void close(Tensor want, Tensor got, String what) {
        assertEquals(want.size(), got.size(), what + " size");
        double scale = 0;
        for (int i = 0; i < want.size(); i++) {
            scale = Math.max(scale, Math.abs(want.getFlat(i)));
        }
        for (int i = 0; i < want.size(); i++) {
            double d = Math.abs(want.getFlat(i) - got.getFlat(i));
            int at = i;
            assertTrue(d <= 1e-5 * Math.max(1, scale), () -> what + " differs at " + at + ": " + want.getFlat(at)
                    + " vs " + got.getFlat(at));
        }
    }
}
