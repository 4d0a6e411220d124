/**
 * scikit-learn's face: {@code MLPClassifier} and {@code MLPRegressor} with scikit-learn's parameters (declared once
 * in {@code MLPParams}), stopping rules and fitted attributes. The loop policies ({@code StochasticSolver},
 * {@code LbfgsSolver}) drive an {@code nn.Network} of {@code Dense} layers with the {@code optim} optimizers.
 * Imports {@code api}, {@code nn}, {@code optim}, {@code data}, {@code tensor} and {@code util}.
 */
package dev.jnn.estimator;
