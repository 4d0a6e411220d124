/**
 * Keras's face: {@code Sequential} (compile, fit, evaluate, predict, summary), the minibatch loop
 * ({@code Trainer}, on {@code nn.Network}), {@code Fit} settings, {@code History}, {@code Metric}, the callbacks
 * ({@code EarlyStopping}, {@code ReduceLROnPlateau}, {@code LearningRateScheduler}, {@code ProgressLogger}) and JSON
 * layer lists ({@code ModelJson}). Imports {@code nn}, {@code optim}, {@code tensor} and {@code util}.
 */
package dev.jnn.model;
