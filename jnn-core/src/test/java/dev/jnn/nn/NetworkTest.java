package dev.jnn.nn;

import dev.jnn.tensor.DType;
import dev.jnn.tensor.Rng;
import dev.jnn.tensor.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine's gradient against central differences ({@link GradientCheck}), in float64: {@code Network.backward}
 * must give the gradient of the mean batch loss plus the penalties times their scale, for each convention it serves (scikit-learn's
 * 1/b-scaled L2 and Keras's L1/L2, losses fused with their output or not).
 */
class NetworkTest {
    @ParameterizedTest
    @CsvSource({
        "LOG_LOSS, SOFTMAX, 2, 0, 0.3, 0.2",                     // scikit-learn: L2 of alpha/2 scaled by 1/b (b = 5)
        // scikit-learn scales its squared-error delta per sample, which is the gradient of its loss for one output
        "SQUARED_ERROR, IDENTITY, 1, 0, 0.05, 0.2",
        "BINARY_LOG_LOSS, LOGISTIC, 2, 0, 0.5, 0.2",
        "CATEGORICAL_CROSSENTROPY, SOFTMAX, 2, 0.1, 0.2, 1.0",   // Keras: L1 and L2, unscaled
        "MEAN_SQUARED_ERROR, TANH, 2, 0.05, 0.01, 1.0",          // not fused: through tanh's derivative
        "MEAN_ABSOLUTE_ERROR, IDENTITY, 2, 0, 0, 1.0"})
    void backwardIsTheGradientOfLossPlusScaledPenalty(Loss loss, Activation out, int outputs, double l1, double l2,
                                                      double scale) {
        Rng rng = new Rng(7);
        Dense hidden = new Dense(3, 4, Activation.TANH, DType.FLOAT64).kernelRegularizer(new Regularizer(l1, l2));
        Dense last = new Dense(4, outputs, out, DType.FLOAT64).kernelRegularizer(new Regularizer(l1, l2));
        for (Dense d : List.of(hidden, last)) {
            for (Parameter p : d.parameters()) {
                for (int i = 0; i < p.value().size(); i++) {
                    p.value().setFlat(i, rng.uniform(-1, 1));
                }
            }
        }
        Network net = new Network(List.of(hidden, last));
        Tensor x = Tensor.zeros(DType.FLOAT64, 5, 3);
        Tensor y = Tensor.zeros(DType.FLOAT64, 5, outputs);
        for (int r = 0; r < 5; r++) {
            for (int c = 0; c < 3; c++) {
                x.set(rng.uniform(-2, 2), r, c);
            }
            y.set(1.0, r, r % outputs);       // one-hot for the cross-entropies, targets in {0, 1} for the others
        }
        for (GradientCheck.Row r : GradientCheck.of(net, loss, x, y, scale)) {
            assertTrue(r.maxRelativeError() < 1e-6, loss + " " + r);
        }
    }
}
