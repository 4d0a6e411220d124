package dev.jnn.model;

import dev.jnn.data.Dataset;
import dev.jnn.data.Datasets;
import dev.jnn.nn.Activation;
import dev.jnn.nn.BatchNormalization;
import dev.jnn.nn.Conv2D;
import dev.jnn.nn.Dense;
import dev.jnn.nn.Dropout;
import dev.jnn.nn.Flatten;
import dev.jnn.nn.Input;
import dev.jnn.nn.Loss;
import dev.jnn.nn.MaxPool2D;
import dev.jnn.optim.Adam;
import dev.jnn.optim.Sgd;
import dev.jnn.tensor.Kernels;
import dev.jnn.tensor.Parallel;
import dev.jnn.tensor.Tensor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SequentialTest {
    private static final Dataset DIGITS = scaled(Datasets.digits().split(0.25, 0, true));

    private static Dataset scaled(Dataset d) {
        Tensor tr = d.train().x().copy();
        Tensor te = d.test().x().copy();
        Kernels.scale(tr, 1 / 16.0);
        Kernels.scale(te, 1 / 16.0);
        return new Dataset(d.name(), d.train().withX(tr), d.test().withX(te));
    }

    @AfterEach
    void resetThreads() {
        Parallel.setThreads(0);
    }

    static Sequential smallLenet(long seed) {
        return Sequential.of(new Input(8, 8, 1), new Conv2D(6, 3, Activation.RELU), new MaxPool2D(2),
                new Flatten(), new Dense(32, Activation.RELU), new Dropout(0.2), new Dense(10, Activation.SOFTMAX))
                .seed(seed);
    }

    @Test
    void convNetLearnsDigits() {
        Sequential m = smallLenet(0);
        m.compile(new Adam(0.01, 0.9, 0.999, 1e-7), Loss.SPARSE_CATEGORICAL_CROSSENTROPY, Metric.ACCURACY);
        History h = m.fit(DIGITS.train().x(), DIGITS.train().y(), Fit.epochs(8).batchSize(32).validationSplit(0.1));
        assertEquals(8, h.epochs());
        assertEquals(List.of("loss", "accuracy", "val_loss", "val_accuracy"), List.copyOf(h.history().keySet()));
        assertTrue(h.get("loss").get(7) < h.get("loss").get(0));
        Map<String, Double> test = m.evaluate(DIGITS.test().x(), DIGITS.test().y());
        assertTrue(test.get("accuracy") > 0.93, test.toString());
        int[] pred = m.predictClasses(DIGITS.test().x());
        long hits = 0;
        for (int i = 0; i < pred.length; i++) {
            hits += pred[i] == DIGITS.test().y()[i] ? 1 : 0;
        }
        assertEquals(test.get("accuracy"), hits / (double) pred.length, 1e-12);
    }

    @Test
    void sameSeedSameWeightsAtAnyThreadCount() {
        float[][] weights = new float[3][];
        int[] threads = {1, 2, 3};
        for (int t = 0; t < threads.length; t++) {
            Parallel.setThreads(threads[t]);
            Sequential m = Sequential.of(new Input(8, 8, 1), new Conv2D(4, 3, Activation.RELU), new BatchNormalization(),
                    new MaxPool2D(2), new Flatten(), new Dropout(0.3), new Dense(10, Activation.SOFTMAX)).seed(42);
            m.compile(new Adam(), Loss.SPARSE_CATEGORICAL_CROSSENTROPY);
            m.fit(DIGITS.train().x(), DIGITS.train().y(), Fit.epochs(2).batchSize(50));
            weights[t] = m.predict(DIGITS.test().x()).floatData();
        }
        assertArrayEquals(weights[0], weights[1]);
        assertArrayEquals(weights[0], weights[2]);
    }

    static Sequential courseLenet() {
        return Sequential.of(new Input(28, 28, 1), new Conv2D(6, 3, Activation.RELU), new MaxPool2D(2),
                new Conv2D(16, 3, Activation.RELU), new MaxPool2D(2), new Flatten(), new Dense(120, Activation.RELU),
                new Dropout(0.5), new Dense(84, Activation.RELU), new Dense(10, Activation.SOFTMAX));
    }

    @Test
    void summaryOfTheCourseLenet() {
        Sequential m = courseLenet().seed(0).build(784);
        String s = m.summary();
        assertTrue(s.contains(" conv2d (Conv2D)             (None, 26, 26, 6)         60\n"), s);
        assertTrue(s.contains(" max_pooling2d_1 (MaxPool2D) (None, 5, 5, 16)          0\n"), s);
        assertTrue(s.contains(" dense_2 (Dense)             (None, 10)                850\n"), s);
        assertTrue(s.contains("Total params: 60,074\nTrainable params: 60,074\nNon-trainable params: 0\n"), s);
    }

    @Test
    void jsonRoundTripRebuildsTheSameModel() {
        Sequential a = smallLenet(7).build(64);
        Sequential b = ModelJson.read(a.toJson(), "model.json").seed(7).build(64);
        assertEquals(a.toJson(), b.toJson());
        assertArrayEquals(a.predict(DIGITS.test().x()).floatData(), b.predict(DIGITS.test().x()).floatData());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelJson.read(
                "{\"layers\": [{\"type\": \"Dense\", \"units\": 3, \"activaton\": \"relu\"}]}", "m.json"));
        assertEquals("m.json: layer 0: unknown key \"activaton\"", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ModelJson.read("{\"layers\": [{\"type\": \"Conv3D\"}]}", "m.json"));
        assertTrue(e.getMessage().startsWith("m.json: layer 0: unknown layer type \"Conv3D\""), e.getMessage());
    }

    @Test
    void earlyStoppingRestoresTheBestWeights() {
        Sequential m = Sequential.of(new Dense(10, Activation.SOFTMAX)).seed(1);
        m.compile(new Sgd(5.0, 0.9, false), Loss.SPARSE_CATEGORICAL_CROSSENTROPY, Metric.ACCURACY);
        EarlyStopping stop = new EarlyStopping("val_loss", 0, 1, true);
        History h = m.fit(DIGITS.train().x(), DIGITS.train().y(),
                Fit.epochs(30).validationData(DIGITS.test().x(), DIGITS.test().y()).callbacks(stop));
        assertTrue(h.epochs() < 30);
        List<Double> val = h.get("val_loss");
        double best = val.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        assertEquals(val.indexOf(best), stop.bestEpoch());
        assertEquals(best, m.evaluate(DIGITS.test().x(), DIGITS.test().y()).get("loss"), 1e-5);
    }

    @Test
    void reduceLrOnPlateauCutsTheRate() {
        Sequential m = Sequential.of(new Dense(10, Activation.SOFTMAX)).seed(1);
        Sgd sgd = new Sgd(50.0, 0, false);
        m.compile(sgd, Loss.SPARSE_CATEGORICAL_CROSSENTROPY);
        m.fit(DIGITS.train().x(), DIGITS.train().y(), Fit.epochs(6).callbacks(new ReduceLROnPlateau("loss", 0.5, 0, 1e9, 0, 1.0)));
        assertEquals(50.0 / 32, sgd.learningRate(), 1e-12); // the first epoch improves on infinity
    }

    @Test
    void badInputGetsClearErrors() {
        Sequential m = smallLenet(0);
        assertThrows(IllegalStateException.class, () -> m.fit(DIGITS.train().x(), DIGITS.train().y(), Fit.epochs(1)));
        m.compile(new Adam(), Loss.CATEGORICAL_CROSSENTROPY);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> m.fit(DIGITS.train().x(), Arrays.copyOf(DIGITS.train().y(), 5), Fit.epochs(1)));
        assertTrue(e.getMessage().contains("inconsistent numbers of samples"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> m.predict(Tensor.zeros(m.dtype(), 2, 10)));
        assertEquals("X has 10 features, but the model expects 64 (samples of shape (8, 8, 1))", e.getMessage());
        int[] bad = DIGITS.train().y().clone();
        bad[3] = 12;
        e = assertThrows(IllegalArgumentException.class, () -> m.fit(DIGITS.train().x(), bad, Fit.epochs(1)));
        assertTrue(e.getMessage().startsWith("labels[3] = 12 is not a class index in [0, 10)"), e.getMessage());
        Tensor nan = DIGITS.train().x().copy();
        nan.set(Double.NaN, 2, 5);
        e = assertThrows(IllegalArgumentException.class, () -> m.fit(nan, DIGITS.train().y(), Fit.epochs(1)));
        assertEquals("x contains NaN at row 2, column 5", e.getMessage());
        Sequential flat = Sequential.of(new Conv2D(2, 3, Activation.RELU));
        e = assertThrows(IllegalArgumentException.class, () -> flat.build(64));
        assertTrue(e.getMessage().contains("new Input(28, 28, 1)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Sequential.of(new Dense(3, Activation.SOFTMAX))
                .compile(new Adam(), Loss.MEAN_SQUARED_ERROR));
    }
}
