package dev.jnn.data;

import dev.jnn.tensor.DType;
import dev.jnn.tensor.Tensor;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** The numeric element types that the binary readers decode, each converted to the tensor's float or double. */
enum ElementType {
    BOOL(1), INT8(1), UINT8(1), INT16(2), UINT16(2), INT32(4), UINT32(4), INT64(8), UINT64(8), FLOAT32(4), FLOAT64(8);

    final int size;

    ElementType(int size) {
        this.size = size;
    }

    /** Element {@code i} (counting elements, not bytes) of the buffer, whose position is the array's start. */
    double get(ByteBuffer b, int start, int i) {
        int at = start + i * size;
        return switch (this) {
            case BOOL -> b.get(at) != 0 ? 1 : 0;
            case INT8 -> b.get(at);
            case UINT8 -> b.get(at) & 0xff;
            case INT16 -> b.getShort(at);
            case UINT16 -> b.getShort(at) & 0xffff;
            case INT32 -> b.getInt(at);
            case UINT32 -> b.getInt(at) & 0xffffffffL;
            case INT64 -> (double) b.getLong(at);
            case UINT64 -> unsigned(b.getLong(at));
            case FLOAT32 -> b.getFloat(at);
            case FLOAT64 -> b.getDouble(at);
        };
    }

    private static double unsigned(long v) {
        return v >= 0 ? v : (double) (v >>> 1) * 2.0 + (v & 1);
    }

    /**
     * Decodes {@code count} elements starting at byte {@code start} into a new tensor of the given shape. With
     * {@code columnMajor} the elements are stored first-index-fastest (Fortran, MATLAB) and are reordered to the
     * tensor's row-major layout. The caller has checked that the bytes exist.
     */
    Tensor decode(byte[] data, int start, ByteOrder order, DType dtype, int[] shape, boolean columnMajor) {
        ByteBuffer b = ByteBuffer.wrap(data).order(order);
        Tensor t = Tensor.zeros(dtype, shape);
        int n = t.size();
        int[] strides = columnMajor ? columnMajorStrides(shape) : null;
        int[] index = new int[shape.length];
        for (int i = 0; i < n; i++) {
            int src = i;
            if (columnMajor) {
                // i walks the row-major order; find the column-major position of the same index.
                src = 0;
                for (int k = 0; k < shape.length; k++) {
                    src += index[k] * strides[k];
                }
                for (int k = shape.length - 1; k >= 0; k--) {
                    if (++index[k] < shape[k]) {
                        break;
                    }
                    index[k] = 0;
                }
            }
            double v = get(b, start, src);
            if (dtype == DType.FLOAT32) {
                t.floatData()[i] = (float) v;
            } else {
                t.doubleData()[i] = v;
            }
        }
        return t;
    }

    private static int[] columnMajorStrides(int[] shape) {
        int[] s = new int[shape.length];
        int stride = 1;
        for (int k = 0; k < shape.length; k++) {
            s[k] = stride;
            stride *= shape[k];
        }
        return s;
    }
}
