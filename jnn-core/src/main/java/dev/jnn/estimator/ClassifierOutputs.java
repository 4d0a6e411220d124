package dev.jnn.estimator;

import dev.jnn.tensor.Kernels;
import dev.jnn.tensor.Tensor;

import java.util.Arrays;

/** Turning a classifier network's outputs into decisions and probabilities, as scikit-learn's inverse binarizer does. */
final class ClassifierOutputs {
    private ClassifierOutputs() {
    }

    /** Class indices: one output → 1 iff p > 0.5 (always 0 with a single class); several → the first arg-max. */
    static int[] decode(Tensor p, int classes) {
        if (p.cols() > 1) {
            return Kernels.argmaxRows(p);
        }
        int[] out = new int[p.rows()];
        if (classes > 1) {
            for (int r = 0; r < out.length; r++) {
                out[r] = p.get(r, 0) > 0.5 ? 1 : 0;
            }
        }
        return out;
    }

    /** 1 where p > 0.5. */
    static int[][] threshold(Tensor p) {
        int[][] out = new int[p.rows()][p.cols()];
        for (int r = 0; r < out.length; r++) {
            for (int c = 0; c < p.cols(); c++) {
                out[r][c] = p.get(r, c) > 0.5 ? 1 : 0;
            }
        }
        return out;
    }

    /** The rows as doubles, or {@code [1-p, p]} for a single output. */
    static double[][] probabilities(Tensor p) {
        double[][] rows = p.toDoubleMatrix();
        if (p.cols() != 1) {
            return rows;
        }
        for (int r = 0; r < rows.length; r++) {
            double v = rows[r][0];
            rows[r] = new double[] {1 - v, v};
        }
        return rows;
    }

    static double accuracy(int[] predicted, int[] truth) {
        int hits = 0;
        for (int i = 0; i < truth.length; i++) {
            hits += predicted[i] == truth[i] ? 1 : 0;
        }
        return (double) hits / truth.length;
    }

    static double accuracy(String[] predicted, String[] truth) {
        int hits = 0;
        for (int i = 0; i < truth.length; i++) {
            hits += predicted[i].equals(truth[i]) ? 1 : 0;
        }
        return (double) hits / truth.length;
    }

    /** The share of rows whose decoded outputs equal the binarised truth (subset accuracy for multilabel). */
    static double matchShare(Tensor y, Tensor p, int classes, boolean multilabel) {
        if (multilabel) {
            int hits = 0;
            int[][] pred = threshold(p);
            int[][] truth = threshold(y);
            for (int r = 0; r < pred.length; r++) {
                hits += Arrays.equals(pred[r], truth[r]) ? 1 : 0;
            }
            return (double) hits / pred.length;
        }
        return accuracy(decode(p, classes), decode(y, classes));
    }
}
