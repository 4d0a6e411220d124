/**
 * Optimizers behind one small base ({@code Optimizer}: learning rate, per-parameter state, a step): {@code Sgd},
 * {@code Adam}, {@code RmsProp}, {@code Adagrad}, each with its parameter table, and {@code Optimizers.byName};
 * also {@code Lbfgs} (scipy's L-BFGS-B stopping rules), {@code GradientClipping} and {@code LearningRateSchedule}.
 * Imports {@code nn}, {@code api}, {@code tensor} and {@code util}.
 */
package dev.jnn.optim;
