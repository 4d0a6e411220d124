package dev.jnn.estimator;

/**
 * Receives a fit's progress: one call per epoch (or lbfgs iteration) and the verbose messages scikit-learn would
 * print. Set one with {@code setMonitor}; without one, verbose messages go to {@link System.Logger} at INFO.
 */
public interface FitMonitor {
    /**
     * One finished epoch (sgd, adam) or iteration (lbfgs).
     *
     * @param iteration       the cumulative iteration count ({@code n_iter_})
     * @param maxIterations   the iterations this call may run at most
     * @param loss            the epoch's training loss
     * @param validationScore the validation score with early stopping, else NaN
     */
    default void onIteration(int iteration, int maxIterations, double loss, double validationScore) {
    }

    /** A verbose line, e.g. {@code "Iteration 3, loss = 0.12345678"}, without the newline. */
    default void onMessage(String line) {
    }
}
