package dev.jnn.selection;

/** Copies of chosen labels or targets, for the folds of a search (features: {@code Tensor.takeRows}). */
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
}
