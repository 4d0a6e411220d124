package dev.jnn.nn;

import dev.jnn.tensor.Tensor;

import java.util.List;

/**
 * A copy of some tensors' values, taken to be put back later: the best weights that early stopping restores, in
 * scikit-learn's loop and in Keras's callback alike. Later saves reuse the first save's arrays.
 */
public final class WeightSnapshot {
    private Tensor[] copies;

    /** Copies the current values of {@code tensors}. */
    public void save(List<Tensor> tensors) {
        if (copies == null || copies.length != tensors.size()) {
            copies = new Tensor[tensors.size()];
        }
        for (int i = 0; i < copies.length; i++) {
            Tensor t = tensors.get(i);
            if (copies[i] == null || copies[i].size() != t.size() || copies[i].dtype() != t.dtype()) {
                copies[i] = t.copy();
            } else {
                t.copyInto(copies[i], 0);
            }
        }
    }

    /** Forgets what was saved. */
    public void clear() {
        copies = null;
    }

    /** Whether anything was saved. */
    public boolean isEmpty() {
        return copies == null;
    }

    /** Writes the saved values back into {@code tensors}, the same list (in kind and order) as saved. */
    public void restore(List<Tensor> tensors) {
        if (copies == null || copies.length != tensors.size()) {
            throw new IllegalStateException("nothing saved for " + tensors.size() + " tensors");
        }
        for (int i = 0; i < copies.length; i++) {
            copies[i].copyInto(tensors.get(i), 0);
        }
    }

    /** The values of {@code parameters}, in order. */
    public static List<Tensor> values(List<Parameter> parameters) {
        return parameters.stream().map(Parameter::value).toList();
    }
}
