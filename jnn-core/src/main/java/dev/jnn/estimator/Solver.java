package dev.jnn.estimator;

import dev.jnn.util.PythonNamed;

/** The weight optimisers of the multilayer perceptrons, named as in scikit-learn. */
public enum Solver implements PythonNamed {
    /** Full-batch limited-memory BFGS. */
    LBFGS("lbfgs"),
    /** Minibatch stochastic gradient descent with momentum and learning-rate schedules. */
    SGD("sgd"),
    /** Minibatch Adam. */
    ADAM("adam");

    private final String pythonName;

    Solver(String pythonName) {
        this.pythonName = pythonName;
    }

    /** scikit-learn's name, e.g. {@code "adam"}. */
    @Override
    public String pythonName() {
        return pythonName;
    }

    /** True for the minibatch solvers (sgd, adam). */
    public boolean stochastic() {
        return this != LBFGS;
    }
}
