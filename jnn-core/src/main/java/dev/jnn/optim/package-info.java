/**
 * Optimizers behind one small base ({@code Optimizer}: learning rate, per-parameter state, a step): {@code Sgd},
 * {@code Adam}, {@code RmsProp}, {@code Adagrad}, each with its parameter table, and {@code Optimizers.byName};
 * also {@code Lbfgs} (L-BFGS-B as scipy runs it, over {@code CompactLbfgs} and the {@code MoreThuente} line search), {@code GradientClipping} and {@code LearningRateSchedule}.
 * Imports {@code nn}, {@code api}, {@code tensor} and {@code util}.
 */
package dev.jnn.optim;
