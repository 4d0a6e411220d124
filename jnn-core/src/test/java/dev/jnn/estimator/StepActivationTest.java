package dev.jnn.estimator;

import dev.jnn.model.Sequential;
import dev.jnn.nn.Activation;
import dev.jnn.nn.Dense;
import dev.jnn.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Lab 001 tries to train through a step unit. jnn refuses, with the reason (the derivative is 0 wherever it is
 * defined), in scikit-learn's MLP (after scikit-learn's own message) and in a Keras-style network.
 */
class StepActivationTest {
    @Test
    void theMlpSaysScikitLearnsMessageAndWhy() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MLPClassifier().setParams(Map.of("activation", "step")));
        assertTrue(e.getMessage().startsWith("The 'activation' parameter of MLPClassifier must be a str among"
                + " {'identity', 'logistic', 'relu', 'tanh'}. Got 'step' instead: the step unit cannot be trained"
                + " by back-propagation: its derivative is 0 wherever it is defined"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> MLPClassifier.builder().activation(Activation.STEP).build());
    }

    @Test
    void aNetworkWithAStepLayerRefusesToFitBeforeTraining() {
        Sequential net = Sequential.of(new Dense(4, Activation.STEP), new Dense(2, Activation.SOFTMAX)).seed(0);
        net.compile(new dev.jnn.optim.Sgd(), dev.jnn.nn.Loss.SPARSE_CATEGORICAL_CROSSENTROPY);
        Tensor x = Tensor.wrap(new float[] {0, 1, 1, 0}, 2, 2);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> net.fit(x, new int[] {0, 1}, dev.jnn.model.Fit.epochs(1)));
        assertTrue(e.getMessage().contains("uses the step activation, and the step unit cannot be trained"),
                e.getMessage());
    }
}
