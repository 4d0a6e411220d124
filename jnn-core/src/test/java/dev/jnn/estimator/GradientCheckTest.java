package dev.jnn.estimator;

import dev.jnn.nn.Activation;
import dev.jnn.nn.Loss;
import dev.jnn.nn.Parameter;
import dev.jnn.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Back-propagation against central finite differences of the reported loss (spec §11.5), for every hidden
 * activation and output type, including the documented factor n_outputs of multi-output regression (§2.5).
 */
class GradientCheckTest {
    private static final double[][] X = {{0.2, -0.4, 0.9}, {1.1, 0.3, -0.7}, {-0.5, 0.8, 0.1}, {0.4, 0.4, 0.4},
        {-1.0, 0.2, 0.6}};

    @Test
    void classifierGradientsMatchFiniteDifferences() {
        for (Activation a : new Activation[] {Activation.IDENTITY, Activation.LOGISTIC, Activation.TANH, Activation.RELU}) {
            check(classifier(a, new int[] {0, 1, 1, 0, 1}), Loss.BINARY_LOG_LOSS, binary(), 1.0);
            check(classifier(a, new int[] {0, 1, 2, 0, 2}), Loss.LOG_LOSS, oneHot(), 1.0);
        }
    }

    @Test
    void multiOutputRegressionGradientIsNOutputsTimesTheReportedLoss() {
        MLPRegressor one = MLPRegressor.builder().hiddenLayerSizes(4).activation(Activation.TANH).maxIter(1)
                .alpha(0.3).randomState(3).build().fit(X, new double[] {1, 2, 0, -1, 0.5});
        check(one, Loss.SQUARED_ERROR, Tensor.of(new double[][] {{1}, {2}, {0}, {-1}, {0.5}}), 1.0);
        double[][] y2 = {{1, 0}, {2, 1}, {0, 0}, {-1, 3}, {0.5, 0.5}};
        MLPRegressor two = MLPRegressor.builder().hiddenLayerSizes(4).activation(Activation.TANH).maxIter(1)
                .alpha(0.0).randomState(3).build().fit(X, y2);
        check(two, Loss.SQUARED_ERROR, Tensor.of(y2), 2.0);
    }

    private static MLPClassifier classifier(Activation a, int[] y) {
        return MLPClassifier.builder().hiddenLayerSizes(4, 3).activation(a).alpha(0.2).maxIter(1).randomState(5)
                .build().fit(X, y);
    }

    private static Tensor binary() {
        return Tensor.of(new double[][] {{0}, {1}, {1}, {0}, {1}});
    }

    private static Tensor oneHot() {
        return Tensor.of(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {1, 0, 0}, {0, 0, 1}});
    }

    /** Compares every analytic gradient entry with the central difference of the loss, times {@code factor}. */
    private static void check(MultilayerPerceptron m, Loss loss, Tensor y, double factor) {
        Tensor x = Tensor.of(X);
        m.backprop(loss, x, y);
        List<Parameter> params = m.net.parameters();
        double[][] analytic = params.stream().map(p -> p.grad().toDoubleArray()).toArray(double[][]::new);
        double h = 1e-6;
        for (int p = 0; p < params.size(); p++) {
            Tensor v = params.get(p).value();
            double[] data = v.doubleData();
            for (int i = 0; i < v.size(); i++) {
                double keep = data[v.offset() + i];
                data[v.offset() + i] = keep + h;
                double up = m.backprop(loss, x, y);
                data[v.offset() + i] = keep - h;
                double down = m.backprop(loss, x, y);
                data[v.offset() + i] = keep;
                double numeric = (up - down) / (2 * h);
                assertEquals(numeric * factor, analytic[p][i], 1e-6 * Math.max(1, Math.abs(numeric)),
                        m.getClass().getSimpleName() + " " + m.params().activation() + " parameter " + p + "[" + i + "]");
            }
        }
    }
}
