package dev.jnn.estimator;

import dev.jnn.util.PythonNamed;

/**
 * The columns of {@link SVC#decisionFunction}: one per class (one-vs-rest, votes plus a bounded confidence, as
 * scikit-learn's {@code _ovr_decision_function}) or one per pair of classes (LIBSVM's own one-vs-one values).
 */
public enum DecisionFunctionShape implements PythonNamed {
    OVR("ovr"),
    OVO("ovo");

    private final String pythonName;

    DecisionFunctionShape(String pythonName) {
        this.pythonName = pythonName;
    }

    @Override
    public String pythonName() {
        return pythonName;
    }
}
