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

    /**
     * One-vs-one AUC (Hand and Till): for each pair of classes, the mean of the two AUCs on the rows of those
     * classes, averaged over the pairs (weighted by the pair's share of rows when {@code weighted}).
     */
    public static double ovo(int[] yTrue, double[][] proba, boolean weighted) {
        int[] labels = Arrays.stream(yTrue).distinct().sorted().toArray();
        if (proba[0].length != labels.length) {
            throw new IllegalArgumentException("Number of classes in y_true not equal to the number of columns in"
                    + " 'y_score'");
        }
        double total = 0;
        double weights = 0;
        for (int a = 0; a < labels.length; a++) {
            for (int b = a + 1; b < labels.length; b++) {
                int count = 0;
                for (int y : yTrue) {
                    count += y == labels[a] || y == labels[b] ? 1 : 0;
                }
                boolean[] isA = new boolean[count];
                double[] sa = new double[count];
                double[] sb = new double[count];
                int at = 0;
                for (int i = 0; i < yTrue.length; i++) {
                    if (yTrue[i] == labels[a] || yTrue[i] == labels[b]) {
                        isA[at] = yTrue[i] == labels[a];
                        sa[at] = proba[i][a];
                        sb[at++] = proba[i][b];
                    }
                }
                boolean[] isB = new boolean[count];
                for (int i = 0; i < count; i++) {
                    isB[i] = !isA[i];
                }
                double w = weighted ? (double) count / yTrue.length : 1;
                total += w * (binary(isA, sa) + binary(isB, sb)) / 2;
                weights += w;
            }
        }
        return total / weights;
    }

    /** Multilabel AUC: per column (macro), weighted by each column's positives, or over all cells (micro). */
    public static double multilabel(int[][] yTrue, double[][] score, Average average) {
        int n = yTrue.length;
        int k = yTrue[0].length;
        if (average == Average.MICRO) {
            boolean[] pos = new boolean[n * k];
            double[] s = new double[n * k];
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < k; c++) {
                    pos[i * k + c] = yTrue[i][c] == 1;
                    s[i * k + c] = score[i][c];
                }
            }
            return binary(pos, s);
        }
        if (average != Average.MACRO && average != Average.WEIGHTED) {
            throw new IllegalArgumentException("average must be micro, macro or weighted for multilabel ROC AUC");
        }
        double total = 0;
        double weights = 0;
        for (int c = 0; c < k; c++) {
            boolean[] pos = new boolean[n];
            double[] s = new double[n];
            double positives = 0;
            for (int i = 0; i < n; i++) {
                pos[i] = yTrue[i][c] == 1;
                s[i] = score[i][c];
                positives += yTrue[i][c];
            }
            double w = average == Average.WEIGHTED ? positives : 1;
            total += w * binary(pos, s);
            weights += w;
        }
        return total / weights;
    }

    /** The ROC curve: false and true positive rates at each threshold (scikit-learn 1.2.1's first is max + 1). */
    public record Curve(double[] fpr, double[] tpr, double[] thresholds) {
    }

    /** {@code roc_curve(y_true, y_score, drop_intermediate=...)} for a binary target. */
    public static Curve curve(boolean[] positive, double[] score, boolean dropIntermediate) {
        int n = score.length;
        Integer[] asc = new Integer[n];
        for (int i = 0; i < n; i++) {
            asc[i] = i;
        }
        Arrays.sort(asc, (a, b) -> Double.compare(score[a], score[b])); // stable, then reversed as numpy does
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = asc[n - 1 - i];
        }
        java.util.List<double[]> pts = new java.util.ArrayList<>(); // {fps, tps, threshold}
        double tp = 0;
        for (int i = 0; i < n; i++) {
            tp += positive[order[i]] ? 1 : 0;
            if (i == n - 1 || score[order[i + 1]] != score[order[i]]) {
                pts.add(new double[]{1 + i - tp, tp, score[order[i]]});
            }
        }
        if (dropIntermediate && pts.size() > 2) {
            java.util.List<double[]> kept = new java.util.ArrayList<>();
            for (int i = 0; i < pts.size(); i++) {
                boolean keep = i == 0 || i == pts.size() - 1;
                if (!keep) {
                    double d2f = pts.get(i + 1)[0] - 2 * pts.get(i)[0] + pts.get(i - 1)[0];
                    double d2t = pts.get(i + 1)[1] - 2 * pts.get(i)[1] + pts.get(i - 1)[1];
                    keep = d2f != 0 || d2t != 0;
                }
                if (keep) {
                    kept.add(pts.get(i));
                }
            }
            pts = kept;
        }
        int m = pts.size() + 1;
        double[] fpr = new double[m];
        double[] tpr = new double[m];
        double[] thr = new double[m];
        double lastF = pts.get(pts.size() - 1)[0];
        double lastT = pts.get(pts.size() - 1)[1];
        thr[0] = pts.get(0)[2] + 1;
        for (int i = 1; i < m; i++) {
            fpr[i] = pts.get(i - 1)[0] / lastF;
            tpr[i] = pts.get(i - 1)[1] / lastT;
            thr[i] = pts.get(i - 1)[2];
        }
        return new Curve(fpr, tpr, thr);
    }

    /** {@code auc(x, y)}: the trapezoid area under a monotonic curve. */
    public static double auc(double[] x, double[] y) {
        if (x.length < 2 || x.length != y.length) {
            throw new IllegalArgumentException("At least 2 points are needed to compute area under curve, but x.shape = "
                    + x.length);
        }
        double direction = 1;
        boolean increasing = true;
        boolean decreasing = true;
        for (int i = 1; i < x.length; i++) {
            increasing &= x[i] >= x[i - 1];
            decreasing &= x[i] <= x[i - 1];
        }
        if (!increasing) {
            if (!decreasing) {
                throw new IllegalArgumentException("x is neither increasing nor decreasing : " + Arrays.toString(x) + ".");
            }
            direction = -1;
        }
        double area = 0;
        for (int i = 1; i < x.length; i++) {
            area += (x[i] - x[i - 1]) * (y[i] + y[i - 1]) / 2;
        }
        return direction * area;
    }
}
