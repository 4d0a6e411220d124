package dev.jnn.estimator;

import dev.jnn.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** MLPRegressor takes plain arrays where MLPClassifier does: the same fit, partial fit, predictions and score. */
class RegressorOverloadsTest {
    @Test
    void arraysAndTensorsGiveTheSameModel() {
        double[][] x = {{0, 1}, {1, 0}, {1, 1}, {2, 1}, {0, 2}, {3, 1}};
        double[] y = {1, 1, 2, 3, 2, 4};
        double[][] y2 = {{1, 0}, {1, 1}, {2, 0}, {3, 1}, {2, 0}, {4, 1}};
        Map<String, Object> p = Map.of("hidden_layer_sizes", "5", "random_state", 0, "solver", "sgd");
        MLPRegressor a = new MLPRegressor();
        a.setParams(p);
        MLPRegressor b = new MLPRegressor();
        b.setParams(p);
        a.partialFit(x, y).partialFit(x, y);
        b.partialFit(Tensor.of(x), y).partialFit(Tensor.of(x), y);
        assertArrayEquals(b.predict(Tensor.of(x)), a.predict(x), 0.0);
        assertEquals(b.score(Tensor.of(x), y), a.score(x, y), 0.0);
        assertEquals(2, a.nIter());

        MLPRegressor m = new MLPRegressor();
        m.setParams(Map.of("hidden_layer_sizes", "4", "random_state", 1, "max_iter", 20));
        m.partialFit(x, y2);
        double[][] want = m.predictOutputs(Tensor.of(x));
        double[][] got = m.predictOutputs(x);
        for (int r = 0; r < x.length; r++) {
            assertArrayEquals(want[r], got[r], 0.0);
        }
        assertEquals(m.score(Tensor.of(x), y2), m.score(x, y2), 0.0);
    }
}
