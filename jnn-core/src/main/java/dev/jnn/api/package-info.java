/**
 * The contracts that models, pipelines and searches share, as {@code sklearn.base} has them: {@code Estimator},
 * {@code Classifier}, {@code Regressor}, {@code Transformer}; and the parameter tables ({@code Param},
 * {@code ParamTable}, {@code ParamSpec}) in which every estimator, optimizer and model family declares each
 * hyperparameter once. Imports {@code tensor} and {@code util}.
 */
package dev.jnn.api;
