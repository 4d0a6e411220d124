/**
 * scikit-learn's transformers: scalers, encoders, polynomial and function features, {@code Pca}, and
 * {@code Pipeline}, which chains them before any {@code api.Estimator}. Imports {@code api}, {@code tensor} and
 * {@code util}.
 */
package dev.jnn.preprocess;
