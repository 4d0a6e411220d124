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

    /** The sorted class labels seen in fit. */
    int[] classes();

    /** Mean accuracy on {@code (x, y)}. */
    double score(Tensor x, int[] y);

    @Override
    Classifier clone();
}
