package dev.jnn.metrics;

import java.util.Arrays;

/**
 * scikit-learn's classification and regression metrics on integer labels (spec §4): accuracy, balanced accuracy,
 * precision/recall/F-beta with support, log loss, ROC AUC, and the regression errors and R². Sums accumulate in
 * double; a null {@code sampleWeight} weighs every row 1.
 */
public final class Metrics {
    private Metrics() {
    }

    /** Precision, recall, F-beta per label (sorted union of the labels) or averaged; support only per label. */
    public record Prfs(double[] precision, double[] recall, double[] fScore, double[] support) {
    }

    /** The fraction of rows predicted correctly (weighted by {@code sampleWeight}). */
    public static double accuracy(int[] yTrue, int[] yPred, double[] sampleWeight) {
        checkLengths(yTrue, yPred.length, sampleWeight);
        double hit = 0;
        double total = 0;
        for (int i = 0; i < yTrue.length; i++) {
            double w = sampleWeight == null ? 1 : sampleWeight[i];
            hit += yTrue[i] == yPred[i] ? w : 0;
            total += w;
        }
        return hit / total;
    }

    /** Subset accuracy of multilabel 0/1 rows: the (weighted) fraction of rows predicted exactly. */
    public static double accuracy(int[][] yTrue, int[][] yPred, double[] sampleWeight) {
        checkLengths(yTrue.length, yPred.length);
        double hit = 0;
        double total = 0;
        for (int i = 0; i < yTrue.length; i++) {
            double w = sampleWeight == null ? 1 : sampleWeight[i];
            hit += Arrays.equals(yTrue[i], yPred[i]) ? w : 0;
            total += w;
        }
        return hit / total;
    }

    /** {@link #accuracy(int[], int[], double[])} for text labels. */
    public static double accuracy(String[] yTrue, String[] yPred, double[] sampleWeight) {
        LabelSet set = LabelSet.of(yTrue, yPred);
        return accuracy(set.trueIndex(), set.predIndex(), sampleWeight);
    }

    /** Per-label or averaged scores of text labels; per-label results follow the sorted label text. */
    public static Prfs precisionRecallFscoreSupport(String[] yTrue, String[] yPred, double beta, Average average,
                                                    ZeroDivision zeroDivision, double[] sampleWeight) {
        LabelSet set = LabelSet.of(yTrue, yPred);
        return precisionRecallFscoreSupport(set.trueIndex(), set.predIndex(), beta, average, zeroDivision, sampleWeight);
    }

    /**
     * Precision, recall and F-beta of multilabel 0/1 indicator rows: per column, or averaged (micro, macro,
     * weighted by support, or SAMPLES: the per-row scores averaged with the sample weights).
     */
    public static Prfs precisionRecallFscoreSupport(int[][] yTrue, int[][] yPred, double beta, Average average,
                                                    ZeroDivision zeroDivision, double[] sampleWeight) {
        if (yTrue.length != yPred.length || yTrue.length == 0) {
            throw new IllegalArgumentException("Found input variables with inconsistent numbers of samples: ["
                    + yTrue.length + ", " + yPred.length + "]");
        }
        int k = yTrue[0].length;
        if (average == Average.SAMPLES) {
            double[][] rows = new double[3][yTrue.length];
            for (int i = 0; i < yTrue.length; i++) {
                double tp = 0;
                double ps = 0;
                double ts = 0;
                for (int c = 0; c < k; c++) {
                    tp += yTrue[i][c] == 1 && yPred[i][c] == 1 ? 1 : 0;
                    ps += yPred[i][c];
                    ts += yTrue[i][c];
                }
                double[] prf = prf(tp, ps, ts, beta, zeroDivision.value());
                for (int m = 0; m < 3; m++) {
                    rows[m][i] = prf[m];
                }
            }
            return new Prfs(new double[]{mean(rows[0], sampleWeight)}, new double[]{mean(rows[1], sampleWeight)},
                    new double[]{mean(rows[2], sampleWeight)}, null);
        }
        double[] tp = new double[k];
        double[] predSum = new double[k];
        double[] trueSum = new double[k];
        for (int i = 0; i < yTrue.length; i++) {
            double w = sampleWeight == null ? 1 : sampleWeight[i];
            for (int c = 0; c < k; c++) {
                tp[c] += yTrue[i][c] == 1 && yPred[i][c] == 1 ? w : 0;
                predSum[c] += yPred[i][c] * w;
                trueSum[c] += yTrue[i][c] * w;
            }
        }
        return combine(tp, predSum, trueSum, beta, average, zeroDivision);
    }

