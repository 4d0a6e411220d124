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
import dev.jnn.selection.GridSearchCV;
import dev.jnn.selection.StratifiedKFold;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
    void aSearchsFitsBecomeEventsWithTheirSplitScores() throws Exception {
        Samples iris = Datasets.iris().train();
        GridSearchCV search = new GridSearchCV(MLPClassifier.builder().maxIter(10).randomState(0).build(),
                Map.of("alpha", List.of(1e-4, 1e-2), "hidden_layer_sizes", List.of("4", "8")),
                GridSearchCV.Settings.DEFAULTS.withCv(new StratifiedKFold(3)).withNJobs(2));
        try (Dashboard d = Dashboard.start(0, "search")) {
            search.setMonitor(d);
            search.fit(iris.x(), iris.y());
            List<String> events = d.log().after(1, 0);
            assertEquals(12, events.size());
            ObjectMapper json = new ObjectMapper();
            boolean[] seen = new boolean[12];
            for (String e : events) {
                JsonNode f = json.readTree(e);
                int c = f.get("candidate").asInt();
                int s = f.get("split").asInt();
                seen[c * 3 + s] = true;
                assertEquals((Double) search.cvResults().get("split" + s + "_test_score").get(c),
                        f.get("test_score").asDouble(), e);
                assertEquals(search.candidates().get(c).toString(), f.get("params").asText());
                assertEquals(12, f.get("total").asInt());
            }
            for (boolean b : seen) {
                assertTrue(b, "every candidate and split once");
            }
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
