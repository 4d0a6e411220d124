package dev.jnn.plot.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnn.data.Datasets;
import dev.jnn.data.Samples;
import dev.jnn.estimator.MLPClassifier;
import dev.jnn.model.Fit;
import dev.jnn.model.Metric;
import dev.jnn.model.Sequential;
import dev.jnn.nn.Activation;
import dev.jnn.nn.Dense;
import dev.jnn.nn.Input;
import dev.jnn.nn.Loss;
import dev.jnn.optim.Adam;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Java API: an estimator's epochs and a network's epochs become the page's events. */
class DashboardTest {
    @Test
    void anEstimatorsEpochsBecomeEvents() throws Exception {
        Samples iris = Datasets.iris().train();
        MLPClassifier clf = MLPClassifier.builder().hiddenLayerSizes(5).maxIter(12).randomState(0).build();
        try (Dashboard d = Dashboard.start(0, "iris")) {
            clf.setMonitor(d);
            clf.fit(iris.x(), iris.y());
            d.finish(Map.of("test_accuracy", clf.score(iris.x(), iris.y())));
            List<String> events = d.log().after(0, 0);
            assertEquals(1 + clf.nIter() + 1, events.size(), events.toString());
            assertTrue(events.get(0).contains("\"title\":\"iris\""), events.get(0));
            assertTrue(events.get(12).contains("\"epoch\":12") && events.get(12).contains("\"of\":12"),
                    events.get(12));
            assertTrue(events.get(12).contains("\"loss\":" + clf.lossCurve().get(11)), events.get(12));
            assertTrue(events.get(12).contains("\"validation_score\":null"), events.get(12));
            assertTrue(d.log().ended());
        }
    }

    @Test
    void aNetworksEpochsCarryItsMetricsAndLearningRate() throws Exception {
        Samples iris = Datasets.iris().train();
        Sequential net = Sequential.of(new Input(4), new Dense(8, Activation.RELU), new Dense(3, Activation.SOFTMAX));
        net.compile(new Adam(0.01, 0.9, 0.999, 1e-7), Loss.SPARSE_CATEGORICAL_CROSSENTROPY, Metric.ACCURACY);
        try (Dashboard d = Dashboard.start(0, "net")) {
            net.fit(iris.x().to(net.dtype()), iris.y(), Fit.epochs(3).batchSize(16).validationSplit(0.2)
                    .callbacks(d));
            List<String> events = d.log().after(0, 0);
            assertEquals(4, events.size(), events.toString());
            String last = events.get(3);
            for (String key : new String[] {"\"epoch\":3", "\"loss\":", "\"accuracy\":", "\"val_loss\":",
                "\"val_accuracy\":", "\"learning_rate\":0.01", "\"seconds\":"}) {
                assertTrue(last.contains(key), key + " in " + last);
            }
        }
    }
}
