/**
 * scikit-learn's model selection: the splitters ({@code KFold}, {@code StratifiedKFold}, {@code ShuffleSplit}),
 * cross-validation, {@code GridSearchCV} and {@code RandomizedSearchCV} over any {@code api.Estimator}, scorers and
 * {@code SearchResults} ({@code cv_results_}). Imports {@code api}, {@code metrics}, {@code data}, {@code tensor}
 * and {@code util}.
 */
package dev.jnn.selection;
