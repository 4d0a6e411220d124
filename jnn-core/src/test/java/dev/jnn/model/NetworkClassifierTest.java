package dev.jnn.model;

import dev.jnn.data.Datasets;
import dev.jnn.data.Samples;
import dev.jnn.model.zoo.ModelZoo;
import dev.jnn.nn.Activation;
import dev.jnn.nn.Dense;
import dev.jnn.nn.Loss;
import dev.jnn.nn.Regularizer;
import dev.jnn.optim.Adam;
import dev.jnn.selection.GridSearchCV;
import dev.jnn.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A network as a classifier: its fit is the Keras-style fit written out by hand (the L2 penalty on each kernel,
 * Adam at the given rate, the batch and epochs), to the bit; grid search takes it; the named networks carry their
 * recipes as defaults.
 */
class NetworkClassifierTest {
    private static Sequential small(int features) {
        return Sequential.of(new Dense(16, Activation.RELU), new Dense(10, Activation.SOFTMAX));
    }

    @Test
    void itsFitIsTheHandWrittenKerasFit() {
        Samples digits = Datasets.byName("digits").train();
        Tensor x = digits.x().rows(0, 400);
        int[] y = java.util.Arrays.copyOf(digits.y(), 400);
        NetworkClassifier clf = new NetworkClassifier("small", NetworkClassifierTest::small, Recipe.kerasDefaults())
                .setParams(Map.of("learning_rate_init", 0.01, "l2", 0.001, "epochs", 2, "batch_size", 50,
                        "random_state", 3));
        clf.fit(x, y);

        Regularizer l2 = new Regularizer(0, 0.001);
        Sequential byHand = Sequential.of(new Dense(16, Activation.RELU).kernelRegularizer(l2),
                new Dense(10, Activation.SOFTMAX).kernelRegularizer(l2)).seed(3);
        byHand.compile(new Adam(new Adam.Params(0.01, 0.9, 0.999, 1e-7)), Loss.SPARSE_CATEGORICAL_CROSSENTROPY);
        byHand.build(x.cols());
        byHand.fit(x, y, Fit.epochs(2).batchSize(50));
        double[][] want = byHand.predict(x).toDoubleMatrix();
        double[][] got = clf.predictProba(x);
        for (int r = 0; r < want.length; r++) {
            assertArrayEquals(want[r], got[r], 0.0, "row " + r);
        }
    }

    @Test
    void gridSearchTakesItAndTheNamedNetworksCarryTheirRecipes() {
        Samples digits = Datasets.byName("digits").train();
        Tensor x = digits.x().rows(0, 300);
        int[] y = java.util.Arrays.copyOf(digits.y(), 300);
        NetworkClassifier base = new NetworkClassifier("small", NetworkClassifierTest::small, Recipe.kerasDefaults())
                .setParams(Map.of("epochs", 1));
        GridSearchCV search = new GridSearchCV(base, Map.of("learning_rate_init", List.of(0.001, 0.01),
                "l2", List.of(0.0, 0.01)), GridSearchCV.Settings.DEFAULTS).fit(x, y);
        assertEquals(4, search.cvResults().meanTestScore().length);

        NetworkClassifier lenet = ModelZoo.get("lenet5").classifier();
        assertEquals(0.005, lenet.params().learningRateInit());
        assertEquals("cosine", lenet.params().lrSchedule());
        assertEquals(128, lenet.params().batchSize());
        assertEquals(5, lenet.params().epochs());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> lenet.setParams(Map.of("lr_schedule", "linear")));
        assertEquals("lr_schedule must be constant, cosine[:ALPHA] (0 <= ALPHA <= 1), exponential:RATE (0 < RATE"
                + " <= 1 per epoch) or step:EPOCHS:FACTOR (EPOCHS >= 1, 0 < FACTOR <= 1), got 'linear'", e.getMessage());
    }
}
