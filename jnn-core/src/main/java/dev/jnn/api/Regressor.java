package dev.jnn.api;

import dev.jnn.tensor.Tensor;

/** An estimator that predicts one real target per row. */
public interface Regressor extends Estimator {
    /** Trains on rows {@code x} with targets {@code y}. */
    Regressor fit(Tensor x, double[] y);

    /** The predicted target of each row. */
    double[] predict(Tensor x);

    /** R² on {@code (x, y)}. */
    double score(Tensor x, double[] y);

    @Override
    Regressor clone();
}
