package dev.jnn.preprocess;

import dev.jnn.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** FunctionFeatures by hand: the input, then each function of every column. */
class FunctionFeaturesTest {
    @Test
    void appendsEachFunctionOfEveryColumn() {
        Tensor x = Tensor.of(new double[][]{{0, Math.PI / 2}, {Math.PI, 1}});
        FunctionFeatures f = new FunctionFeatures("sin", "square");
        double[][] out = f.fitTransform(x).toDoubleMatrix();
        assertArrayEquals(new double[]{0, Math.PI / 2, 0, 1, 0, Math.PI * Math.PI / 4}, out[0], 1e-15);
        assertArrayEquals(new double[]{Math.PI, 1, Math.sin(Math.PI), Math.sin(1), Math.PI * Math.PI, 1}, out[1], 1e-15);
        assertEquals(List.of("x0", "x1", "sin(x0)", "sin(x1)", "square(x0)", "square(x1)"), f.featureNames());
        assertEquals(List.of("sin", "square"), f.getParams().get("functions"));
        FunctionFeatures g = new FunctionFeatures("cos").setParams(Map.of("functions", "tanh,abs"));
        assertEquals(List.of("tanh", "abs"), g.getParams().get("functions"));
        assertEquals(3 * 3, g.fitTransform(Tensor.of(new double[][]{{1, 2, 3}})).cols());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new FunctionFeatures("sine"));
        assertTrue(e.getMessage().contains("unknown function 'sine'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> f.transform(Tensor.of(new double[][]{{1, 2, 3}})));
        assertThrows(IllegalStateException.class, () -> new FunctionFeatures("sin").transform(x));
    }
}
