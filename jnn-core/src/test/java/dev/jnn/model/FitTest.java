package dev.jnn.model;

import dev.jnn.nn.Activation;
import dev.jnn.nn.Dense;
import dev.jnn.nn.Input;
import dev.jnn.nn.Loss;
import dev.jnn.optim.Sgd;
import dev.jnn.tensor.DType;
import dev.jnn.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FitTest {
    @Test
    void stepsPerEpochAreTheBatchesThatTrain() {
        int rows = 103;
        Tensor x = Tensor.zeros(DType.FLOAT64, rows, 3);
        int[] y = new int[rows];
        for (int i = 0; i < rows; i++) {
            x.setFlat(3 * i, i % 5);
            y[i] = i % 2;
        }
        // 103 rows: all train; 92 before a 0.1 split ((int) 92.7); all with explicit validation data
        Fit plain = Fit.epochs(2).batchSize(10);
        Fit split = plain.validationSplit(0.1);
        Fit given = plain.validationData(x.rows(0, 7), new int[7]);
        int[][] want = {{103, 11}, {92, 10}, {103, 11}};
        Fit[] fits = {plain, split, given};
        for (int f = 0; f < fits.length; f++) {
            assertEquals(want[f][0], fits[f].trainingRows(rows));
            assertEquals(want[f][1], fits[f].stepsPerEpoch(rows));
            List<Integer> batches = new ArrayList<>();
            Callback count = new Callback() {
                @Override
                public void onEpochBegin(Sequential model, int epoch) {
                    batches.add(0);
                }

                @Override
                public void onBatchBegin(Sequential model, int batch, long step) {
                    batches.set(batches.size() - 1, batches.get(batches.size() - 1) + 1);
                }
            };
            Sequential m = Sequential.of(new Input(3), new Dense(2, Activation.SOFTMAX)).seed(1);
            m.compile(new Sgd(0.01, 0, false), Loss.SPARSE_CATEGORICAL_CROSSENTROPY);
            m.fit(x, y, fits[f].callbacks(count));
            assertEquals(List.of(want[f][1], want[f][1]), batches, "fit " + f);
        }
    }
}
