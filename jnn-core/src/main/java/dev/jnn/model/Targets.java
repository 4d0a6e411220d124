package dev.jnn.model;

import dev.jnn.nn.Layer;
import dev.jnn.nn.Loss;
import dev.jnn.tensor.Tensor;

/** Turns what the user passes as targets into a (rows × outputs) tensor of the model's dtype. */
final class Targets {
    private Targets() {
    }

    static Tensor of(Sequential model, int rows, Tensor y, int[] labels, String name) {
        int outputs = Layer.size(model.outputShape());
        Loss loss = model.loss;
        boolean categorical = loss == Loss.CATEGORICAL_CROSSENTROPY || loss == Loss.SPARSE_CATEGORICAL_CROSSENTROPY;
        if (y != null && loss == Loss.SPARSE_CATEGORICAL_CROSSENTROPY && (y.rank() == 1 || y.cols() == 1)) {
            labels = new int[y.shape()[0]];
            for (int i = 0; i < labels.length; i++) {
                double v = y.rank() == 1 ? y.get(i) : y.get(i, 0);
                labels[i] = (int) v;
                if (labels[i] != v) {
                    throw new IllegalArgumentException(name + "[" + i + "] = " + v + " is not a class index");
                }
            }
            y = null;
        }
        if (labels != null) {
            checkRows(labels.length, rows, name);
            Tensor t = Tensor.zeros(model.dtype(), rows, categorical ? outputs : 1);
            for (int i = 0; i < rows; i++) {
                int c = labels[i];
                if (categorical) {
                    if (c < 0 || c >= outputs) {
                        throw new IllegalArgumentException(name + "[" + i + "] = " + c + " is not a class index in [0, "
                                + outputs + ") for a model with " + outputs + " outputs");
                    }
                    t.set(1, i, c);
                } else {
                    t.set(c, i, 0);
                }
            }
            if (!categorical && outputs != 1) {
                throw new IllegalArgumentException("class indices need one output, or a categorical cross-entropy loss;"
                        + " the model has " + outputs + " outputs");
            }
            return t;
        }
        Tensor t = y.rank() == 1 ? y.reshape(y.size(), 1) : y;
        if (t.rank() != 2) {
            throw new IllegalArgumentException(name + " must be rank 1 or 2, got " + y);
        }
        checkRows(t.rows(), rows, name);
        if (t.cols() != outputs) {
            throw new IllegalArgumentException(name + " has " + t.cols() + " columns but the model has " + outputs
                    + " outputs" + (categorical ? " (one-hot targets need one column per class)" : ""));
        }
        return model.inDtype(t);
    }

    private static void checkRows(int got, int rows, String name) {
        if (got != rows) {
            throw new IllegalArgumentException("Found input variables with inconsistent numbers of samples: [" + rows
                    + ", " + got + "] (x and " + name + ")");
        }
    }

    /** Throws when a tensor holds NaN or infinity, naming it. */
    static void requireFinite(Tensor t, String name) {
        for (int i = 0; i < t.size(); i++) {
            double v = t.getFlat(i);
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(name + " contains " + (Double.isNaN(v) ? "NaN" : "infinity")
                        + " at row " + i / Math.max(1, t.cols()) + ", column " + i % Math.max(1, t.cols()));
            }
        }
    }
}
