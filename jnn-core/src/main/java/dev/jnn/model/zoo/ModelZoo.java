package dev.jnn.model.zoo;

import dev.jnn.model.NetworkClassifier;
import dev.jnn.model.Recipe;
import dev.jnn.model.Sequential;
import dev.jnn.nn.Activation;
import dev.jnn.nn.Conv2D;
import dev.jnn.nn.Dense;
import dev.jnn.nn.Dropout;
import dev.jnn.nn.Flatten;
import dev.jnn.nn.Input;
import dev.jnn.nn.MaxPool2D;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The named networks of the course, reachable from Java and from {@code jnn fit --model NAME}: each builds an
 * unbuilt {@link Sequential} for samples of a given number of features, and carries the training recipe that
 * reaches the course's results with it.
 */
public final class ModelZoo {
    /**
     * A named network.
     *
     * @param name        the name on the command line
     * @param description one line for listings
     * @param recipe      its training recipe
     * @param factory     the network for samples of this many features
     */
    public record Entry(String name, String description, Recipe recipe, IntFunction<Sequential> factory) {
        /** The network for samples of {@code features} values. */
        public Sequential build(int features) {
            return factory.apply(features);
        }

        /** The network as a scikit-learn-style classifier with this recipe, for grid search. */
        public NetworkClassifier classifier() {
            return new NetworkClassifier(name, factory, recipe);
        }
    }

    private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();

    static {
        add(new Entry("lenet5", "LeNet-5 with LeCun's layer sizes: 5x5 convolutions of 6 ('same') and 16 filters,"
                + " 2x2 max pooling, dense 120-84, softmax over 10 classes, for square one-channel images",
                new Recipe("adam", 0.005, "cosine", 128, 5), f -> lenet5(side("lenet5", f))));
        add(new Entry("lenet5-3x3", "a smaller LeNet-5: 3x3 convolutions of 6 and 16 filters, 2x2 max pooling,"
                + " dense 120-84 with dropout 0.5, softmax over 10 classes, for square one-channel images",
                new Recipe("adam", 0.001, "constant", 128, 5), f -> lenet5x3(side("lenet5-3x3", f))));
        add(new Entry("mlp-1200", "the course's Keras MLP: dense 1200-1200 relu with one dropout of 0.4, softmax"
                + " over 10 classes", new Recipe("adam", 0.001, "cosine", 62, 10), ModelZoo::mlp1200));
    }

    private ModelZoo() {
    }

    private static void add(Entry e) {
        ENTRIES.put(e.name(), e);
    }

    /** The named networks, in a stable order. */
    public static List<Entry> entries() {
        return List.copyOf(ENTRIES.values());
    }

    /** The network called {@code name}, or null. */
    public static Entry get(String name) {
        return ENTRIES.get(name);
    }

    /**
     * LeNet-5 with LeCun's sizes for square one-channel images of {@code side}×{@code side} pixels:
     * Conv2D(6, 5×5, same, relu) → MaxPool2 → Conv2D(16, 5×5, valid, relu) → MaxPool2 → Flatten → Dense(120, relu)
     * → Dense(84, relu) → Dense(10, softmax).
     */
    public static Sequential lenet5(int side) {
        return Sequential.of(new Input(side, side, 1),
                new Conv2D(6, 5, 5, 1, 1, "same", Activation.RELU), new MaxPool2D(2),
                new Conv2D(16, 5, 5, 1, 1, "valid", Activation.RELU), new MaxPool2D(2),
                new Flatten(), new Dense(120, Activation.RELU), new Dense(84, Activation.RELU),
                new Dense(10, Activation.SOFTMAX));
    }

    /**
     * The smaller LeNet-5 for square one-channel images of {@code side}×{@code side} pixels: Conv2D(6, 3×3, relu)
     * → MaxPool2 → Conv2D(16, 3×3, relu) → MaxPool2 → Flatten → Dense(120, relu) → Dropout(0.5) → Dense(84, relu)
     * → Dense(10, softmax).
     */
    public static Sequential lenet5x3(int side) {
        return Sequential.of(new Input(side, side, 1),
                new Conv2D(6, 3, Activation.RELU), new MaxPool2D(2),
                new Conv2D(16, 3, Activation.RELU), new MaxPool2D(2),
                new Flatten(), new Dense(120, Activation.RELU), new Dropout(0.5),
                new Dense(84, Activation.RELU), new Dense(10, Activation.SOFTMAX));
    }

    /** The course's MLP for rows of {@code features} values: Dense(1200, relu) → Dropout(0.4) → Dense(1200, relu) → Dense(10, softmax). */
    public static Sequential mlp1200(int features) {
        return Sequential.of(new Input(features), new Dense(1200, Activation.RELU), new Dropout(0.4),
                new Dense(1200, Activation.RELU), new Dense(10, Activation.SOFTMAX));
    }

    /** The side of square images of {@code features} pixels; other counts are an error naming the model. */
    private static int side(String model, int features) {
        int side = (int) Math.round(Math.sqrt(features));
        if (side * side != features) {
            throw new IllegalArgumentException(model + " needs square single-channel images (e.g. 784"
                    + " = 28x28 pixels); the data have " + features + " features");
        }
        return side;
    }
}
