package dev.jnn.selection;

import dev.jnn.api.Classifier;
import dev.jnn.api.Estimator;
import dev.jnn.api.Regressor;
import dev.jnn.metrics.Average;
import dev.jnn.metrics.Metrics;
import dev.jnn.metrics.RocAuc;
import dev.jnn.metrics.ZeroDivision;
import dev.jnn.tensor.Tensor;

import java.util.List;

/**
 * Scorers by scikit-learn's names: a higher score is better, so errors and losses are negated. {@code y} is an
 * {@code int[]} of class labels for classifiers and a {@code double[]} of targets for regressors.
 */
@FunctionalInterface
public interface Scoring {
    /** The names {@link #byName} knows. */
    List<String> NAMES = List.of("accuracy", "balanced_accuracy", "f1_macro", "f1_weighted", "precision_macro",
            "recall_macro", "roc_auc", "roc_auc_ovr", "neg_log_loss", "r2", "neg_mean_squared_error", "neg_mean_absolute_error");

    /** The names of the scorers for regressors; the others score classifiers. */
    List<String> REGRESSION = List.of("r2", "neg_mean_squared_error", "neg_mean_absolute_error");

    /** The score of a fitted estimator on rows {@code x} with labels or targets {@code y}. */
    double score(Estimator estimator, Tensor x, Object y);

    /** The estimator's own {@code score}: accuracy for classifiers, R² for regressors. */
    static Scoring estimatorScore() {
        return (e, x, y) -> switch (e) {
            case Classifier c -> c.score(x, (int[]) y);
            case Regressor r -> r.score(x, (double[]) y);
            default -> throw new IllegalArgumentException(e + " is neither a classifier nor a regressor");
        };
    }

    /** A scorer by name; unknown names are an error that lists the known ones. */
    static Scoring byName(String name) {
        if (name == null) {
            return estimatorScore();
        }
        return switch (name) {
            case "accuracy" -> (e, x, y) -> Metrics.accuracy((int[]) y, classifier(e, name).predict(x), null);
            case "balanced_accuracy" -> (e, x, y) -> Metrics.balancedAccuracy((int[]) y, classifier(e, name).predict(x),
                    false);
            case "f1_macro" -> prf(name, Average.MACRO, 2);
            case "f1_weighted" -> prf(name, Average.WEIGHTED, 2);
            case "precision_macro" -> prf(name, Average.MACRO, 0);
            case "recall_macro" -> prf(name, Average.MACRO, 1);
            case "roc_auc" -> (e, x, y) -> binaryRocAuc(classifier(e, name), x, (int[]) y);
            case "roc_auc_ovr" -> (e, x, y) -> RocAuc.ovr((int[]) y, classifier(e, name).predictProba(x), false);
            case "neg_log_loss" -> (e, x, y) -> -Metrics.logLoss((int[]) y, classifier(e, name).predictProba(x));
            case "r2" -> (e, x, y) -> Metrics.r2((double[]) y, regressor(e, name).predict(x));
            case "neg_mean_squared_error" -> (e, x, y) -> -Metrics.meanSquaredError((double[]) y,
                    regressor(e, name).predict(x));
            case "neg_mean_absolute_error" -> (e, x, y) -> -Metrics.meanAbsoluteError((double[]) y,
                    regressor(e, name).predict(x));
            default -> throw new IllegalArgumentException("'" + name + "' is not a valid scoring value. Use one of "
                    + NAMES + ".");
        };
    }

    private static Scoring prf(String name, Average average, int which) {
        return (e, x, y) -> {
            Metrics.Prfs r = Metrics.precisionRecallFscoreSupport((int[]) y, classifier(e, name).predict(x), 1.0,
                    average, ZeroDivision.WARN, null);
            return (which == 0 ? r.precision() : which == 1 ? r.recall() : r.fScore())[0];
        };
    }

    /**
     * scikit-learn's {@code roc_auc} scorer: two classes only, ranking by the decision function where the model has
     * one, else by the probability of {@code classes()[1]}.
     */
    private static double binaryRocAuc(Classifier c, Tensor x, int[] y) {
        int[] classes = c.classes();
        if (classes.length != 2) {
            throw new IllegalArgumentException("scoring 'roc_auc' needs two classes, got " + classes.length
                    + "; use roc_auc_ovr");
        }
        double[][] s = c.hasDecisionFunction() ? c.decisionFunction(x) : c.predictProba(x);
        int col = c.hasDecisionFunction() ? 0 : 1;
        boolean[] positive = new boolean[y.length];
        double[] score = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            positive[i] = y[i] == classes[1];
            score[i] = s[i][col];
        }
        return RocAuc.binary(positive, score);
    }

    private static Classifier classifier(Estimator e, String scorer) {
        if (e instanceof Classifier c) {
            return c;
        }
        throw new IllegalArgumentException("scoring '" + scorer + "' needs a classifier");
    }

    private static Regressor regressor(Estimator e, String scorer) {
        if (e instanceof Regressor r) {
            return r;
        }
        throw new IllegalArgumentException("scoring '" + scorer + "' needs a regressor");
    }
}
