package dev.jnn.selection;

import dev.jnn.api.Classifier;
import dev.jnn.api.Estimator;
import dev.jnn.tensor.Tensor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * scikit-learn's {@code cross_val_score} and {@code cross_validate}: one estimator fitted on every split, through
 * the same engine as {@link GridSearchCV} (a search over the single, empty candidate).
 */
public final class CrossValidation {
    private CrossValidation() {
    }

    /** The test score of every split; {@code y} is {@code int[]} for classifiers, {@code double[]} for regressors. */
    public static double[] crossValScore(Estimator estimator, Tensor x, Object y, CrossValidator cv, String scoring) {
        Map<String, double[]> r = crossValidate(estimator, x, y, cv, scoring, false);
        return r.get("test_score");
    }

    /**
     * {@code fit_time}, {@code score_time}, {@code test_score} (and {@code train_score} on request) per split.
     * A null {@code cv} means 5 folds, stratified for classifiers.
     */
    public static Map<String, double[]> crossValidate(Estimator estimator, Tensor x, Object y, CrossValidator cv,
                                                      String scoring, boolean returnTrainScore) {
        GridSearchCV.Settings settings = GridSearchCV.Settings.DEFAULTS.withScoring(scoring).withCv(cv).withRefit(false)
                .withReturnTrainScore(returnTrainScore);
        GridSearchCV one = new GridSearchCV(estimator, List.of(Map.of()), settings, true);
        if (y instanceof int[] labels && estimator instanceof Classifier) {
            one.fit(x, labels);
        } else if (y instanceof double[] targets) {
            one.fit(x, targets);
        } else {
            throw new IllegalArgumentException("y must be int[] for a classifier or double[] for a regressor");
        }
        Map<String, double[]> out = new LinkedHashMap<>();
        SearchResults r = one.cvResults();
        int k = one.nSplits();
        out.put("fit_time", one.times(true));
        out.put("score_time", one.times(false));
        out.put("test_score", splits(r, "test", k));
        if (returnTrainScore) {
            out.put("train_score", splits(r, "train", k));
        }
        return out;
    }

    private static double[] splits(SearchResults r, String kind, int k) {
        double[] out = new double[k];
        for (int s = 0; s < k; s++) {
            out[s] = (Double) r.get("split" + s + "_" + kind + "_score").get(0);
        }
        return out;
    }
}
