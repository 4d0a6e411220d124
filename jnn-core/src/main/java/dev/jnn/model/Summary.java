package dev.jnn.model;

import dev.jnn.nn.Input;
import dev.jnn.nn.Layer;
import dev.jnn.nn.Parameter;
import dev.jnn.nn.SampleShapes;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Keras's (tf.keras 2) {@code model.summary()} table for a built {@link Sequential}. */
final class Summary {
    private static final String RULE = "_".repeat(65);
    private static final String DOUBLE_RULE = "=".repeat(65);

    private Summary() {
    }

    static String of(Sequential model) {
        StringBuilder b = new StringBuilder();
        b.append("Model: \"sequential\"\n").append(RULE).append('\n');
        b.append(row("Layer (type)", "Output Shape", "Param #")).append('\n').append(DOUBLE_RULE).append('\n');
        Map<String, Integer> used = new HashMap<>();
        long trainable = 0;
        long fixed = 0;
        boolean first = true;
        for (Layer l : model.layers()) {
            if (l instanceof Input) {
                continue;
            }
            long params = count(l.parameters());
            long buffers = count(l.buffers());
            trainable += params;
            fixed += buffers;
            if (!first) {
                b.append('\n');
            }
            first = false;
            String base = name(l.type());
            int k = used.merge(base, 1, Integer::sum) - 1;
            String name = (k == 0 ? base : base + "_" + k) + " (" + l.type() + ")";
            String shape = SampleShapes.text(l.outputShape());
            shape = "(None, " + shape.substring(1).replace(",)", ")");
            b.append(row(name, shape, String.valueOf(params + buffers))).append('\n');
        }
        b.append(DOUBLE_RULE).append('\n');
        b.append(String.format(Locale.ROOT, "Total params: %,d%n", trainable + fixed));
        b.append(String.format(Locale.ROOT, "Trainable params: %,d%n", trainable));
        b.append(String.format(Locale.ROOT, "Non-trainable params: %,d%n", fixed));
        b.append(RULE).append('\n');
        return b.toString();
    }

    private static String row(String a, String b, String c) {
        return String.format(Locale.ROOT, " %-27s %-25s %-10s", a, b, c).stripTrailing();
    }

    /** Keras's automatic layer name: {@code Conv2D} → {@code conv2d}, {@code MaxPool2D} → {@code max_pooling2d}. */
    static String name(String type) {
        return switch (type) {
            case "MaxPool2D" -> "max_pooling2d";
            case "AveragePooling2D" -> "average_pooling2d";
            case "BatchNormalization" -> "batch_normalization";
            case "Activation" -> "activation";
            default -> type.toLowerCase(Locale.ROOT);
        };
    }

    private static long count(Iterable<Parameter> ps) {
        long n = 0;
        for (Parameter p : ps) {
            n += p.value().size();
        }
        return n;
    }
}
