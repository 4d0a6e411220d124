package dev.jnn.nn;

import dev.jnn.data.Samples;
import dev.jnn.data.ToySets;
import dev.jnn.estimator.MLPClassifier;
import dev.jnn.model.ModelJson;
import dev.jnn.model.Sequential;
import dev.jnn.optim.Sgd;
import dev.jnn.tensor.DType;
import dev.jnn.tensor.Rng;
import dev.jnn.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gradient check passes jnn's engine for MLPs and a conv + batch-norm network, and catches a wrong backward. */
class GradientCheckToolTest {
    @Test
    void mlpAndNetworkGradientsAgreeWithCentralDifferences() {
        Samples moons = ToySets.moons(40, 0.2, 0);
        MLPClassifier clf = MLPClassifier.builder().hiddenLayerSizes(5, 3).alpha(0.1).maxIter(3).randomState(0).build();
        clf.fit(moons.x(), moons.y());
        Tensor x = moons.x().rows(0, 20);
        int[] y = java.util.Arrays.copyOf(moons.y(), 20);
        List<GradientCheck.Row> rows = GradientCheck.of(clf.network(), clf.lossFunction(), x, clf.targets(y), 1.0 / 20);
        assertEquals(6, rows.size());
        rows.forEach(r -> assertTrue(r.maxRelativeError() < 1e-6, r.toString()));
        // the first hidden layer's features are relu(x W0 + b0)
        Tensor h = clf.hiddenActivations(x, 0);
        Tensor w0 = clf.coefs().get(0);
        Tensor b0 = clf.intercepts().get(0);
        for (int r = 0; r < 20; r++) {
            for (int u = 0; u < 5; u++) {
                double z = b0.getFlat(u) + x.get(r, 0) * w0.get(0, u) + x.get(r, 1) * w0.get(1, u);
                assertEquals(Math.max(0, z), h.get(r, u), 1e-12);
            }
        }
        assertEquals(3, clf.hiddenActivations(x, 1).cols());
        assertThrows(IllegalArgumentException.class, () -> clf.hiddenActivations(x, 2));

        Sequential net = ModelJson.read("{\"dtype\": \"float64\", \"layers\": [{\"type\": \"Input\", \"shape\": [6, 6, 2]},"
                + " {\"type\": \"Conv2D\", \"filters\": 3, \"kernel_size\": 3, \"activation\": \"tanh\"},"
                + " {\"type\": \"BatchNormalization\"}, {\"type\": \"Flatten\"},"
                + " {\"type\": \"Dense\", \"units\": 4, \"activation\": \"softmax\"}]}", "net").seed(1);
        net.compile(new Sgd(), Loss.SPARSE_CATEGORICAL_CROSSENTROPY);
        net.build(72);
        Rng rng = new Rng(2);
        Tensor images = Tensor.zeros(DType.FLOAT64, 8, 72);
        for (int i = 0; i < images.size(); i++) {
            images.setFlat(i, rng.normal(0, 1));
        }
        int[] labels = {0, 1, 2, 3, 0, 1, 2, 3};
        List<GradientCheck.Row> netRows = GradientCheck.of(net.network(), net.loss(), images, net.targets(labels), 1);
        assertEquals(6, netRows.size());
        netRows.forEach(r -> assertTrue(r.maxRelativeError() < 1e-6, r.toString()));
    }

    /** A layer whose backward forgets its factor of 2: the check must see it. */
    private static final class WrongDouble implements Layer {
        private int[] shape;

        @Override
        public String type() {
            return "WrongDouble";
        }

        @Override
        public int[] build(int[] inputShape, DType dtype, Rng rng) {
            shape = inputShape.clone();
            return shape;
        }

        @Override
        public int[] outputShape() {
            return shape.clone();
        }

        @Override
        public Tensor forward(Tensor x, boolean training) {
            Tensor y = x.copy();
            for (int i = 0; i < y.size(); i++) {
                y.setFlat(i, 2 * y.getFlat(i));
            }
            return y;
        }

        @Override
        public Tensor backward(Tensor gradOutput, boolean needInputGrad) {
            return gradOutput;
        }

        @Override
        public Map<String, Object> config() {
            return Map.of();
        }
    }

    @Test
    void aWrongBackwardIsCaught() {
        Dense d = new Dense(3, 4, Activation.TANH, DType.FLOAT64);
        Rng rng = new Rng(3);
        for (Parameter p : d.parameters()) {
            for (int i = 0; i < p.value().size(); i++) {
                p.value().setFlat(i, rng.uniform(-1, 1));
            }
        }
        WrongDouble wrong = new WrongDouble();
        wrong.build(new int[] {4}, DType.FLOAT64, rng);
        Network net = new Network(List.of(d, wrong));
        Tensor x = Tensor.zeros(DType.FLOAT64, 5, 3);
        Tensor y = Tensor.zeros(DType.FLOAT64, 5, 4);
        for (int i = 0; i < x.size(); i++) {
            x.setFlat(i, rng.uniform(-1, 1));
        }
        List<GradientCheck.Row> rows = GradientCheck.of(net, Loss.MEAN_SQUARED_ERROR, x, y, 1);
        assertTrue(rows.get(0).maxRelativeError() > 0.1, rows.toString());
        Dense f32 = new Dense(3, 2, Activation.RELU, DType.FLOAT32);
        assertThrows(IllegalArgumentException.class, () -> GradientCheck.of(new Network(List.of(f32)),
                Loss.MEAN_SQUARED_ERROR, x.to(DType.FLOAT32), Tensor.zeros(DType.FLOAT32, 5, 2), 1));
    }
}