    private static double[] prf(double tp, double predSum, double trueSum, double beta, double zd) {
        double p = predSum == 0 ? zd : tp / predSum;
        double r = trueSum == 0 ? zd : tp / trueSum;
        double f;
        if (Double.isInfinite(beta)) {
            f = r;
        } else {
            double denom = beta * beta * p + r;
            f = denom == 0 ? 0 : (1 + beta * beta) * p * r / denom;
        }
        return new double[]{p, r, f};
    }

    /** The mean recall over the classes present in {@code yTrue}; {@code adjusted} rescales chance to 0. */
    public static double balancedAccuracy(int[] yTrue, int[] yPred, boolean adjusted) {
        checkLengths(yTrue, yPred.length, null);
        LabelSet set = LabelSet.of(yTrue, yPred);
        double[] hit = new double[set.size()];
        double[] rows = new double[set.size()];
        for (int i = 0; i < yTrue.length; i++) {
            int t = set.trueIndex()[i];
            rows[t]++;
            hit[t] += yTrue[i] == yPred[i] ? 1 : 0;
        }
        double sum = 0;
        int kept = 0;
        for (int c = 0; c < set.size(); c++) {
            if (rows[c] > 0) {
                sum += hit[c] / rows[c];
                kept++;
            }
        }
        double score = sum / kept;
        return adjusted ? (score - 1.0 / kept) / (1 - 1.0 / kept) : score;
    }

    /** scikit-learn 1.2.1's {@code precision_recall_fscore_support} for binary and multiclass labels. */
    public static Prfs precisionRecallFscoreSupport(int[] yTrue, int[] yPred, double beta, Average average,
                                                    ZeroDivision zeroDivision, double[] sampleWeight) {
        if (beta < 0) {
            throw new IllegalArgumentException("beta should be >=0 in the F-beta score");
        }
        checkLengths(yTrue, yPred.length, sampleWeight);
        LabelSet set = LabelSet.of(yTrue, yPred);
        int k = set.size();
        double[] tp = new double[k];
        double[] predSum = new double[k];
        double[] trueSum = new double[k];
        for (int i = 0; i < yTrue.length; i++) {
            double w = sampleWeight == null ? 1 : sampleWeight[i];
            int t = set.trueIndex()[i];
            int p = set.predIndex()[i];
            trueSum[t] += w;
            predSum[p] += w;
            tp[t] += t == p ? w : 0;
        }
        if (average == Average.SAMPLES) {
            throw new IllegalArgumentException("Sample-based precision, recall, fscore is not meaningful outside"
                    + " multilabel classification. See the accuracy_score instead.");
        }
        return combine(tp, predSum, trueSum, beta, average, zeroDivision);
    }

    private static Prfs combine(double[] tp, double[] predSum, double[] trueSum, double beta, Average average,
                                ZeroDivision zeroDivision) {
        double zd = zeroDivision.value();
        if (average == Average.MICRO) {
            tp = new double[]{sum(tp)};
            predSum = new double[]{sum(predSum)};
            trueSum = new double[]{sum(trueSum)};
        }
        double[] p = new double[tp.length];
        double[] r = new double[tp.length];
        double[] f = new double[tp.length];
        for (int c = 0; c < tp.length; c++) {
            double[] v = prf(tp[c], predSum[c], trueSum[c], beta, zd);
            p[c] = v[0];
            r[c] = v[1];
            f[c] = v[2];
        }
        return switch (average) {
            case NONE -> new Prfs(p, r, f, trueSum);
            case MICRO -> new Prfs(p, r, f, null);
            case MACRO -> new Prfs(new double[]{mean(p, null)}, new double[]{mean(r, null)},
                    new double[]{mean(f, null)}, null);
            case WEIGHTED -> {
                if (sum(trueSum) == 0) {
                    double[] z = {zd};
                    yield sum(predSum) == 0 ? new Prfs(z, z, z, null) : new Prfs(new double[]{0}, z, new double[]{0}, null);
                }
                yield new Prfs(new double[]{mean(p, trueSum)}, new double[]{mean(r, trueSum)},
                        new double[]{mean(f, trueSum)}, null);
            }
            case SAMPLES -> throw new IllegalStateException("handled by the multilabel overload");
        };
    }

