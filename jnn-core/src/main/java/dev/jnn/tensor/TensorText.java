package dev.jnn.tensor;

import java.util.Arrays;
import java.util.Locale;

/**
 * A tensor's text: its shape, dtype and values in nested brackets, as numpy prints them; above 1,000 values, three
 * at each end of an axis longer than six.
 */
final class TensorText {
    private TensorText() {
    }

    static String of(Tensor t) {
        StringBuilder b = new StringBuilder("Tensor").append(Arrays.toString(t.shape())).append(' ')
                .append(t.dtype().toString().toLowerCase(Locale.ROOT)).append(' ');
        values(t, b, 0, t.offset(), t.size() > 1000);
        return b.toString();
    }

    private static void values(Tensor t, StringBuilder b, int axis, int at, boolean summarise) {
        int[] shape = t.shape();
        if (shape.length == 0) {
            b.append(t.getFlat(0));
            return;
        }
        int n = shape[axis];
        int stride = 1;
        for (int i = axis + 1; i < shape.length; i++) {
            stride *= shape[i];
        }
        b.append('[');
        for (int i = 0; i < n; i++) {
            if (summarise && n > 6 && i == 3) {
                b.append("..., ");
                i = n - 3;
            }
            if (axis == shape.length - 1) {
                b.append(t.dtype() == DType.FLOAT64 ? dev.jnn.util.PyFormat.repr(t.doubleData()[at + i])
                        : Float.toString(t.floatData()[at + i]));
            } else {
                values(t, b, axis + 1, at + i * stride, summarise);
            }
            if (i < n - 1) {
                b.append(", ");
            }
        }
        b.append(']');
    }
}
