package dev.jnn.tensor;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A tensor prints its values, as numpy does: in full up to 1,000 of them, else three at each end of an axis. */
class TensorTextTest {
    @Test
    void smallTensorsPrintEveryValue() {
        assertEquals("Tensor[2, 3] float64 [[1.0, 2.5, 3.0], [4.0, 5.0, 0.1]]",
                Tensor.wrap(new double[] {1, 2.5, 3, 4, 5, 0.1}, 2, 3).toString());
        assertEquals("Tensor[3] float32 [0.1, 2.0, -3.5]", Tensor.wrap(new float[] {0.1f, 2, -3.5f}, 3).toString());
    }

    @Test
    void largeTensorsAreSummarised() {
        double[] v = new double[2000];
        java.util.Arrays.setAll(v, i -> i);
        String s = Tensor.wrap(v, 2, 1000).toString();
        assertTrue(s.startsWith("Tensor[2, 1000] float64 [[0.0, 1.0, 2.0, ..., 997.0, 998.0, 999.0], [1000.0,"), s);
        assertTrue(s.endsWith("1997.0, 1998.0, 1999.0]]"), s);
    }
}
