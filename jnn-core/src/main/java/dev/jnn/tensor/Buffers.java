package dev.jnn.tensor;

/** Reusable batch buffers: the layers and kernels keep one per output and grow it only when a batch outgrows it. */
public final class Buffers {
    private Buffers() {
    }

    /** {@code buffer} if it has at least {@code rows} rows of {@code cols} in {@code dtype}, else a new one. */
    public static Tensor ensure(Tensor buffer, DType dtype, int rows, int cols) {
        if (buffer == null || buffer.rows() < rows || buffer.cols() != cols || buffer.dtype() != dtype) {
            return Tensor.zeros(dtype, rows, cols);
        }
        return buffer;
    }
}
