package dev.jnn.estimator;

import dev.jnn.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An MLP fit whose loss grows a thousandfold says so once, where scikit-learn carries on silently. */
class DivergenceWarningTest {
    @Test
    void aRunawayLossIsWarnedOfOnce() {
        double[] xs = new double[40];
        double[] y = new double[40];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = 50 + i;
            y[i] = xs[i];
        }
        MLPRegressor m = new MLPRegressor();
        m.setParams(Map.of("hidden_layer_sizes", "", "activation", "identity", "solver", "sgd",
                "learning_rate_init", 0.01, "momentum", 0.0, "max_iter", 8, "random_state", 0, "tol", 0.0,
                "n_iter_no_change", 100));
        m.fit(Tensor.wrap(xs, 40, 1), y);
        long said = m.warnings().stream().filter(w -> w.startsWith("The loss grew to ")).count();
        assertEquals(1, said, m.warnings() + " " + m.lossCurve());
        assertTrue(m.warnings().stream().anyMatch(w -> w.endsWith("the fit is diverging; lower learning_rate_init.")));
    }
}
