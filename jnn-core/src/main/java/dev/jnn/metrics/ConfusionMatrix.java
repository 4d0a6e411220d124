package dev.jnn.metrics;

import java.util.Arrays;

/**
 * scikit-learn's {@code confusion_matrix}: {@code counts[i][j]} is the number of samples whose true label is
 * {@code labels[i]} and whose prediction is {@code labels[j]}; labels are the sorted union of both arrays.
 *
 * @param labels the row and column labels
 * @param counts rows are true labels, columns predictions
 */
public record ConfusionMatrix(String[] labels, long[][] counts) {

    /** The confusion matrix of int labels. */
    public static ConfusionMatrix of(int[] yTrue, int[] yPred) {
        return of(LabelSet.of(yTrue, yPred));
    }

    /** The confusion matrix of string labels. */
    public static ConfusionMatrix of(String[] yTrue, String[] yPred) {
        return of(LabelSet.of(yTrue, yPred));
    }

    /**
     * The confusion matrix restricted to and ordered by {@code labels}; rows whose true or predicted label is not
     * among them are dropped (scikit-learn's {@code labels=} argument).
     */
    public static ConfusionMatrix of(String[] yTrue, String[] yPred, String[] labels) {
        if (labels.length == 0) {
            throw new IllegalArgumentException("'labels' should contains at least one label.");
        }
        java.util.Map<String, Integer> index = new java.util.HashMap<>();
        for (int i = 0; i < labels.length; i++) {
            index.put(labels[i], i);
        }
        if (Arrays.stream(yTrue).noneMatch(index::containsKey)) {
            throw new IllegalArgumentException("At least one label specified must be in y_true");
        }
        long[][] c = new long[labels.length][labels.length];
        for (int i = 0; i < yTrue.length; i++) {
            Integer t = index.get(yTrue[i]);
            Integer p = index.get(yPred[i]);
            if (t != null && p != null) {
                c[t][p]++;
            }
        }
        return new ConfusionMatrix(labels.clone(), c);
    }

    /**
     * {@code confusion_matrix(y_true, y_pred, sample_weight=w)}: the total weight of each (true, predicted) pair,
     * rows and columns in the sorted order of the labels' union (scikit-learn returns floats with weights).
     */
    public static double[][] weighted(int[] yTrue, int[] yPred, double[] sampleWeight) {
        LabelSet set = LabelSet.of(yTrue, yPred);
        if (sampleWeight.length != yTrue.length) {
            throw new IllegalArgumentException("Found input variables with inconsistent numbers of samples: ["
                    + yTrue.length + ", " + sampleWeight.length + "]");
        }
        double[][] c = new double[set.size()][set.size()];
        for (int i = 0; i < yTrue.length; i++) {
            c[set.trueIndex()[i]][set.predIndex()[i]] += sampleWeight[i];
        }
        return c;
    }

    /**
     * The matrix normalised as scikit-learn's {@code normalize=}: {@code "true"} divides rows by their sums,
     * {@code "pred"} columns, {@code "all"} the grand total; 0/0 becomes 0.
     */
    public double[][] normalized(String normalize) {
        int k = counts.length;
        double[][] out = new double[k][k];
        double total = 0;
        double[] rows = new double[k];
        double[] cols = new double[k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                rows[i] += counts[i][j];
                cols[j] += counts[i][j];
                total += counts[i][j];
            }
        }
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double d = switch (normalize) {
                    case "true" -> rows[i];
                    case "pred" -> cols[j];
                    case "all" -> total;
                    default -> throw new IllegalArgumentException("normalize must be one of {'true', 'pred', 'all',"
                            + " None}");
                };
                out[i][j] = d == 0 ? 0 : counts[i][j] / d;
            }
        }
        return out;
    }

    static ConfusionMatrix of(LabelSet set) {
        long[][] c = new long[set.size()][set.size()];
        for (int i = 0; i < set.trueIndex().length; i++) {
            c[set.trueIndex()[i]][set.predIndex()[i]]++;
        }
        return new ConfusionMatrix(set.names(), c);
    }

    /** numpy's printing of the integer matrix, e.g. {@code [[3 1]\n [0 2]]}, as the course prints it. */
    public String toNumpyString() {
        int width = 1;
        for (long[] row : counts) {
            for (long v : row) {
                width = Math.max(width, Long.toString(v).length());
            }
        }
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < counts.length; i++) {
            sb.append(i == 0 ? "[" : " [");
            for (int j = 0; j < counts[i].length; j++) {
                String v = Long.toString(counts[i][j]);
                sb.append(j == 0 ? "" : " ").append(" ".repeat(width - v.length())).append(v);
            }
            sb.append(i + 1 == counts.length ? "]" : "]\n");
        }
        return sb.append("]").toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfusionMatrix m && Arrays.equals(labels, m.labels) && Arrays.deepEquals(counts, m.counts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(labels) * 31 + Arrays.deepHashCode(counts);
    }

    @Override
    public String toString() {
        return toNumpyString();
    }
}
