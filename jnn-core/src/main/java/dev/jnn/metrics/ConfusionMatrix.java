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
