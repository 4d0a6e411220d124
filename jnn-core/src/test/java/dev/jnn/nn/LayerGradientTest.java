package dev.jnn.nn;

import dev.jnn.tensor.DType;
import dev.jnn.tensor.Rng;
import dev.jnn.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Finite-difference checks, in float64, of every layer's backward pass: for f(x, θ) = Σ r ⊙ layer(x) with random
 * r, the gradients that {@code backward(r)} returns (input) and stores (parameters) must match central
 * differences.
 */
class LayerGradientTest {
    private static final double H = 1e-6;

    /** Checks a layer built for {@code shape} on a batch of {@code rows} random samples. */
    static void check(Layer layer, int[] shape, int rows, long seed) {
        Rng rng = new Rng(seed);
        layer.build(shape, DType.FLOAT64, rng);
        int cols = Layer.size(shape);
        Tensor x = random(rng, rows, cols);
        int outCols = Layer.size(layer.outputShape());
        Tensor r = random(rng, rows, outCols);
        layer.forward(x, true);
        Tensor dx = layer.backward(r.copy(), true).copy();
        List<Tensor> grads = new ArrayList<>();
        for (Parameter p : layer.parameters()) {
            grads.add(p.grad().copy());
        }
        Supplier<Double> f = () -> dot(r, layer.forward(x, true));
        compare(layer.type() + " input", x, dx, f);
        for (int i = 0; i < grads.size(); i++) {
            Parameter p = layer.parameters().get(i);
            compare(layer.type() + " " + p.name(), p.value(), grads.get(i), f);
        }
    }

    static void compare(String what, Tensor values, Tensor analytic, Supplier<Double> f) {
        double[] v = values.doubleData();
        for (int i = 0; i < values.size(); i++) {
            int k = values.offset() + i;
            double saved = v[k];
            v[k] = saved + H;
            double up = f.get();
            v[k] = saved - H;
            double down = f.get();
            v[k] = saved;
            double numeric = (up - down) / (2 * H);
            double a = analytic.doubleData()[analytic.offset() + i];
            assertEquals(numeric, a, 1e-6 * Math.max(1, Math.abs(numeric)), what + " element " + i);
        }
    }

    static Tensor random(Rng rng, int rows, int cols) {
        Tensor t = Tensor.zeros(DType.FLOAT64, rows, cols);
        for (int i = 0; i < t.size(); i++) {
            t.doubleData()[i] = rng.normal(0, 1);
        }
        return t;
    }

    static double dot(Tensor a, Tensor b) {
        double s = 0;
        for (int i = 0; i < a.size(); i++) {
            s += a.doubleData()[a.offset() + i] * b.doubleData()[b.offset() + i];
        }
        return s;
    }

    @ParameterizedTest
    @EnumSource(value = Activation.class, names = {"IDENTITY", "LOGISTIC", "TANH", "RELU", "LEAKY_RELU", "ELU", "SOFTMAX"})
    void denseWithEachActivation(Activation a) {
        if (a == Activation.SOFTMAX) {
            Dense d = new Dense(4, a);
            d.build(new int[] {3}, DType.FLOAT64, new Rng(1));
            d.forward(random(new Rng(2), 2, 3), true);
            assertThrows(IllegalStateException.class, () -> d.backward(random(new Rng(3), 2, 4), true));
            return;
        }
        check(new Dense(4, a), new int[] {5}, 3, 1);
    }

    @Test
    void conv2dValidSameAndStrided() {
        check(new Conv2D(3, 3, Activation.TANH), new int[] {6, 5, 2}, 2, 2);
        check(new Conv2D(2, 3, 2, 1, 1, "same", Activation.IDENTITY), new int[] {5, 4, 3}, 2, 3);
        check(new Conv2D(4, 3, 3, 2, 2, "same", Activation.ELU), new int[] {7, 6, 1}, 2, 4);
        check(new Conv2D(2, 2, 3, 2, 1, "valid", Activation.LOGISTIC), new int[] {6, 7, 2}, 3, 5);
    }

    @Test
    void pooling() {
        check(new MaxPool2D(2), new int[] {6, 5, 3}, 2, 6);
        check(new MaxPool2D(3, 2, 2, 1), new int[] {7, 5, 2}, 2, 7);
        check(new AveragePooling2D(2), new int[] {4, 6, 2}, 2, 8);
        check(new AveragePooling2D(3, 2, 1, 2), new int[] {5, 6, 1}, 2, 9);
    }

    @Test
    void batchNormalizationInTraining() {
        check(new BatchNormalization(), new int[] {4}, 6, 10);
        check(new BatchNormalization(0.9, 1e-5), new int[] {3, 3, 2}, 3, 11);
    }

    @Test
    void activationLayersAndFlatten() {
        check(new ActivationLayer(Activation.LEAKY_RELU, 0.1), new int[] {3, 4}, 3, 12);
        check(new ActivationLayer(Activation.ELU, 0.7), new int[] {6}, 3, 13);
        check(new Flatten(), new int[] {2, 3, 2}, 2, 14);
    }

    @Test
    void dropoutScalesSurvivorsAndRoutesTheirGradients() {
        Dropout d = new Dropout(0.25);
        d.build(new int[] {1000}, DType.FLOAT64, new Rng(5));
        Tensor x = random(new Rng(6), 4, 1000);
        Tensor y = d.forward(x, true).copy();
        Tensor g = random(new Rng(7), 4, 1000);
        Tensor dx = d.backward(g.copy(), true);
        int dropped = 0;
        for (int i = 0; i < x.size(); i++) {
            double ratio = y.doubleData()[i] / x.doubleData()[i];
            assertTrue(ratio == 0 || Math.abs(ratio - 1 / 0.75) < 1e-12, "ratio " + ratio);
            assertEquals(ratio * g.doubleData()[i], dx.doubleData()[i], 1e-12);
            dropped += ratio == 0 ? 1 : 0;
        }
        assertEquals(0.25, dropped / 4000.0, 0.03);
        assertEquals(x.toDoubleArray()[17], d.forward(x, false).toDoubleArray()[17]);
    }

    @Test
    void stepActivationRefusesToTrain() {
        Dense d = new Dense(2, Activation.STEP);
        d.build(new int[] {2}, DType.FLOAT64, new Rng(1));
        Tensor out = d.forward(random(new Rng(2), 3, 2), false);
        for (double v : out.toDoubleArray()) {
            assertTrue(v == 0 || v == 1);
        }
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> d.backward(out.copy(), true));
        assertTrue(e.getMessage().contains("its derivative is 0 wherever it is defined"), e.getMessage());
    }

    @Test
    void theBackpropTraceRefusesAStepUnitWithTheReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new BackpropTrace(new double[][][] {{{1}}, {{1}}},
                new double[][] {{0}, {0}}, Activation.STEP, Activation.IDENTITY, BackpropTrace.TraceLoss.HALF_SQUARED_ERROR,
                0.1));
        assertTrue(e.getMessage().contains("perceptron rule"), e.getMessage());
    }
}
