package dev.jnn.preprocess;

import dev.jnn.api.Transformer;

import java.util.Arrays;
import java.util.TreeSet;

/**
 * scikit-learn's {@code LabelEncoder}: classes in sorted order (numeric order when every label is an integer),
 * each label encoded as its index among them.
 */
public final class LabelEncoder {
    private String[] classes;
    private boolean numeric;

    /** Learns the classes of {@code y}. */
    public LabelEncoder fit(String... y) {
        numeric = Arrays.stream(y).allMatch(s -> s.matches("[+-]?\\d{1,18}"));
        TreeSet<String> set = numeric
                ? new TreeSet<>((a, b) -> Long.compare(Long.parseLong(a), Long.parseLong(b)))
                : new TreeSet<>();
        set.addAll(Arrays.asList(y));
        classes = set.toArray(new String[0]);
        return this;
    }

    /** Learns the classes of integer labels. */
    public LabelEncoder fit(int... y) {
        return fit(Arrays.stream(y).mapToObj(Integer::toString).toArray(String[]::new));
    }

    /** {@code fit(y)} then {@code transform(y)}. */
    public int[] fitTransform(String... y) {
        return fit(y).transform(y);
    }

    /** The class index of each label; unseen labels are an error that lists them. */
    public int[] transform(String... y) {
        requireFitted();
        int[] out = new int[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = index(y[i]);
            if (out[i] < 0) {
                // scikit-learn reports the first unseen label, as Python's repr of the failed lookup
                throw new IllegalArgumentException("y contains previously unseen labels: "
                        + (numeric ? y[i] : dev.jnn.util.PyFormat.quote(y[i])));
            }
        }
        return out;
    }

    /** The class index of each integer label. */
    public int[] transform(int... y) {
        return transform(Arrays.stream(y).mapToObj(Integer::toString).toArray(String[]::new));
    }

    /** The labels of class indices. */
    public String[] inverseTransform(int... indices) {
        requireFitted();
        String[] out = new String[indices.length];
        for (int i = 0; i < indices.length; i++) {
            if (indices[i] < 0 || indices[i] >= classes.length) {
                throw new IllegalArgumentException("y contains previously unseen labels: [" + indices[i] + "]");
            }
            out[i] = classes[indices[i]];
        }
        return out;
    }

    /** {@code classes_}, sorted. */
    public String[] classes() {
        requireFitted();
        return classes.clone();
    }

    private int index(String label) {
        if (numeric) {
            if (!label.matches("[+-]?\\d{1,18}")) {
                return -1;
            }
            long v = Long.parseLong(label);
            int lo = 0;
            int hi = classes.length - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                int c = Long.compare(Long.parseLong(classes[mid]), v);
                if (c == 0) {
                    return mid;
                }
                if (c < 0) {
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            return -1;
        }
        int i = Arrays.binarySearch(classes, label);
        return i >= 0 ? i : -1;
    }

    private void requireFitted() {
        if (classes == null) {
            throw Transformer.notFitted("LabelEncoder");
        }
    }
}
