package dev.jnn.selection;

import dev.jnn.data.Datasets;
import dev.jnn.data.Samples;
import dev.jnn.estimator.MLPClassifier;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Failed fits score NaN and rank last, or raise; all failing is an error; ranks tie as "min" (spec §6.9). */
class SearchErrorsTest {
    private final Samples iris = Datasets.iris().train();

    @Test
    void failedCandidatesScoreNanAndRankLast() {
        GridSearchCV s = new GridSearchCV(MLPClassifier.builder().maxIter(5).randomState(0).build(),
                Map.of("alpha", List.of(-1.0, 1e-4)), GridSearchCV.Settings.DEFAULTS.withCv(new StratifiedKFold(3)))
                .fit(iris.x(), iris.y());
        assertTrue(Double.isNaN(s.cvResults().meanTestScore()[0]));
        assertArrayEquals(new int[]{2, 1}, s.cvResults().rankTestScore());
        assertEquals(1, s.bestIndex());
        assertThrows(IllegalArgumentException.class, () -> new GridSearchCV(
                MLPClassifier.builder().maxIter(5).build(), Map.of("alpha", List.of(-1.0, 1e-4)),
                GridSearchCV.Settings.DEFAULTS.withCv(new StratifiedKFold(3)).withRaiseOnError(true))
                .fit(iris.x(), iris.y()));
        IllegalArgumentException all = assertThrows(IllegalArgumentException.class, () -> new GridSearchCV(
                MLPClassifier.builder().maxIter(5).build(), Map.of("alpha", List.of(-1.0)),
                GridSearchCV.Settings.DEFAULTS.withCv(new StratifiedKFold(3))).fit(iris.x(), iris.y()));
        assertTrue(all.getMessage().startsWith("All the 3 fits failed."), all.getMessage());
    }

    @Test
    void minRankingWithTies() {
        assertArrayEquals(new int[]{1, 1, 3, 3}, SearchResults.rank(new double[]{0.9, 0.9, 0.5, 0.5}));
        assertArrayEquals(new int[]{1, 1}, SearchResults.rank(new double[]{Double.NaN, Double.NaN}));
        assertArrayEquals(new int[]{2, 1, 3}, SearchResults.rank(new double[]{0.5, 0.7, Double.NaN}));
    }
}
