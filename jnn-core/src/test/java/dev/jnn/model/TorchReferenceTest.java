package dev.jnn.model;

import dev.jnn.data.NumpyFiles;
import dev.jnn.nn.Activated;
import dev.jnn.nn.Activation;
import dev.jnn.nn.BatchNormalization;
import dev.jnn.nn.Dense;
import dev.jnn.nn.Layer;
import dev.jnn.nn.Loss;
import dev.jnn.optim.Adam;
import dev.jnn.optim.Optimizer;
import dev.jnn.optim.Sgd;
import dev.jnn.tensor.DType;
import dev.jnn.tensor.Rng;
import dev.jnn.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** jnn against PyTorch 1.13, from the fixtures of {@code src/test/python/torch_fixtures.py}. */
class TorchReferenceTest {
    private static Map<String, Tensor> fixture(String name, DType dtype) throws Exception {
        Path p = Path.of(TorchReferenceTest.class.getResource("/fixtures/torch/" + name).toURI());
        return NumpyFiles.readNpz(p, dtype);
    }

    static void assertClose(Tensor expected, Tensor actual, double tol, String what) {
        assertEquals(expected.size(), actual.size(), what + " size");
        double[] e = expected.toDoubleArray();
        double[] a = actual.toDoubleArray();
        double scale = 0;
        for (double v : e) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < e.length; i++) {
            assertEquals(e[i], a[i], tol * Math.max(1, scale), what + "[" + i + "]");
        }
    }

    private static void load(Tensor from, Tensor to) {
        double[] v = from.toDoubleArray();
        for (int i = 0; i < v.length; i++) {
            if (to.dtype() == DType.FLOAT32) {
                to.floatData()[to.offset() + i] = (float) v[i];
            } else {
                to.doubleData()[to.offset() + i] = v[i];
            }
        }
    }

    @Test
    void lenet5OutputsAndEveryGradientMatchPyTorchInFloat32() throws Exception {
        Map<String, Tensor> f = fixture("lenet5.npz", DType.FLOAT32);
        Sequential m = dev.jnn.model.SequentialTest.courseLenet().seed(0).build(784);
        m.compile(new Adam(), Loss.SPARSE_CATEGORICAL_CROSSENTROPY);
        String[] names = {"conv1", "conv2", "dense1", "dense2", "dense3"};
        List<Layer> trainable = m.layers().stream().filter(l -> !l.parameters().isEmpty()).toList();
        for (int i = 0; i < names.length; i++) {
            load(f.get(names[i] + "_kernel"), trainable.get(i).parameters().get(0).value());
            load(f.get(names[i] + "_bias"), trainable.get(i).parameters().get(1).value());
        }
        Tensor x = f.get("x");
        int[] y = java.util.Arrays.stream(f.get("y").toDoubleArray()).mapToInt(v -> (int) v).toArray();
        Tensor probabilities = m.predict(x);
        assertClose(f.get("probabilities"), probabilities, 1e-5, "probabilities");
        // gradients in inference mode (dropout off), as the fixture's model.eval()
        Tensor targets = Targets.of(m, x.rows(), null, y, "y");
        Tensor out = x;
        for (Layer l : m.layers()) {
            out = l.forward(out, false);
        }
        assertEquals(f.get("loss").get(0), Loss.SPARSE_CATEGORICAL_CROSSENTROPY.value(targets, out), 1e-5);
        Tensor g = Tensor.zeros(DType.FLOAT32, out.rows(), out.cols());
        Loss.SPARSE_CATEGORICAL_CROSSENTROPY.gradient(targets, out, g, true);
        List<Layer> layers = m.layers();
        for (int i = layers.size() - 1; i >= 0 && g != null; i--) {
            g = i == layers.size() - 1 ? ((Activated) layers.get(i)).backwardLinear(g, true) : layers.get(i).backward(g, i > 1);
        }
        for (int i = 0; i < names.length; i++) {
            assertClose(f.get(names[i] + "_kernel_grad"), trainable.get(i).parameters().get(0).grad(), 1e-4,
                    names[i] + " kernel gradient");
            assertClose(f.get(names[i] + "_bias_grad"), trainable.get(i).parameters().get(1).grad(), 1e-4,
                    names[i] + " bias gradient");
        }
    }

    private void trajectory(String name, Optimizer optimizer) throws Exception {
        Map<String, Tensor> f = fixture("optimizers.npz", DType.FLOAT64);
        Sequential m = Sequential.of(new Dense(5, Activation.TANH), new Dense(3, Activation.SOFTMAX))
                .dtype(DType.FLOAT64).seed(0).build(4);
        m.compile(optimizer, Loss.SPARSE_CATEGORICAL_CROSSENTROPY);
        Dense d0 = (Dense) m.layers().get(0);
        Dense d1 = (Dense) m.layers().get(1);
        load(f.get(name + "_w0"), d0.kernel().value());
        load(f.get(name + "_b0"), d0.bias().value());
        load(f.get(name + "_w1"), d1.kernel().value());
        load(f.get(name + "_b1"), d1.bias().value());
        int[] y = java.util.Arrays.stream(f.get("y").toDoubleArray()).mapToInt(v -> (int) v).toArray();
        History h = m.fit(f.get("x"), y, Fit.epochs(10).batchSize(16).shuffle(false));
        double[] losses = f.get(name + "_losses").toDoubleArray();
        for (int s = 0; s < 10; s++) {
            assertEquals(losses[s], h.get("loss").get(s), 1e-9, name + " loss at step " + s);
        }
        Tensor w0 = f.get(name + "_w0_steps");
        Tensor w1 = f.get(name + "_w1_steps");
        assertClose(w0.reshape(10, 20).rows(9, 10), d0.kernel().value(), 1e-7, name + " first kernel after 10 steps");
        assertClose(w1.reshape(10, 15).rows(9, 10), d1.kernel().value(), 1e-7, name + " second kernel after 10 steps");
    }

    @Test
    void adamTrajectoryMatchesTorchOptim() throws Exception {
        trajectory("adam", Adam.pytorch(0.01, 0.9, 0.999, 1e-8));
    }

    @Test
    void sgdNesterovTrajectoryMatchesTorchOptim() throws Exception {
        trajectory("nesterov", new Sgd(0.1, 0.9, true));
    }

    @Test
    void batchNormalizationTrainAndEvalMatchPyTorch() throws Exception {
        Map<String, Tensor> f = fixture("batchnorm.npz", DType.FLOAT64);
        for (String name : new String[] {"flat", "image"}) {
            BatchNormalization bn = new BatchNormalization(0.9, 1e-3);
            bn.build(name.equals("flat") ? new int[] {4} : new int[] {3, 3, 2}, DType.FLOAT64, new Rng(0));
            load(f.get(name + "_gamma"), bn.parameters().get(0).value());
            load(f.get(name + "_beta"), bn.parameters().get(1).value());
            Tensor x = f.get(name + "_x");
            assertClose(f.get(name + "_train_out"), bn.forward(x, true), 1e-12, name + " train output");
            assertClose(f.get(name + "_dx"), bn.backward(f.get(name + "_r").copy(), true), 1e-10, name + " dx");
            assertClose(f.get(name + "_dgamma"), bn.parameters().get(0).grad(), 1e-10, name + " dgamma");
            assertClose(f.get(name + "_dbeta"), bn.parameters().get(1).grad(), 1e-10, name + " dbeta");
            assertClose(f.get(name + "_moving_mean"), bn.buffers().get(0).value(), 1e-12, name + " moving mean");
            assertClose(f.get(name + "_moving_variance"), bn.buffers().get(1).value(), 1e-12, name + " moving variance");
            assertClose(f.get(name + "_eval_out"), bn.forward(x, false), 1e-12, name + " eval output");
        }
    }
}
