package dev.jnn.estimator;

import dev.jnn.util.PythonNamed;

/** The learning-rate schedules of the {@code sgd} solver, named as in scikit-learn. */
public enum LearningRate implements PythonNamed {
    /** The rate stays at {@code learning_rate_init}. */
    CONSTANT("constant"),
    /** {@code lr = learning_rate_init / (t + 1)^power_t} at the end of each epoch, t counting samples seen. */
    INVSCALING("invscaling"),
    /** The rate is divided by 5 each time training stagnates, until it falls to 1e-6. */
    ADAPTIVE("adaptive");

    private final String pythonName;

    LearningRate(String pythonName) {
        this.pythonName = pythonName;
    }

    /** scikit-learn's name, e.g. {@code "invscaling"}. */
    @Override
    public String pythonName() {
        return pythonName;
    }
}
