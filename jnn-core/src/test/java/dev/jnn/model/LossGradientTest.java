package dev.jnn.model;

import dev.jnn.nn.Activation;
import dev.jnn.nn.Conv2D;
import dev.jnn.nn.Dense;
import dev.jnn.nn.Flatten;
import dev.jnn.nn.Input;
import dev.jnn.nn.Loss;
import dev.jnn.nn.MaxPool2D;
import dev.jnn.nn.Parameter;
import dev.jnn.nn.Regularizer;
import dev.jnn.optim.Sgd;
import dev.jnn.tensor.DType;
import dev.jnn.tensor.Rng;
import dev.jnn.tensor.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Finite-difference checks, in float64, of each loss with its output activation (fused and not) and of the kernel
 * regularisers, through whole models: the parameter gradients of one backward pass against central differences of
 * the reported loss.
 */
class LossGradientTest {
    private static final double H = 1e-6;

    private static void check(Sequential model, Tensor x, Tensor y) {
        Trainer trainer = new Trainer(model, Fit.epochs(1).batchSize(x.rows()));
        trainer.gradients(x, y, new double[1]);
        for (Parameter p : model.parameters()) {
            Tensor analytic = p.grad().copy();
            double[] v = p.value().doubleData();
            for (int i = 0; i < p.value().size(); i++) {
                double saved = v[i];
                v[i] = saved + H;
                double up = trainer.gradients(x, y, new double[1]);
                v[i] = saved - H;
                double down = trainer.gradients(x, y, new double[1]);
                v[i] = saved;
                double numeric = (up - down) / (2 * H);
                assertEquals(numeric, analytic.doubleData()[i], 1e-6 * Math.max(1, Math.abs(numeric)),
                        model.loss() + " " + p.name() + "[" + i + "]");
            }
        }
    }

    private static Sequential mlp(Activation out, int outputs, Loss loss, Regularizer reg) {
        Sequential m = Sequential.of(new Dense(5, Activation.TANH).kernelRegularizer(reg), new Dense(outputs, out))
                .dtype(DType.FLOAT64).seed(3);
        m.compile(new Sgd(0.1, 0, false), loss);
        m.build(4);
        return m;
    }

    private static Tensor random(long seed, int rows, int cols, double lo, double hi) {
        Rng rng = new Rng(seed);
        Tensor t = Tensor.zeros(DType.FLOAT64, rows, cols);
        for (int i = 0; i < t.size(); i++) {
            t.doubleData()[i] = rng.uniform(lo, hi);
        }
        return t;
    }

    private static Tensor oneHot(int rows, int classes) {
        Tensor t = Tensor.zeros(DType.FLOAT64, rows, classes);
        for (int r = 0; r < rows; r++) {
            t.set(1, r, (r * 7) % classes);
        }
        return t;
    }

    @Test
    void categoricalCrossEntropyFusedWithSoftmax() {
        check(mlp(Activation.SOFTMAX, 3, Loss.CATEGORICAL_CROSSENTROPY, null), random(1, 6, 4, -1, 1), oneHot(6, 3));
        check(mlp(Activation.SOFTMAX, 3, Loss.SPARSE_CATEGORICAL_CROSSENTROPY, Regularizer.l2(0.01)),
                random(2, 6, 4, -1, 1), oneHot(6, 3));
    }

    @Test
    void categoricalCrossEntropyThroughALogisticOutput() {
        check(mlp(Activation.LOGISTIC, 3, Loss.CATEGORICAL_CROSSENTROPY, null), random(3, 5, 4, -1, 1), oneHot(5, 3));
    }

    @Test
    void binaryCrossEntropyFusedAndNot() {
        Tensor y = random(4, 6, 2, 0, 1);
        check(mlp(Activation.LOGISTIC, 2, Loss.BINARY_CROSSENTROPY, null), random(5, 6, 4, -1, 1), y);
        Sequential tanhOut = Sequential.of(new Dense(3, Activation.TANH), new Dense(2, Activation.LOGISTIC),
                new dev.jnn.nn.ActivationLayer(Activation.IDENTITY)).dtype(DType.FLOAT64).seed(1);
        tanhOut.compile(new Sgd(0.1, 0, false), Loss.BINARY_CROSSENTROPY);
        tanhOut.build(4);
        check(tanhOut, random(6, 6, 4, -1, 1), y);
    }

    @Test
    void regressionLossesWithL1AndL2() {
        check(mlp(Activation.IDENTITY, 2, Loss.MEAN_SQUARED_ERROR, new Regularizer(0.01, 0.02)),
                random(7, 5, 4, -1, 1), random(8, 5, 2, -3, 3));
        check(mlp(Activation.RELU, 2, Loss.MEAN_ABSOLUTE_ERROR, Regularizer.l1(0.03)),
                random(9, 5, 4, -1, 1), random(10, 5, 2, 5, 6));
    }

    @Test
    void halfMeanSquaredErrorIsTheCoursesHandWorkedStep() {
        check(mlp(Activation.IDENTITY, 2, Loss.HALF_MEAN_SQUARED_ERROR, null), random(12, 5, 4, -1, 1),
                random(13, 5, 2, -3, 3));
        // README's Backprop trace by hand: 1-1-1 relu, weights 1, biases 0, rate 0.01, sample x = 1, t = 3:
        // delta2 = a2 - t = -2, so each weight becomes 1.02 and each bias 0.02
        Sequential m = Sequential.of(
                new Dense(1, Activation.RELU).kernelInitializer(dev.jnn.nn.Init.constant(1)),
                new Dense(1, Activation.IDENTITY).kernelInitializer(dev.jnn.nn.Init.constant(1)))
                .dtype(DType.FLOAT64).seed(0);
        m.compile(new Sgd(0.01, 0, false), Loss.HALF_MEAN_SQUARED_ERROR);
        m.build(1);
        m.fit(Tensor.wrap(new double[] {1}, 1, 1), Tensor.wrap(new double[] {3}, 1, 1), Fit.epochs(1).batchSize(1));
        for (Parameter p : m.parameters()) {
            assertEquals(p.name().contains("kernel") ? 1.02 : 0.02, p.value().getFlat(0), 1e-15, p.name());
        }
    }

    @Test
    void smallConvNetEndToEnd() {
        Sequential m = Sequential.of(new Input(6, 6, 1), new Conv2D(2, 3, Activation.RELU), new MaxPool2D(2),
                new Flatten(), new Dense(3, Activation.SOFTMAX)).dtype(DType.FLOAT64).seed(5);
        m.compile(new Sgd(0.1, 0, false), Loss.CATEGORICAL_CROSSENTROPY);
        m.build(36);
        check(m, random(11, 4, 36, -1, 1), oneHot(4, 3));
    }
}
