package dev.jnn.nn;

import dev.jnn.tensor.DType;
import dev.jnn.tensor.Rng;
import dev.jnn.tensor.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The float32 max pooling (branch-free keys) decides windows as the float64 comparisons do. */
class MaxPool2DTest {

    @Test
    void float32MatchesFloat64OnTiesNaNAndSignedZeros() {
        float[] pool = {-2f, -0f, 0f, 1.5f, Float.NaN, -Float.NaN, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY};
        Rng rng = new Rng(4);
        int rows = 40;
        int cols = 6 * 7 * 3;
        Tensor x32 = Tensor.zeros(DType.FLOAT32, rows, cols);
        Tensor x64 = Tensor.zeros(DType.FLOAT64, rows, cols);
        for (int i = 0; i < x32.size(); i++) {
            // Few distinct values, so that most windows hold ties; some NaN and infinities.
            float v = pool[(int) rng.randint(0, pool.length)];
            x32.setFlat(i, v);
            x64.setFlat(i, v);
        }
        for (int[] window : new int[][] {{2, 2, 2, 2}, {3, 2, 1, 2}}) {
            MaxPool2D a = new MaxPool2D(window[0], window[1], window[2], window[3]);
            MaxPool2D b = new MaxPool2D(window[0], window[1], window[2], window[3]);
            int[] out = a.build(new int[] {6, 7, 3}, DType.FLOAT32, new Rng(0));
            b.build(new int[] {6, 7, 3}, DType.FLOAT64, new Rng(0));
            Tensor y32 = a.forward(x32, true);
            Tensor y64 = b.forward(x64, true);
            Tensor g32 = Tensor.zeros(DType.FLOAT32, rows, out[0] * out[1] * out[2]);
            Tensor g64 = Tensor.zeros(DType.FLOAT64, rows, out[0] * out[1] * out[2]);
            for (int i = 0; i < g32.size(); i++) {
                g32.setFlat(i, i + 1);
                g64.setFlat(i, i + 1);
            }
            for (int i = 0; i < y32.size(); i++) {
                assertEquals(y64.getFlat(i), y32.getFlat(i), 0.0, "output " + i);
            }
            Tensor d32 = a.backward(g32, true);
            Tensor d64 = b.backward(g64, true);
            for (int i = 0; i < d32.size(); i++) {
                assertEquals(d64.getFlat(i), d32.getFlat(i), 0.0, "gradient routed to input " + i);
            }
        }
    }
}
