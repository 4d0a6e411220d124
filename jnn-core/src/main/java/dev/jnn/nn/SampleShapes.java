package dev.jnn.nn;

import dev.jnn.tensor.Tensor;

/** What the layers say about sample shapes: Keras's shape text, and the check of a batch's width. */
public final class SampleShapes {
    private SampleShapes() {
    }

    /** A shape as Keras prints it, e.g. {@code (None, 26, 26, 6)} without the batch: {@code (26, 26, 6)}. */
    public static String text(int[] shape) {
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            b.append(i > 0 ? ", " : "").append(shape[i]);
        }
        return b.append(shape.length == 1 ? ",)" : ")").toString();
    }

    /** Checks that a batch has {@code cols} columns, naming the layer. */
    public static void checkInput(String layer, Tensor x, int cols) {
        if (x.rank() != 2 || x.cols() != cols) {
            throw new IllegalArgumentException(layer + ": expected a batch of shape (rows, " + cols + "), got " + x);
        }
    }
}
