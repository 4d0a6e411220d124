/**
 * Data in: {@code Dataset} (train and official test) and {@code Samples}, the catalogue ({@code Datasets},
 * {@code ToySets}, the search order and verified downloads of {@code DataStore}), the readers and writers (IDX, CSV,
 * NumPy, MATLAB, images), and splitting ({@code TrainTestSplit}, scikit-learn's rows for a seed). Imports
 * {@code tensor} and {@code util}.
 */
package dev.jnn.data;
