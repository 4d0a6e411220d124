package dev.jnn.model;

import dev.jnn.util.PythonNamed;

import dev.jnn.nn.Loss;
import dev.jnn.tensor.Kernels;
import dev.jnn.tensor.Tensor;

import java.util.List;

/**
 * A quantity reported per epoch besides the loss, averaged over samples as Keras does. {@code ACCURACY} follows the
 * loss: the arg-max against the one-hot targets for categorical losses, predictions thresholded at 0.5 (averaged
 * over every output) for binary cross-entropy.
 */
public enum Metric implements PythonNamed {
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

    @Override
    public String pythonName() {
        return key;
    }

    @Override
    public List<String> aliases() {
        return switch (this) {
            case ACCURACY -> List.of("acc");
            case MEAN_ABSOLUTE_ERROR -> List.of("mean_absolute_error");
            case MEAN_SQUARED_ERROR -> List.of("mean_squared_error");
        };
    }

    /** A metric by key or Keras name ({@code accuracy}/{@code acc}, {@code mae}, {@code mse}), or null. */
    public static Metric fromName(String name) {
        return PythonNamed.byName(Metric.class, name);
    }

    /** The mean of this metric over the rows of a batch of targets {@code y} and outputs {@code p}. */
    double value(Loss loss, Tensor y, Tensor p) {
        int rows = p.rows();
        int cols = p.cols();
        double sum = 0;
        if (this == ACCURACY && loss != Loss.BINARY_CROSSENTROPY) {
            int[] predicted = Kernels.argmaxRows(p);
            int[] truth = Kernels.argmaxRows(y);
            for (int r = 0; r < rows; r++) {
                sum += predicted[r] == truth[r] ? 1 : 0;
            }
            return sum / rows;
        }
        for (int i = 0; i < rows * cols; i++) {
            double d = p.getFlat(i) - y.getFlat(i);
            sum += switch (this) {
                case ACCURACY -> (p.getFlat(i) > 0.5) == (y.getFlat(i) > 0.5) ? 1 : 0;
                case MEAN_ABSOLUTE_ERROR -> Math.abs(d);
                case MEAN_SQUARED_ERROR -> d * d;
            };
        }
        return sum / cols / rows;
    }
}
