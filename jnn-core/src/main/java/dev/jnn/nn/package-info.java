/**
 * Layers and what they are made of: the {@code Layer} contract and the layers ({@code Dense}, {@code Conv2D},
 * {@code MaxPool2D}, {@code AveragePooling2D}, {@code Flatten}, {@code Dropout}, {@code BatchNormalization},
 * {@code ActivationLayer}, {@code Input}), {@code Activation}, {@code Init}, {@code Loss}, {@code Regularizer},
 * {@code Parameter} and {@code WeightSnapshot}, and {@code Network}, the one forward/backward engine that both the
 * Keras-style models and scikit-learn's estimators train through. Imports {@code tensor}, {@code kernels} and
 * {@code util}.
 */
package dev.jnn.nn;
