package dev.jnn.api;

import dev.jnn.tensor.Tensor;

/** An estimator that predicts integer class labels. */
public interface Classifier extends Estimator {
    /** Trains on rows {@code x} with labels {@code y}. */
    Classifier fit(Tensor x, int[] y);

    /** The predicted label of each row. */
    int[] predict(Tensor x);

    /** Class probabilities, one column per class in sorted-label order. */
    double[][] predictProba(Tensor x);

    /**
     * Whether the model has scikit-learn's {@code decision_function} (the SVC and the Perceptron do, the MLP does
     * not); scorers that rank rows, such as {@code roc_auc}, prefer it to the probabilities, as scikit-learn's do.
     */
    default boolean hasDecisionFunction() {
        return false;
    }

    /**
     * scikit-learn's {@code decision_function}: a confidence per row, one column for two classes (positive means
     * {@code classes()[1]}), else one per class or pair. Only where {@link #hasDecisionFunction()} says so.
     */
    default double[][] decisionFunction(Tensor x) {
        throw new UnsupportedOperationException("'" + getClass().getSimpleName()
                + "' object has no attribute 'decision_function'");
    }

    /** The sorted class labels seen in fit. */
    int[] classes();

    /** Mean accuracy on {@code (x, y)}. */
    double score(Tensor x, int[] y);

    @Override
    Classifier clone();
}