    /**
     * Cross-entropy of class probabilities: rows are clipped to [eps, 1 − eps] (eps of double) and renormalised,
     * as {@code log_loss(y_true, y_prob)}; columns follow the sorted labels of {@code yTrue}.
     */
    public static double logLoss(int[] yTrue, double[][] proba) {
        int[] labels = Arrays.stream(yTrue).distinct().sorted().toArray();
        if (proba.length != yTrue.length) {
            throw new IllegalArgumentException("y_true and y_pred contain different number of samples: "
                    + yTrue.length + ", " + proba.length);
        }
        int cols = proba.length == 0 ? 0 : proba[0].length;
        if (labels.length == 2 && cols == 1) {
            double[][] two = new double[proba.length][];
            for (int i = 0; i < proba.length; i++) {
                two[i] = new double[]{1 - proba[i][0], proba[i][0]};
            }
            proba = two;
            cols = 2;
        }
        if (cols != labels.length) {
            throw new IllegalArgumentException("y_true and y_pred contain different number of classes " + labels.length
                    + ", " + cols + ".");
        }
        double eps = Math.ulp(1.0);
        double total = 0;
        for (int i = 0; i < yTrue.length; i++) {
            double rowSum = 0;
            for (double v : proba[i]) {
                rowSum += Math.min(1 - eps, Math.max(eps, v));
            }
            double v = Math.min(1 - eps, Math.max(eps, proba[i][Arrays.binarySearch(labels, yTrue[i])])) / rowSum;
            total -= Math.log(v);
        }
        return total / yTrue.length;
    }

    /** {@code mean_squared_error}. */
    public static double meanSquaredError(double[] yTrue, double[] yPred) {
        checkLengths(yTrue.length, yPred.length);
        double s = 0;
        for (int i = 0; i < yTrue.length; i++) {
            s += (yTrue[i] - yPred[i]) * (yTrue[i] - yPred[i]);
        }
        return s / yTrue.length;
    }

    /** {@code mean_absolute_error}. */
    public static double meanAbsoluteError(double[] yTrue, double[] yPred) {
        checkLengths(yTrue.length, yPred.length);
        double s = 0;
        for (int i = 0; i < yTrue.length; i++) {
            s += Math.abs(yTrue[i] - yPred[i]);
        }
        return s / yTrue.length;
    }

    /** {@code r2_score}: 1 − SS_res / SS_tot; a constant target gives 1 for a perfect fit, else 0. */
    public static double r2(double[] yTrue, double[] yPred) {
        checkLengths(yTrue.length, yPred.length);
        double mean = 0;
        for (double v : yTrue) {
            mean += v;
        }
        mean /= yTrue.length;
        double res = 0;
        double tot = 0;
        for (int i = 0; i < yTrue.length; i++) {
            res += (yTrue[i] - yPred[i]) * (yTrue[i] - yPred[i]);
            tot += (yTrue[i] - mean) * (yTrue[i] - mean);
        }
        if (tot == 0) {
            return res == 0 ? 1 : 0;
        }
        return 1 - res / tot;
    }

    static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }

    private static double mean(double[] v, double[] weights) {
        double s = 0;
        double w = 0;
        for (int i = 0; i < v.length; i++) {
            double wi = weights == null ? 1 : weights[i];
            s += v[i] * wi;
            w += wi;
        }
        return s / w;
    }

    private static void checkLengths(int[] yTrue, int nPred, double[] weights) {
        checkLengths(yTrue.length, nPred);
        if (weights != null && weights.length != yTrue.length) {
            throw new IllegalArgumentException("Found input variables with inconsistent numbers of samples: ["
                    + yTrue.length + ", " + weights.length + "]");
        }
    }

    private static void checkLengths(int nTrue, int nPred) {
        if (nTrue != nPred) {
            throw new IllegalArgumentException("Found input variables with inconsistent numbers of samples: [" + nTrue
                    + ", " + nPred + "]");
        }
        if (nTrue == 0) {
            throw new IllegalArgumentException("Found array with 0 sample(s) while a minimum of 1 is required.");
        }
    }
}
