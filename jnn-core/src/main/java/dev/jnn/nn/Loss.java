package dev.jnn.nn;

import dev.jnn.util.PythonNamed;

import dev.jnn.tensor.Kernels;
import dev.jnn.tensor.Tensor;

import java.util.List;

/**
 * Losses of both faces. The first three are scikit-learn's multilayer-perceptron losses as reported in
 * {@code loss_} (spec §2.4), each paired with an output activation so that the gradient with respect to the output
 * pre-activation is simply {@code P - Y}. The others are Keras's, means over the batch, for {@code Sequential}
 * models; cross-entropy fuses with a softmax (categorical) or logistic (binary) output into {@code (P - Y) / n}.
 * Probabilities are clipped to the dtype's machine epsilon inside logarithms.
 */
public enum Loss implements PythonNamed {
    /** Half the mean over all entries of {@code (Y - P)²}; pairs with the identity output. */
    SQUARED_ERROR("squared_error"),
    /** Categorical cross-entropy {@code -Σ Y ln P / rows}; pairs with softmax. */
    LOG_LOSS("log_loss"),
    /** Binary cross-entropy summed over labels, divided by rows; pairs with the logistic output. */
    BINARY_LOG_LOSS("binary_log_loss"),
    /** Keras's {@code categorical_crossentropy}: {@code -Σ Y ln P / rows} for one-hot targets. */
    CATEGORICAL_CROSSENTROPY("categorical_crossentropy"),
    /** Keras's {@code sparse_categorical_crossentropy}: the same loss, targets given as class indices. */
    SPARSE_CATEGORICAL_CROSSENTROPY("sparse_categorical_crossentropy"),
    /** Keras's {@code binary_crossentropy}: the mean over all entries of {@code -(y ln p + (1-y) ln(1-p))}. */
    BINARY_CROSSENTROPY("binary_crossentropy"),
    /** Keras's {@code mean_squared_error}: the mean over all entries of {@code (y - p)²}. */
    MEAN_SQUARED_ERROR("mean_squared_error"),
    /** Keras's {@code mean_absolute_error}: the mean over all entries of {@code |y - p|}. */
    MEAN_ABSOLUTE_ERROR("mean_absolute_error"),
    /**
     * scikit-learn's half squared error for a {@code Sequential}: half the mean over all entries of
     * {@code (y - p)²}, whose gradient {@code (p - y) / n} is the one the course works out by hand.
     */
    HALF_MEAN_SQUARED_ERROR("half_mean_squared_error");

    private final String pythonName;

    Loss(String pythonName) {
        this.pythonName = pythonName;
    }

    /** The Python name, e.g. {@code "categorical_crossentropy"}. */
    @Override
    public String pythonName() {
        return pythonName;
    }

    /** A Keras loss by its Python name (also {@code mse}, {@code mae}), or null. */
    public static Loss fromPythonName(String name) {
        Loss l = PythonNamed.byName(Loss.class, name);
        return l != null && l.isKeras() ? l : null;
    }

    @Override
    public List<String> aliases() {
        return switch (this) {
            case MEAN_SQUARED_ERROR -> List.of("mse");
            case MEAN_ABSOLUTE_ERROR -> List.of("mae");
            default -> List.of();
        };
    }

    /** Whether this is one of the Keras losses that {@code Sequential} models train with. */
    public boolean isKeras() {
        return ordinal() >= CATEGORICAL_CROSSENTROPY.ordinal();
    }

    /** The data loss of predictions {@code p} for targets {@code y} (both rows × outputs), in double. */
    public double value(Tensor y, Tensor p) {
        int rows = p.rows();
        return switch (this) {
            case SQUARED_ERROR -> Kernels.sumSquaredDiff(y, p) / p.size() / 2;
            case LOG_LOSS, CATEGORICAL_CROSSENTROPY, SPARSE_CATEGORICAL_CROSSENTROPY -> -Kernels.sumXLogY(y, p) / rows;
            case BINARY_LOG_LOSS -> -Kernels.sumBinaryLogTerms(y, p) / rows;
            case BINARY_CROSSENTROPY -> -Kernels.sumBinaryLogTerms(y, p) / p.size();
            case MEAN_SQUARED_ERROR -> Kernels.sumSquaredDiff(y, p) / p.size();
            case MEAN_ABSOLUTE_ERROR -> sumAbsDiff(y, p) / p.size();
            case HALF_MEAN_SQUARED_ERROR -> Kernels.sumSquaredDiff(y, p) / p.size() / 2;
        };
    }

    /** Whether the gradient with respect to the pre-activation of an {@code output} activation is fused. */
    public boolean fusesWith(Activation output) {
        return switch (this) {
            case LOG_LOSS, CATEGORICAL_CROSSENTROPY, SPARSE_CATEGORICAL_CROSSENTROPY -> output == Activation.SOFTMAX;
            case BINARY_LOG_LOSS, BINARY_CROSSENTROPY -> output == Activation.LOGISTIC;
            case SQUARED_ERROR -> output == Activation.IDENTITY;
            default -> false;
        };
    }

    /**
     * Writes into {@code grad} the gradient of this loss, as a mean over the batch: with respect to the output
     * pre-activation when {@code fused} (see {@link #fusesWith}), else with respect to the output {@code p}. For
     * scikit-learn's squared error it is {@code (P - Y) / rows}, as scikit-learn scales its delta per sample
     * whatever the number of outputs.
     */
    public void gradient(Tensor y, Tensor p, Tensor grad, boolean fused) {
        int n = p.size();
        double perRow = 1.0 / p.rows();
        double perEntry = 1.0 / n;
        double eps = p.dtype().eps();
        for (int i = 0; i < n; i++) {
            double yi = y.getFlat(i);
            double pi = p.getFlat(i);
            double g = switch (this) {
                case CATEGORICAL_CROSSENTROPY, SPARSE_CATEGORICAL_CROSSENTROPY, LOG_LOSS -> fused
                        ? (pi - yi) * perRow : -yi / Math.min(Math.max(pi, eps), 1 - eps) * perRow;
                case BINARY_CROSSENTROPY, BINARY_LOG_LOSS -> {
                    double scale = this == BINARY_CROSSENTROPY ? perEntry : perRow;
                    double q = Math.min(Math.max(pi, eps), 1 - eps);
                    yield fused ? (pi - yi) * scale : (q - yi) / (q * (1 - q)) * scale;
                }
                case MEAN_SQUARED_ERROR -> 2 * (pi - yi) * perEntry;
                case SQUARED_ERROR -> (pi - yi) * perRow;
                case MEAN_ABSOLUTE_ERROR -> Math.signum(pi - yi) * perEntry;
                case HALF_MEAN_SQUARED_ERROR -> (pi - yi) * perEntry;
            };
            grad.setFlat(i, g);
        }
    }

    private static double sumAbsDiff(Tensor y, Tensor p) {
        double s = 0;
        for (int i = 0; i < p.size(); i++) {
            s += Math.abs(y.getFlat(i) - p.getFlat(i));
        }
        return s;
    }
}
