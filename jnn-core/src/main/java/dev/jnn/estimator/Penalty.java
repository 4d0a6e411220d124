package dev.jnn.estimator;

import dev.jnn.util.PythonNamed;

/** The weight penalties of the SGD linear models (scikit-learn's {@code penalty}); none is {@code null}. */
public enum Penalty implements PythonNamed {
    L2("l2"),
    L1("l1"),
    ELASTICNET("elasticnet");

    private final String pythonName;

    Penalty(String pythonName) {
        this.pythonName = pythonName;
    }

    @Override
    public String pythonName() {
        return pythonName;
    }
}
