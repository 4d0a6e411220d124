package dev.jnn.data;

import dev.jnn.util.PyFormat;

import dev.jnn.tensor.DType;
import dev.jnn.tensor.Rng;
import dev.jnn.tensor.Tensor;

import java.util.Arrays;

/**
 * Rows of features with one label or target each: {@code x} is (samples × features) and {@code labels} holds the
 * label column as text, so that one table serves classification (int or string classes) and regression.
 *
 * @param name   where it came from (a catalogue name or a file)
 * @param x      the features
 * @param labels the label of each row, as written in the source
 */
public record Samples(String name, Tensor x, String[] labels) {
    private static final String[] SMALL_INTS = new String[256];

    static {
        for (int i = 0; i < SMALL_INTS.length; i++) {
            SMALL_INTS[i] = Integer.toString(i);
        }
    }

    public Samples {
        x.requireRank(2);
        if (x.rows() != labels.length) {
            throw new IllegalArgumentException(name + " has " + x.rows() + " rows but " + labels.length + " labels");
        }
    }

    /** Rows with integer class labels. */
    public static Samples of(String name, Tensor x, int[] y) {
        String[] labels = new String[y.length];
        for (int i = 0; i < y.length; i++) {
            labels[i] = y[i] >= 0 && y[i] < SMALL_INTS.length ? SMALL_INTS[y[i]] : Integer.toString(y[i]);
        }
        return new Samples(name, x, labels);
    }

    /** Rows with numeric targets (regression); integral values are written without a fraction. */
    public static Samples of(String name, Tensor x, double[] targets) {
        String[] labels = new String[targets.length];
        for (int i = 0; i < targets.length; i++) {
            double t = targets[i];
            labels[i] = t == Math.rint(t) && Math.abs(t) < 1e15 ? Long.toString((long) t) : Double.toString(t);
        }
        return new Samples(name, x, labels);
    }

    /** Number of rows. */
    public int size() {
        return labels.length;
    }

    /**
     * Fails, as scikit-learn's {@code check_classification_targets} does, when these labels are numbers but not
     * classes: every label reads as a number and one of them has a fraction or is not finite ("continuous"
     * targets, which a classifier cannot take). Text labels, and numbers mixed with text, are class names.
     */
    public Samples requireClassLabels() {
        int firstBad = -1;
        for (int i = 0; i < labels.length; i++) {
            double v;
            try {
                v = PyFormat.parseFloat(labels[i]);
            } catch (NumberFormatException e) {
                return this;
            }
            if (firstBad < 0 && !(Double.isFinite(v) && v == Math.rint(v))) {
                firstBad = i;
            }
        }
        if (firstBad >= 0) {
            throw new DataException(name + ": label '" + labels[firstBad] + "' of row " + (firstBad + 1) + " is not a"
                    + " class: the labels are continuous numbers, which a classifier cannot take (Unknown label type:"
                    + " 'continuous'); use --regressor, or give whole-number or text classes");
        }
        return this;
    }

    /** True when every label is an integer, so the classes are ints (else they are strings). */
    public boolean hasIntLabels() {
        for (String s : labels) {
            if (!s.matches("[+-]?\\d{1,9}")) {
                return false;
            }
        }
        return true;
    }

    /** The labels as ints (the {@code y} of a classifier); an error names the first label that is not an integer. */
    public int[] y() {
        int[] out = new int[labels.length];
        for (int i = 0; i < out.length; i++) {
            try {
                out[i] = Integer.parseInt(labels[i].startsWith("+") ? labels[i].substring(1) : labels[i]);
            } catch (NumberFormatException e) {
                throw new DataException(name + ": label of row " + (i + 1) + " is not an integer: '" + labels[i] + "'");
            }
        }
        return out;
    }

    /** The labels as numbers, for regression; an error names the first one that is not a number. */
    public double[] targets() {
        double[] out = new double[labels.length];
        for (int i = 0; i < out.length; i++) {
            try {
                out[i] = PyFormat.parseFloat(labels[i]);
            } catch (NumberFormatException e) {
                throw new DataException(name + ": target of row " + (i + 1) + " is not a number: '" + labels[i] + "'");
            }
            if (!Double.isFinite(out[i])) {
                throw new DataException(name + ": target of row " + (i + 1) + " is not finite: '" + labels[i] + "'");
            }
        }
        return out;
    }

    /** Per-row class indices {@code 0..k-1} in sorted-label order (numeric order for int labels). */
    public int[] classIndices() {
        if (hasIntLabels()) {
            int[] y = y();
            int[] classes = Arrays.stream(y).distinct().sorted().toArray();
            return Arrays.stream(y).map(v -> Arrays.binarySearch(classes, v)).toArray();
        }
        String[] classes = classes();
        return Arrays.stream(labels).mapToInt(v -> Arrays.binarySearch(classes, v)).toArray();
    }

    /** The distinct labels in the order of {@link #classIndices()}: numeric for int labels (as plain ints), else sorted text. */
    public String[] classes() {
        if (hasIntLabels()) {
            return Arrays.stream(y()).distinct().sorted().mapToObj(Integer::toString).toArray(String[]::new);
        }
        return Arrays.stream(labels).distinct().sorted().toArray(String[]::new);
    }

    /** A new table of the given rows, in that order (a copy). */
    public Samples subset(int[] rows) {
        Tensor out = x.takeRows(rows);
        String[] l = new String[rows.length];
        for (int i = 0; i < rows.length; i++) {
            l[i] = labels[rows[i]];
        }
        return new Samples(name, out, l);
    }

    /**
     * A stratified random subset of {@code n} rows, as scikit-learn's
     * {@code train_test_split(X, y, train_size=n, stratify=y, random_state=seed)[0]} picks them; the whole table
     * when {@code n >= size()}. Labels that are not classes (regression targets) give a plain random subset.
     */
    public Samples sample(int n, long seed) {
        if (n < 1) {
            throw new IllegalArgumentException("subset size must be >= 1, got " + n);
        }
        if (n >= size()) {
            return this;
        }
        int[] strata = classIndices();
        int classes = Arrays.stream(strata).max().orElse(0) + 1;
        int[] counts = new int[classes];
        for (int c : strata) {
            counts[c]++;
        }
        boolean stratify = classes <= n && classes <= size() - n && Arrays.stream(counts).allMatch(c -> c >= 2);
        TrainTestSplit.Split split = TrainTestSplit.split(size(), size() - n, new Rng(seed), stratify ? strata : null);
        return subset(split.train());
    }

    /** This table with its features in another dtype (itself when the dtype already matches). */
    public Samples to(DType dtype) {
        return dtype == x.dtype() ? this : new Samples(name, x.to(dtype), labels);
    }

    /** The same rows with other features (e.g. after scaling); the row count must match. */
    public Samples withX(Tensor newX) {
        return new Samples(name, newX, labels);
    }

    @Override
    public String toString() {
        return name + " (" + size() + " rows, " + x.cols() + " features, " + Arrays.stream(labels).distinct().count()
                + " distinct labels)";
    }
}
