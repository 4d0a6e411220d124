package dev.jnn.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.jnn.model.zoo.ModelZoo;
import dev.jnn.tensor.DType;
import dev.jnn.tensor.Rng;
import dev.jnn.tensor.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A prediction on one row, or a few, runs other kernels than a large batch (products of a few rows read the weights
 * in place; convolutions of a few samples skip the 16-sample lanes), with the same sums in the same order: each
 * row's outputs have the same bits whatever the batch it is predicted in.
 */
class FewRowPredictionTest {
    @ParameterizedTest
    @ValueSource(strings = {"lenet5-3x3", "lenet5", "mlp-1200"})
    void aRowPredictedAloneEqualsItsRowInABatch(String name) {
        Sequential net = ModelZoo.get(name).build(784).dtype(DType.FLOAT32).seed(0);
        net.build(784);
        Rng rng = new Rng(5);
        Tensor x = Tensor.zeros(DType.FLOAT32, 70, 784);
        for (int i = 0; i < x.size(); i++) {
            x.setFlat(i, rng.uniform(0, 1));
        }
        double[] batch = net.predict(x).toDoubleArray();
        int outputs = batch.length / x.rows();
        for (int[] span : new int[][] {{0, 1}, {7, 8}, {69, 70}, {3, 5}, {10, 14}, {20, 51}}) {
            double[] part = net.predict(x.rows(span[0], span[1])).toDoubleArray();
            double[] want = java.util.Arrays.copyOfRange(batch, span[0] * outputs, span[1] * outputs);
            assertArrayEquals(want, part, name + " rows " + span[0] + ".." + span[1]);
        }
    }
}
