package dev.jnn.preprocess;

import dev.jnn.api.Transformer;

import dev.jnn.tensor.DType;
import dev.jnn.tensor.Tensor;

/**
 * scikit-learn's {@code LabelBinarizer} (one column per class; a single 0/1 column for two classes) and Keras's
 * {@code to_categorical} (always one column per class).
 */
public final class LabelBinarizer {
    private final double negLabel;
    private final double posLabel;
    private final LabelEncoder encoder = new LabelEncoder();
    private boolean fitted;

    /** {@code neg_label=0, pos_label=1}. */
    public LabelBinarizer() {
        this(0, 1);
    }

    public LabelBinarizer(double negLabel, double posLabel) {
        if (negLabel >= posLabel) {
            throw new IllegalArgumentException("neg_label=" + negLabel + " must be strictly less than pos_label="
                    + posLabel + ".");
        }
        this.negLabel = negLabel;
        this.posLabel = posLabel;
    }

    /** Learns the classes. */
    public LabelBinarizer fit(String... y) {
        encoder.fit(y);
        fitted = true;
        return this;
    }

    /** Learns integer classes. */
    public LabelBinarizer fit(int... y) {
        encoder.fit(y);
        fitted = true;
        return this;
    }

    /** {@code classes_}. */
    public String[] classes() {
        return encoder.classes();
    }

    /** The indicator matrix: (n × k), or (n × 1) with two classes, as float64. */
    public Tensor transform(String... y) {
        if (!fitted) {
            throw Transformer.notFitted("LabelBinarizer");
        }
        int[] idx = encoder.transform(y);
        int k = encoder.classes().length;
        int cols = k == 2 ? 1 : k;
        double[] out = new double[y.length * cols];
        java.util.Arrays.fill(out, negLabel);
        for (int i = 0; i < idx.length; i++) {
            if (k == 2) {
                out[i] = idx[i] == 1 ? posLabel : negLabel;
            } else {
                out[i * cols + idx[i]] = posLabel;
            }
        }
        return Tensor.wrap(out, y.length, cols);
    }

    /** The indicator matrix of integer labels. */
    public Tensor transform(int... y) {
        return transform(java.util.Arrays.stream(y).mapToObj(Integer::toString).toArray(String[]::new));
    }

    /** Keras's {@code to_categorical(y, numClasses)}: one-hot rows of width {@code numClasses} (float32). */
    public static Tensor toCategorical(int[] y, int numClasses) {
        Tensor t = Tensor.zeros(DType.FLOAT32, y.length, numClasses);
        for (int i = 0; i < y.length; i++) {
            if (y[i] < 0 || y[i] >= numClasses) {
                throw new IllegalArgumentException("label " + y[i] + " at index " + i + " is outside [0, " + numClasses
                        + ")");
            }
            t.floatData()[i * numClasses + y[i]] = 1f;
        }
        return t;
    }

    /** {@code toCategorical(y, max(y) + 1)}. */
    public static Tensor toCategorical(int[] y) {
        return toCategorical(y, java.util.Arrays.stream(y).max().orElse(-1) + 1);
    }
}
