package dev.jnn.optim;

import dev.jnn.tensor.DType;
import dev.jnn.tensor.Tensor;

/** Flat element access for the optimizers whose state is kept in double whatever the parameter's dtype. */
final class Elements {
    private Elements() {
    }

    static double get(Tensor t, int i) {
        return t.dtype() == DType.FLOAT32 ? t.floatData()[t.offset() + i] : t.doubleData()[t.offset() + i];
    }

    static void add(Tensor t, int i, double v) {
        if (t.dtype() == DType.FLOAT32) {
            t.floatData()[t.offset() + i] += (float) v;
        } else {
            t.doubleData()[t.offset() + i] += v;
        }
    }

    static void set(Tensor t, int i, double v) {
        if (t.dtype() == DType.FLOAT32) {
            t.floatData()[t.offset() + i] = (float) v;
        } else {
            t.doubleData()[t.offset() + i] = v;
        }
    }
}
