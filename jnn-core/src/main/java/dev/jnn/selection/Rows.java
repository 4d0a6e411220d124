package dev.jnn.selection;

import dev.jnn.tensor.DType;
import dev.jnn.tensor.Tensor;

/** Copies of chosen rows of features and labels, for the folds of a search. */
final class Rows {
    private Rows() {
    }

    static Object pick(Object y, int[] idx) {
        if (y instanceof int[] a) {
            int[] out = new int[idx.length];
            for (int i = 0; i < idx.length; i++) {
                out[i] = a[idx[i]];
            }
            return out;
        }
        double[] a = (double[]) y;
        double[] out = new double[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = a[idx[i]];
        }
        return out;
    }

    /** The given rows of {@code x} as a new tensor. */
    static Tensor take(Tensor x, int[] idx) {
        int d = x.cols();
        Tensor out = Tensor.zeros(x.dtype(), idx.length, d);
        for (int i = 0; i < idx.length; i++) {
            if (x.dtype() == DType.FLOAT64) {
                System.arraycopy(x.doubleData(), x.offset() + idx[i] * d, out.doubleData(), i * d, d);
            } else {
                System.arraycopy(x.floatData(), x.offset() + idx[i] * d, out.floatData(), i * d, d);
            }
        }
        return out;
    }
}
