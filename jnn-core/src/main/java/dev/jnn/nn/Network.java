package dev.jnn.nn;

import dev.jnn.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * An ordered stack of {@link Dense} layers: forward through all of them, and backward from the gradient with
 * respect to the last layer's pre-activation (the fused output delta of the losses in {@link Loss}).
 */
public final class Network {
    private final List<Dense> layers;

    /** A network of the given layers, whose sizes must chain. */
    public Network(List<Dense> layers) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a network needs at least one layer");
        }
        for (int i = 1; i < layers.size(); i++) {
            if (layers.get(i).inputs() != layers.get(i - 1).units()) {
                throw new IllegalArgumentException("layer " + i + " expects " + layers.get(i).inputs()
                        + " inputs but layer " + (i - 1) + " has " + layers.get(i - 1).units() + " units");
            }
        }
        this.layers = List.copyOf(layers);
    }

    public List<Dense> layers() {
        return layers;
    }

    /** Every parameter, layer by layer (kernel, then bias). */
    public List<Parameter> parameters() {
        List<Parameter> out = new ArrayList<>();
        for (Dense d : layers) {
            out.addAll(d.parameters());
        }
        return out;
    }

    /** The output for a batch; a view of the last layer's buffer. */
    public Tensor forward(Tensor x) {
        Tensor a = x;
        for (Dense d : layers) {
            a = d.forward(a);
        }
        return a;
    }

    /** Fills every parameter gradient from {@code dzOut}, the gradient with respect to the output pre-activation. */
    public void backward(Tensor dzOut) {
        int last = layers.size() - 1;
        Tensor g = layers.get(last).backwardLinear(dzOut, last > 0);
        for (int i = last - 1; i >= 0; i--) {
            g = layers.get(i).backward(g, i > 0);
        }
    }
}
