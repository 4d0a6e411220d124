package dev.jnn.metrics;

import java.util.Arrays;

/**
 * Area under the ROC curve: binary, and one-vs-rest for multiclass (macro or prevalence-weighted), as
 * {@code roc_auc_score}. The binary area is the trapezoid under the curve of distinct thresholds, which counts
 * tied scores as half.
 */
public final class RocAuc {
    private RocAuc() {
    }

    /** Binary AUC of scores for the positive class (label 1 when {@code yTrue} holds 0/1). */
    public static double binary(boolean[] positive, double[] score) {
        int n = positive.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(score[b], score[a]));
        double pos = 0;
        for (boolean p : positive) {
            pos += p ? 1 : 0;
        }
        double neg = n - pos;
        if (pos == 0 || neg == 0) {
            throw new IllegalArgumentException("Only one class present in y_true. ROC AUC score is not defined in that"
                    + " case.");
        }
        double area = 0;
        double tp = 0;
        double fp = 0;
        double prevTp = 0;
        double prevFp = 0;
        for (int i = 0; i < n; i++) {
            if (positive[order[i]]) {
                tp++;
            } else {
                fp++;
            }
            if (i == n - 1 || score[order[i + 1]] != score[order[i]]) {
                area += (fp - prevFp) * (tp + prevTp) / 2;
                prevTp = tp;
                prevFp = fp;
            }
        }
        return area / (pos * neg);
    }

    /** One-vs-rest AUC over the sorted labels of {@code yTrue}; {@code weighted} weighs classes by prevalence. */
    public static double ovr(int[] yTrue, double[][] proba, boolean weighted) {
        int[] labels = Arrays.stream(yTrue).distinct().sorted().toArray();
        if (labels.length == 2 && proba[0].length <= 2) {
            double[] s = new double[yTrue.length];
            boolean[] pos = new boolean[yTrue.length];
            for (int i = 0; i < s.length; i++) {
                s[i] = proba[i][proba[i].length - 1];
                pos[i] = yTrue[i] == labels[1];
            }
            return binary(pos, s);
        }
        if (proba[0].length != labels.length) {
            throw new IllegalArgumentException("Number of classes in y_true not equal to the number of columns in"
                    + " 'y_score'");
        }
        double total = 0;
        double weights = 0;
        for (int c = 0; c < labels.length; c++) {
            boolean[] pos = new boolean[yTrue.length];
            double[] s = new double[yTrue.length];
            double count = 0;
            for (int i = 0; i < yTrue.length; i++) {
                pos[i] = yTrue[i] == labels[c];
                s[i] = proba[i][c];
                count += pos[i] ? 1 : 0;
            }
            double w = weighted ? count : 1;
            total += w * binary(pos, s);
            weights += w;
        }
        return total / weights;
    }
}
