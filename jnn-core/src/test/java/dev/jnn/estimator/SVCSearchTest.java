package dev.jnn.estimator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jnn.selection.GridSearchCV;
import dev.jnn.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The course's C × γ grid: {@code GridSearchCV(SVC(), {C, gamma}, scoring="roc_auc", cv=5)} on the moons of
 * {@code svc_fixtures.py} gives scikit-learn 1.2.1's mean test scores (roc_auc ranks by the decision function)
 * and best parameters.
 */
class SVCSearchTest {
    @Test
    void theCxGammaGridScoresAsScikitLearns() throws Exception {
        JsonNode root = SVCFixturesTest.fixtures();
        JsonNode moons = root.get("cases").get(0);
        Tensor x = SVCFixturesTest.matrix(moons.get("x"));
        int[] y = SVCFixturesTest.ints(moons.get("y"));
        JsonNode want = root.get("search");
        Map<String, List<?>> grid = new LinkedHashMap<>();
        List<Object> cs = new ArrayList<>();
        want.get("grid").get("C").forEach(v -> cs.add(v.asText()));
        List<Object> gammas = new ArrayList<>();
        want.get("grid").get("gamma").forEach(v -> gammas.add(v.asText()));
        grid.put("C", cs);
        grid.put("gamma", gammas);
        GridSearchCV search = new GridSearchCV(new SVC(), grid,
                GridSearchCV.Settings.DEFAULTS.withScoring("roc_auc")).fit(x, y);
        double[] got = search.cvResults().meanTestScore();
        assertArrayEquals(SVCFixturesTest.doubles(want.get("mean_test_score")), got, 1e-12);
        assertEquals(want.get("best_params").get("gamma").asText(), search.bestParams().get("gamma"));
        assertEquals(want.get("best_params").get("C").asDouble(), Double.parseDouble(String.valueOf(search.bestParams().get("C"))));
    }
}
