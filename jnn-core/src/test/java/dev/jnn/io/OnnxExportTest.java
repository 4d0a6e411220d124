package dev.jnn.io;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.jnn.data.Samples;
import dev.jnn.data.ToySets;
import dev.jnn.estimator.MLPClassifier;
import dev.jnn.estimator.MLPRegressor;
import dev.jnn.model.Fit;
import dev.jnn.model.ModelJson;
import dev.jnn.model.Sequential;
import dev.jnn.model.zoo.ModelZoo;
import dev.jnn.nn.Loss;
import dev.jnn.optim.Adam;
import dev.jnn.tensor.DType;
import dev.jnn.tensor.Kernels;
import dev.jnn.tensor.Rng;
import dev.jnn.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The exported graphs run in ONNX Runtime (which checks them as it loads) and give jnn's probabilities within
 * 1e-5 in float32 (1e-12 in float64) and the same labels on 1,000 rows.
 */
class OnnxExportTest {
    private static final OrtEnvironment ENV = OrtEnvironment.getEnvironment();

    private static OrtSession.Result run(byte[] onnx, Tensor x) throws Exception {
        OrtSession session = ENV.createSession(onnx, new OrtSession.SessionOptions());
        OnnxTensor in = x.dtype() == DType.FLOAT64 ? OnnxTensor.createTensor(ENV, rows64(x))
                : OnnxTensor.createTensor(ENV, rows32(x));
        return session.run(Map.of("input", in));
    }

    private static double[][] rows64(Tensor x) {
        double[][] out = new double[x.rows()][x.cols()];
        for (int r = 0; r < x.rows(); r++) {
            for (int c = 0; c < x.cols(); c++) {
                out[r][c] = x.get(r, c);
            }
        }
        return out;
    }

    private static float[][] rows32(Tensor x) {
        float[][] out = new float[x.rows()][x.cols()];
        for (int r = 0; r < x.rows(); r++) {
            for (int c = 0; c < x.cols(); c++) {
                out[r][c] = (float) x.get(r, c);
            }
        }
        return out;
    }

    private static void assertProbabilities(double[][] want, Object got, double tol) {
        for (int r = 0; r < want.length; r++) {
            for (int k = 0; k < want[r].length; k++) {
                double g = got instanceof float[][] f ? f[r][k] : ((double[][]) got)[r][k];
                assertEquals(want[r][k], g, tol, "row " + r + " class " + k);
            }
        }
    }

    @Test
    void mlpClassifiersAndRegressorsRunInOnnxRuntime() throws Exception {
        Samples moons = ToySets.moons(1000, 0.25, 0);
        MLPClassifier clf = MLPClassifier.builder().hiddenLayerSizes(8, 6).maxIter(30).randomState(0).build();
        clf.fit(moons.x(), moons.y());                                 // binary: one logistic output
        try (OrtSession.Result r = run(ModelFiles.onnx(clf, null), moons.x())) {
            assertProbabilities(clf.predictProba(moons.x()), r.get("probabilities").get().getValue(), 1e-12);
            assertArrayEquals(java.util.Arrays.stream(clf.predict(moons.x())).asLongStream().toArray(),
                    (long[]) r.get("label").get().getValue());
        }
        String[] names = new String[1000];
        for (int i = 0; i < names.length; i++) {
            names[i] = new String[] {"a", "b", "c"}[(moons.y()[i] + (moons.x().get(i, 0) > 0.5 ? 1 : 0)) % 3];
        }
        MLPClassifier three = MLPClassifier.builder().hiddenLayerSizes(10).activation(dev.jnn.nn.Activation.TANH)
                .maxIter(30).randomState(1).build();
        Tensor x32 = moons.x().to(DType.FLOAT32);
        three.fit(x32, names);
        try (OrtSession.Result r = run(ModelFiles.onnx(three, null), x32)) {
            assertProbabilities(three.predictProba(x32), r.get("probabilities").get().getValue(), 1e-5);
            assertArrayEquals(three.predictNames(x32), (String[]) r.get("label").get().getValue());
        }
        MLPRegressor reg = MLPRegressor.builder().hiddenLayerSizes(5).activation(dev.jnn.nn.Activation.LOGISTIC)
                .maxIter(20).randomState(2).build();
        double[] y = new double[1000];
        for (int i = 0; i < y.length; i++) {
            y[i] = moons.x().get(i, 0) - moons.x().get(i, 1);
        }
        reg.fit(moons.x(), y);
        try (OrtSession.Result r = run(ModelFiles.onnx(reg, null), moons.x())) {
            double[][] p = (double[][]) r.get("predictions").get().getValue();
            double[] want = reg.predict(moons.x());
            for (int i = 0; i < want.length; i++) {
                assertEquals(want[i], p[i][0], 1e-12);
            }
        }
    }

