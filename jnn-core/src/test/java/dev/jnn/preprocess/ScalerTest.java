package dev.jnn.preprocess;

import dev.jnn.tensor.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The worked examples of spec §7.1 and §7.2 (scikit-learn 1.2.1). */
class ScalerTest {
    private static final double[][] X = {{1, -1, 2, 5}, {2, 0, 0, 5}, {0, 1, -1, 5}, {0, 1, -1, 5}};

    @Test
    void standardScalerExample() {
        StandardScaler s = new StandardScaler().fit(Tensor.of(X));
        assertArrayEquals(new double[] {0.75, 0.25, 0, 5}, s.mean(), 1e-15);
        assertArrayEquals(new double[] {0.82915619758885, 0.82915619758885, 1.224744871391589, 1}, s.scale(), 1e-12);
        double[][] t = s.transform(Tensor.of(X)).toDoubleMatrix();
        assertArrayEquals(new double[] {0.30151134457776363, -1.507556722888818, 1.6329931618554523, 0}, t[0], 1e-12);
    }

    @Test
    void minMaxScalerExample() {
        MinMaxScaler s = new MinMaxScaler();
        s.fit(Tensor.of(X));
        double[][] t = s.transform(Tensor.of(new double[][] {{3, 2, -2, 5}})).toDoubleMatrix();
        assertArrayEquals(new double[] {1.5, 1.5, -1 / 3.0, 0}, t[0], 1e-12);  // a constant column maps to the lower bound
        assertEquals(0.0, s.transform(Tensor.of(X)).toDoubleMatrix()[2][0]);
    }
}
