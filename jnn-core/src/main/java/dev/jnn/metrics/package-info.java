/**
 * scikit-learn's metrics: accuracy, precision/recall/F-beta, log loss, the regression errors, ROC curves and AUC,
 * {@code ConfusionMatrix} and {@code ClassificationReport}, with scikit-learn's numbers and texts. Imports
 * {@code tensor} and {@code util}.
 */
package dev.jnn.metrics;
