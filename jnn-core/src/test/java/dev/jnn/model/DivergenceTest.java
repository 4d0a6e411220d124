package dev.jnn.model;

import dev.jnn.data.Datasets;
import dev.jnn.nn.Activation;
import dev.jnn.nn.Dense;
import dev.jnn.nn.Loss;
import dev.jnn.nn.Parameter;
import dev.jnn.optim.Sgd;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A fit whose loss turns non-finite stops there, naming the epoch and batch, with every weight still finite. */
class DivergenceTest {
    @Test
    void aDivergingFitStopsBeforeItsWeightsTurnNaN() {
        var digits = Datasets.byName("digits").train();
        Sequential net = Sequential.of(new Dense(1200, Activation.RELU), new Dense(1200, Activation.RELU),
                new Dense(10, Activation.SOFTMAX)).seed(0);
        net.compile(new Sgd(1000, 0, false), Loss.SPARSE_CATEGORICAL_CROSSENTROPY);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> net.fit(digits.x(), digits.y(), Fit.epochs(2).batchSize(62)));
        assertTrue(e.getMessage().matches("the loss became (NaN|Infinity) at epoch \\d+, batch \\d+ \\(learning rate"
                + " 1000.0\\): the fit diverged; lower the learning rate or clip the gradients \\(--clip-norm\\)"),
                e.getMessage());
        for (Parameter p : net.parameters()) {
            for (int i = 0; i < p.value().size(); i++) {
                assertTrue(Double.isFinite(p.value().getFlat(i)), p.name() + "[" + i + "]");
            }
        }
    }
}
