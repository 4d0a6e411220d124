package dev.jnn.model;

import dev.jnn.nn.Loss;
import dev.jnn.tensor.DType;
import dev.jnn.tensor.Tensor;

/**
 * A quantity reported per epoch besides the loss, averaged over samples as Keras does. {@code ACCURACY} follows the
 * loss: the arg-max against the one-hot targets for categorical losses, predictions thresholded at 0.5 (averaged
 * over every output) for binary cross-entropy.
 */
public enum Metric {
    ACCURACY("accuracy"),
    MEAN_ABSOLUTE_ERROR("mae"),
    MEAN_SQUARED_ERROR("mse");

    private final String key;

    Metric(String key) {
        this.key = key;
    }

    /** The name in logs and histories: {@code accuracy}, {@code mae}, {@code mse}. */
    public String key() {
        return key;
    }

    /** A metric by key or Keras name ({@code accuracy}/{@code acc}, {@code mae}, {@code mse}), or null. */
    public static Metric fromName(String name) {
        return switch (name) {
            case "accuracy", "acc" -> ACCURACY;
            case "mae", "mean_absolute_error" -> MEAN_ABSOLUTE_ERROR;
            case "mse", "mean_squared_error" -> MEAN_SQUARED_ERROR;
            default -> null;
        };
    }

    /** The mean of this metric over the rows of a batch of targets {@code y} and outputs {@code p}. */
    double value(Loss loss, Tensor y, Tensor p) {
        int rows = p.rows();
        int cols = p.cols();
        double sum = 0;
        for (int r = 0; r < rows; r++) {
            int base = r * cols;
            switch (this) {
                case ACCURACY -> {
                    if (loss == Loss.BINARY_CROSSENTROPY) {
                        double hits = 0;
                        for (int c = 0; c < cols; c++) {
                            hits += (at(p, base + c) > 0.5) == (at(y, base + c) > 0.5) ? 1 : 0;
                        }
                        sum += hits / cols;
                    } else {
                        sum += argmax(p, base, cols) == argmax(y, base, cols) ? 1 : 0;
                    }
                }
                case MEAN_ABSOLUTE_ERROR, MEAN_SQUARED_ERROR -> {
                    double s = 0;
                    for (int c = 0; c < cols; c++) {
                        double d = at(p, base + c) - at(y, base + c);
                        s += this == MEAN_SQUARED_ERROR ? d * d : Math.abs(d);
                    }
                    sum += s / cols;
                }
            }
        }
        return sum / rows;
    }

    private static int argmax(Tensor t, int base, int cols) {
        int best = 0;
        for (int c = 1; c < cols; c++) {
            if (at(t, base + c) > at(t, base + best)) {
                best = c;
            }
        }
        return best;
    }

    private static double at(Tensor t, int i) {
        return t.dtype() == DType.FLOAT32 ? t.floatData()[t.offset() + i] : t.doubleData()[t.offset() + i];
    }
}
