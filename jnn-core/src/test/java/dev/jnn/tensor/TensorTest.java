package dev.jnn.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TensorTest {
    @Test
    void rowViewsShareStorage() {
        Tensor t = Tensor.of(new double[][] {{1, 2}, {3, 4}, {5, 6}});
        Tensor v = t.rows(1, 3);
        assertArrayEquals(new int[] {2, 2}, v.shape());
        assertSame(t.doubleData(), v.doubleData());
        assertEquals(2, v.offset());
        v.set(40, 0, 1);
        assertEquals(40, t.get(1, 1));
        assertEquals(0, t.rows(3, 3).size());
        Tensor r = t.reshape(2, 3);
        assertEquals(40, r.get(1, 0));
        assertArrayEquals(new double[] {3, 40}, t.rows(1, 2).copy().toDoubleArray());
    }

    @Test
    void conversionAndErrors() {
        Tensor f = Tensor.of(new float[][] {{1.5f, 2}, {3, 4}});
        assertEquals(DType.FLOAT32, f.dtype());
        assertEquals(DType.FLOAT64, f.to(DType.FLOAT64).dtype());
        assertArrayEquals(new double[][] {{1.5, 2}, {3, 4}}, f.toDoubleMatrix());
        assertThrows(IllegalArgumentException.class, () -> f.rows(1, 3));
        assertThrows(IllegalArgumentException.class, () -> f.reshape(3));
        assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(DType.FLOAT32, 2, -1));
        assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(DType.FLOAT32, 1 << 16, 1 << 16));
        assertThrows(IllegalArgumentException.class, () -> Tensor.of(new double[][] {{1}, {1, 2}}));
        assertThrows(IndexOutOfBoundsException.class, () -> f.get(2, 0));
        assertThrows(IllegalStateException.class, f::doubleData);
        assertEquals(DType.FLOAT64, DType.parse("float64"));
        assertThrows(IllegalArgumentException.class, () -> DType.parse("int8"));
    }
}
