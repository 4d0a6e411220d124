package dev.jnn.nn;

import dev.jnn.kernels.MaxPool2x2;

import dev.jnn.tensor.DType;
import dev.jnn.tensor.Rng;
import dev.jnn.tensor.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The float32 max pooling (direct comparisons, or integer keys where NaN may occur) decides windows as float64 does. */
class MaxPool2DTest {

    @Test
    void float32MatchesFloat64OnTiesNaNAndSignedZeros() {
        // Odd widths drop a column; 6 channels fill part of a vector, 20 more than one (a masked tail chunk). Even
        // sizes with 4 to 8 channels or whole vectors write the 2x2 input gradient in one pass (MaxPool2x2.backward).
        for (int[] shape : new int[][] {{6, 7, 3}, {9, 9, 6}, {5, 6, 20}, {4, 4, 16}, {6, 8, 6}, {4, 6, 4},
            {4, 2, 5}, {4, 2, 8}}) {
            check(shape[0], shape[1], shape[2]);
        }
    }

    private static void check(int h, int w, int c) {
        // NaNs with the sign bit set and with a payload must tie with the canonical NaN (the first one wins).
        float[] pool = {-2f, -0f, 0f, 1.5f, Float.NaN, Float.intBitsToFloat(0xffc00000),
            Float.intBitsToFloat(0x7fc00123), Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY};
        Rng rng = new Rng(4);
        int rows = 40;
        int cols = h * w * c;
        Tensor x32 = Tensor.zeros(DType.FLOAT32, rows, cols);
        Tensor x64 = Tensor.zeros(DType.FLOAT64, rows, cols);
        // Rows without NaN take the float32 kernel's direct comparisons, the others its integer keys. A row with both
        // infinities counts as one that may hold NaN, so the NaN-free rows keep to one sign of infinity.
        int[][] choices = {{0, 1, 2, 3, 4, 5, 6, 7, 8}, {0, 1, 2, 3, 8}, {0, 1, 2, 3, 7}};
        for (int i = 0; i < x32.size(); i++) {
            // Few distinct values, so that most windows hold ties; some NaN and infinities.
            int[] choice = choices[(i / cols) % 3];
            float v = pool[choice[(int) rng.randint(0, choice.length)]];
            x32.floatData()[i] = v;
            x64.setFlat(i, v);
        }
        for (int[] window : new int[][] {{2, 2, 2, 2}, {3, 2, 1, 2}}) {
            MaxPool2D a = new MaxPool2D(window[0], window[1], window[2], window[3]);
            MaxPool2D b = new MaxPool2D(window[0], window[1], window[2], window[3]);
            int[] out = a.build(new int[] {h, w, c}, DType.FLOAT32, new Rng(0));
            b.build(new int[] {h, w, c}, DType.FLOAT64, new Rng(0));
            Tensor y32 = a.forward(x32, true);
            Tensor y64 = b.forward(x64, true);
            Tensor g32 = Tensor.zeros(DType.FLOAT32, rows, out[0] * out[1] * out[2]);
            Tensor g64 = Tensor.zeros(DType.FLOAT64, rows, out[0] * out[1] * out[2]);
            for (int i = 0; i < g32.size(); i++) {
                g32.setFlat(i, i + 1);
                g64.setFlat(i, i + 1);
            }
            for (int i = 0; i < y32.size(); i++) {
                assertEquals(y64.getFlat(i), y32.getFlat(i), 0.0, h + "x" + w + "x" + c + " output " + i);
            }
            Tensor d32 = a.backward(g32, true);
            Tensor d64 = b.backward(g64, true);
            for (int i = 0; i < d32.size(); i++) {
                assertEquals(d64.getFlat(i), d32.getFlat(i), 0.0, h + "x" + w + "x" + c + " gradient routed to input " + i);
            }
        }
    }
}