    @Test
    void pipelinesTakeTheRawFeaturesInOnnxRuntimeAndInModelFiles(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Samples moons = ToySets.moons(1000, 0.25, 3);
        Tensor x = Tensor.zeros(DType.FLOAT64, 1000, 3);
        for (int r = 0; r < 1000; r++) {
            x.set(moons.x().get(r, 0) + 2, r, 0);                   // positive: log and sqrt apply to every column
            x.set(moons.x().get(r, 1) + 2, r, 1);
            x.set(Math.abs(moons.x().get(r, 0)) + 0.5, r, 2);
        }
        var steps = List.of(dev.jnn.preprocess.Pipeline.step("f", new dev.jnn.preprocess.FunctionFeatures("sqrt", "log")),
                dev.jnn.preprocess.Pipeline.step("poly", new dev.jnn.preprocess.PolynomialFeatures(2, false, true)),
                dev.jnn.preprocess.Pipeline.step("scale", new dev.jnn.preprocess.StandardScaler()),
                dev.jnn.preprocess.Pipeline.step("pca", new dev.jnn.preprocess.Pca(6, true)),
                dev.jnn.preprocess.Pipeline.step("mm", new dev.jnn.preprocess.MinMaxScaler(-1, 1, true)));
        var pipe = dev.jnn.preprocess.Pipeline.of(steps, "mlp",
                MLPClassifier.builder().hiddenLayerSizes(7).maxIter(20).randomState(0).build());
        pipe.fit(x, moons.y());
        try (OrtSession.Result r = run(ModelFiles.onnx(pipe, null), x)) {
            assertProbabilities(pipe.predictProba(x), r.get("probabilities").get().getValue(), 1e-9);
            assertArrayEquals(java.util.Arrays.stream(pipe.predict(x)).asLongStream().toArray(),
                    (long[]) r.get("label").get().getValue());
        }
        Path file = dir.resolve("pipe.safetensors");
        ModelFiles.save(pipe, file);
        var back = ModelFiles.load(file, dev.jnn.preprocess.Pipeline.OfClassifier.class);
        assertArrayEquals(pipe.predictProba(x), back.predictProba(x), "a saved pipeline predicts to the bit");
        assertEquals(5, back.steps().size());
    }

    @Test
    void leNetAndABatchNormNetworkRunInOnnxRuntime() throws Exception {
        Rng rng = new Rng(4);
        Tensor images = Tensor.zeros(DType.FLOAT32, 1000, 784);
        for (int i = 0; i < images.size(); i++) {
            images.setFlat(i, rng.uniform(0, 1) < 0.2 ? (float) rng.uniform(0, 1) : 0f);
        }
        Sequential lenet = ModelZoo.lenet5(28).seed(0).build(784);
        try (OrtSession.Result r = run(ModelFiles.onnx(lenet, null), images)) {
            Tensor p = lenet.predict(images);
            assertProbabilities(rows64(p), r.get("probabilities").get().getValue(), 1e-5);
            assertArrayEquals(java.util.Arrays.stream(Kernels.argmaxRows(p)).asLongStream().toArray(),
                    (long[]) r.get("index").get().getValue());
        }
        // 'same' padding with strides, batch normalisation after a convolution and after a dense layer, average
        // pooling, leaky relu and elu: trained a little, so that the moving statistics are not the initial ones
        String json = "{\"layers\": [{\"type\": \"Input\", \"shape\": [12, 12, 2]},"
                + " {\"type\": \"Conv2D\", \"filters\": 5, \"kernel_size\": [3, 2], \"strides\": [2, 1],"
                + " \"padding\": \"same\", \"activation\": \"elu\"}, {\"type\": \"BatchNormalization\"},"
                + " {\"type\": \"AveragePooling2D\", \"pool_size\": 2}, {\"type\": \"Flatten\"},"
                + " {\"type\": \"Dense\", \"units\": 7, \"activation\": \"tanh\"}, {\"type\": \"BatchNormalization\"},"
                + " {\"type\": \"LeakyReLU\", \"alpha\": 0.1},"
                + " {\"type\": \"Dense\", \"units\": 4, \"activation\": \"softmax\"}]}";
        Sequential net = ModelJson.read(json, "bn-net").seed(1);
        net.compile(new Adam(), Loss.SPARSE_CATEGORICAL_CROSSENTROPY);
        Tensor x = Tensor.zeros(DType.FLOAT32, 1000, 288);
        int[] labels = new int[1000];
        for (int i = 0; i < 1000; i++) {
            labels[i] = i % 4;
            for (int c = 0; c < 288; c++) {
                x.set(rng.normal(c % 4 == labels[i] ? 1 : 0, 1), i, c);
            }
        }
        net.fit(x, labels, Fit.epochs(2).batchSize(50));
        Path file = Files.createTempFile("jnn-bn", ".onnx");
        ModelFiles.exportOnnx(net, new String[] {"w", "x", "y", "z"}, file);
        try (OrtSession.Result r = run(Files.readAllBytes(file), x)) {
            Tensor p = net.predict(x);
            assertProbabilities(rows64(p), r.get("probabilities").get().getValue(), 1e-5);
            int[] idx = Kernels.argmaxRows(p);
            String[] want = java.util.Arrays.stream(idx).mapToObj(i -> new String[] {"w", "x", "y", "z"}[i])
                    .toArray(String[]::new);
            assertArrayEquals(want, (String[]) r.get("label").get().getValue());
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void perceptronsRunInOnnxRuntime() throws Exception {
        for (int classes : new int[] {2, 3}) {
            Samples blobs = ToySets.blobs(300, classes, 3.0, 2);
            dev.jnn.estimator.Perceptron p = new dev.jnn.estimator.Perceptron().fit(blobs.x(), blobs.y());
            try (OrtSession.Result r = run(ModelFiles.onnx(p, null), blobs.x())) {
                assertProbabilities(p.decisionFunction(blobs.x()), r.get("scores").get().getValue(), 1e-12);
                assertArrayEquals(java.util.Arrays.stream(p.predict(blobs.x())).asLongStream().toArray(),
                        (long[]) r.get("label").get().getValue());
            }
        }
        dev.jnn.estimator.SVC svc = new dev.jnn.estimator.SVC().fit(ToySets.moons(50, 0.2, 0).x(),
                ToySets.moons(50, 0.2, 0).y());
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ModelFiles.onnx(svc, null));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("does not cover the SVC"));
    }
}
