package dev.jnn.metrics;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * The sorted union of the labels of {@code y_true} and {@code y_pred} (numeric order for ints, lexicographic for
 * strings), as scikit-learn's {@code unique_labels}, with both label arrays encoded as indices into it.
 *
 * @param names     the labels as text, in sorted order
 * @param trueIndex y_true as indices into names
 * @param predIndex y_pred as indices into names
 */
public record LabelSet(String[] names, int[] trueIndex, int[] predIndex) {

    /** The label set of two int label arrays of equal length. */
    public static LabelSet of(int[] yTrue, int[] yPred) {
        sameLength(yTrue.length, yPred.length);
        int[] labels = java.util.stream.IntStream.concat(Arrays.stream(yTrue), Arrays.stream(yPred)).distinct()
                .sorted().toArray();
        return new LabelSet(Arrays.stream(labels).mapToObj(Integer::toString).toArray(String[]::new),
                Arrays.stream(yTrue).map(v -> Arrays.binarySearch(labels, v)).toArray(),
                Arrays.stream(yPred).map(v -> Arrays.binarySearch(labels, v)).toArray());
    }

    /** The label set of two string label arrays of equal length. */
    public static LabelSet of(String[] yTrue, String[] yPred) {
        sameLength(yTrue.length, yPred.length);
        TreeSet<String> all = new TreeSet<>(Arrays.asList(yTrue));
        all.addAll(Arrays.asList(yPred));
        String[] names = all.toArray(new String[0]);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            index.put(names[i], i);
        }
        return new LabelSet(names, Arrays.stream(yTrue).mapToInt(index::get).toArray(),
                Arrays.stream(yPred).mapToInt(index::get).toArray());
    }

    /** Number of distinct labels. */
    public int size() {
        return names.length;
    }

    static void sameLength(int a, int b) {
        if (a != b) {
            throw new IllegalArgumentException("Found input variables with inconsistent numbers of samples: [" + a
                    + ", " + b + "]");
        }
    }
}
