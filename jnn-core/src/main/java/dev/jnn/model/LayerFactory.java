package dev.jnn.model;

import dev.jnn.nn.Activation;
import dev.jnn.nn.ActivationLayer;
import dev.jnn.nn.AveragePooling2D;
import dev.jnn.nn.BatchNormalization;
import dev.jnn.nn.Conv2D;
import dev.jnn.nn.Dense;
import dev.jnn.nn.Dropout;
import dev.jnn.nn.Flatten;
import dev.jnn.nn.Init;
import dev.jnn.nn.Input;
import dev.jnn.nn.Layer;
import dev.jnn.nn.MaxPool2D;

/** Builds a layer from its model-file object (the inverse of each layer's {@code config()}). */
final class LayerFactory {
    private LayerFactory() {
    }

    static Layer create(LayerSpec s) {
        String type = s.type();
        Layer layer = switch (type) {
            case "Input" -> new Input(s.shape("shape"));
            case "Dense" -> new Dense(s.integer("units", null), activation(s, "linear"))
                    .kernelInitializer(s.init("kernel_initializer", Init.glorotUniform()))
                    .biasInitializer(s.init("bias_initializer", Init.zeros()))
                    .kernelRegularizer(s.regularizer("kernel_regularizer"));
            case "Conv2D" -> {
                int[] k = s.pair("kernel_size", null);
                int[] st = s.pair("strides", new int[] {1, 1});
                yield new Conv2D(s.integer("filters", null), k[0], k[1], st[0], st[1], s.text("padding", "valid"),
                        activation(s, "linear"))
                        .kernelInitializer(s.init("kernel_initializer", Init.glorotUniform()))
                        .biasInitializer(s.init("bias_initializer", Init.zeros()))
                        .kernelRegularizer(s.regularizer("kernel_regularizer"));
            }
            case "MaxPool2D", "MaxPooling2D", "AveragePooling2D" -> {
                int[] p = s.pair("pool_size", new int[] {2, 2});
                int[] st = s.pair("strides", p);
                if (!s.text("padding", "valid").equals("valid")) {
                    throw new IllegalArgumentException("pooling supports padding \"valid\" only");
                }
                yield type.equals("AveragePooling2D") ? new AveragePooling2D(p[0], p[1], st[0], st[1])
                        : new MaxPool2D(p[0], p[1], st[0], st[1]);
            }
            case "Flatten" -> new Flatten();
            case "Dropout" -> new Dropout(s.number("rate", Double.NaN));
            case "BatchNormalization" -> new BatchNormalization(s.number("momentum", 0.99), s.number("epsilon", 1e-3));
            case "Activation" -> {
                Activation a = activation(s, null);
                yield new ActivationLayer(a, s.number("alpha", a.defaultAlpha()));
            }
            case "LeakyReLU" -> new ActivationLayer(Activation.LEAKY_RELU, s.number("alpha", 0.3));
            case "ELU" -> new ActivationLayer(Activation.ELU, s.number("alpha", 1.0));
            default -> throw new IllegalArgumentException("unknown layer type \"" + type + "\"; expected Input, Dense, "
                    + "Conv2D, MaxPool2D, AveragePooling2D, Flatten, Dropout, BatchNormalization, Activation, "
                    + "LeakyReLU or ELU");
        };
        s.done();
        return layer;
    }

    private static Activation activation(LayerSpec s, String fallback) {
        String name = s.text("activation", fallback);
        Activation a = Activation.fromPythonName(name.equals("linear") ? "identity" : name.equals("sigmoid")
                ? "logistic" : name);
        if (a == null) {
            throw new IllegalArgumentException("unknown activation \"" + name + "\"; expected linear, relu, sigmoid, "
                    + "tanh, softmax, leaky_relu, elu or step");
        }
        return a;
    }
}
