package dev.jnn.data;

import dev.jnn.tensor.DType;
import dev.jnn.tensor.Tensor;

import java.util.Arrays;

/**
 * Rows of features with one label or target each: {@code x} is (samples × features) and {@code labels} holds the
 * label column as text, so that one dataset serves classification (int or string classes) and regression.
 *
 * @param name   where it came from (a catalogue name or a file)
 * @param x      the features
 * @param labels the label of each row, as written in the source
 */
public record Dataset(String name, Tensor x, String[] labels) {
    public Dataset {
        x.requireRank(2);
        if (x.rows() != labels.length) {
            throw new IllegalArgumentException("dataset " + name + " has " + x.rows() + " rows but " + labels.length
                    + " labels");
        }
    }

    /** Number of rows. */
    public int size() {
        return labels.length;
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

    /** The labels as ints; an error names the first label that is not an integer. */
    public int[] intLabels() {
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
                out[i] = Double.parseDouble(labels[i]);
            } catch (NumberFormatException e) {
                throw new DataException(name + ": target of row " + (i + 1) + " is not a number: '" + labels[i] + "'");
            }
            if (!Double.isFinite(out[i])) {
                throw new DataException(name + ": target of row " + (i + 1) + " is not finite: '" + labels[i] + "'");
            }
        }
        return out;
    }

    /** A new dataset of the given rows, in that order (a copy). */
    public Dataset subset(int[] rows) {
        int cols = x.cols();
        Tensor out = Tensor.zeros(x.dtype(), rows.length, cols);
        String[] l = new String[rows.length];
        for (int i = 0; i < rows.length; i++) {
            if (x.dtype() == DType.FLOAT64) {
                System.arraycopy(x.doubleData(), x.offset() + rows[i] * cols, out.doubleData(), i * cols, cols);
            } else {
                System.arraycopy(x.floatData(), x.offset() + rows[i] * cols, out.floatData(), i * cols, cols);
            }
            l[i] = labels[rows[i]];
        }
        return new Dataset(name, out, l);
    }

    /** This dataset with its features in another dtype (itself when the dtype already matches). */
    public Dataset to(DType dtype) {
        return dtype == x.dtype() ? this : new Dataset(name, x.to(dtype), labels);
    }

    @Override
    public String toString() {
        return name + " (" + size() + " rows, " + x.cols() + " features, " + Arrays.stream(labels).distinct().count()
                + " distinct labels)";
    }
}
