package dev.jnn.nn;

import dev.jnn.tensor.DType;
import dev.jnn.tensor.Tensor;

/** Small helpers the layers share: shape text and reusable batch buffers. */
public final class Shapes {
    private Shapes() {
    }

    /** A shape as Keras prints it, e.g. {@code (None, 26, 26, 6)} without the batch: {@code (26, 26, 6)}. */
    public static String text(int[] shape) {
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            b.append(i > 0 ? ", " : "").append(shape[i]);
        }
        return b.append(shape.length == 1 ? ",)" : ")").toString();
    }

    /** {@code buffer} if it has at least {@code rows} rows of {@code cols} in {@code dtype}, else a new one. */
    public static Tensor ensure(Tensor buffer, DType dtype, int rows, int cols) {
        if (buffer == null || buffer.rows() < rows || buffer.cols() != cols || buffer.dtype() != dtype) {
            return Tensor.zeros(dtype, rows, cols);
        }
        return buffer;
    }

    /** Checks that a batch has {@code cols} columns, naming the layer. */
    public static void checkInput(String layer, Tensor x, int cols) {
        if (x.rank() != 2 || x.cols() != cols) {
            throw new IllegalArgumentException(layer + ": expected a batch of shape (rows, " + cols + "), got " + x);
        }
    }
}
