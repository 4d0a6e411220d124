package dev.jnn.nn;

import dev.jnn.tensor.Buffers;
import dev.jnn.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * The one forward/backward engine of both faces: an ordered list of built layers. A {@code Sequential} model and
 * scikit-learn's multilayer perceptrons (a network of {@link Dense} layers) train through the same three calls:
 * {@link #forward} in training mode, then {@link #backward} from a {@link Loss}, which fills every parameter's
 * gradient of the mean batch loss plus the layers' penalties; {@link #predict} is the inference pass. Only the loop
 * around these calls differs (scikit-learn's stopping rules, Keras's callbacks).
 *
 * <p>In training, two adjacent layers run as one step where the first one offers it ({@link Layer#fuseWith}); the
 * first trainable layer is not asked for its input gradient. A network is not thread-safe: it reuses its layers'
 * buffers.
 */
public final class Network {
    private final List<Layer> layers;
    private final List<Parameter> parameters;
    private final int firstTrainable;
    /** Per layer: the step that trains it with the next layer, or null; found at the first training pass. */
    private Layer.Fused[] fused;
    private Tensor grad;

    /** A network of built layers, in order. */
    public Network(List<? extends Layer> layers) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a network needs at least one layer");
        }
        this.layers = List.copyOf(layers);
        List<Parameter> all = new ArrayList<>();
        int first = this.layers.size();
        for (int i = 0; i < this.layers.size(); i++) {
            List<Parameter> p = this.layers.get(i).parameters();
            if (!p.isEmpty() && first == this.layers.size()) {
                first = i;
            }
            all.addAll(p);
        }
        this.parameters = List.copyOf(all);
        this.firstTrainable = first;
    }

    /** The layers, in order. */
    public List<Layer> layers() {
        return layers;
    }

    /** Every trainable parameter, layer by layer (for each layer, its own order: kernel, then bias). */
    public List<Parameter> parameters() {
        return parameters;
    }

    /** The inference pass (no dropout, batch normalisation's moving statistics); a view of a layer's buffer. */
    public Tensor predict(Tensor x) {
        return upTo(layers.size() - 1, x);
    }

    /** The inference output of layer {@code index} (0-based) for a batch. */
    public Tensor upTo(int index, Tensor x) {
        Tensor a = x;
        for (int i = 0; i <= index; i++) {
            a = layers.get(i).forward(a, false);
        }
        return a;
    }

    /** The training pass, remembering what {@link #backward} needs; a view of a layer's buffer. */
    public Tensor forward(Tensor x) {
        if (fused == null) {
            fused = new Layer.Fused[layers.size()];
            for (int i = 0; i + 1 < layers.size(); i++) {
                fused[i] = layers.get(i).fuseWith(layers.get(i + 1));
            }
        }
        Tensor a = x;
        for (int i = 0; i < layers.size(); i++) {
            if (fused[i] != null) {
                a = fused[i].forward(a, i > firstTrainable);
                i++;
            } else {
                a = layers.get(i).forward(a, true);
            }
        }
        return a;
    }

    /**
     * After {@link #forward} gave {@code out}: fills every parameter gradient of {@code loss}'s mean over the batch
     * (targets {@code y}) plus {@code penaltyScale} times the layers' penalties, and returns that scaled penalty.
     * Keras scales penalties by 1; scikit-learn divides its L2 term by the batch's rows.
     */
    public double backward(Loss loss, Tensor y, Tensor out, double penaltyScale) {
        if (fused == null) {
            throw new IllegalStateException("Network.backward needs a training forward pass first");
        }
        grad = Buffers.ensure(grad, out.dtype(), out.rows(), out.cols());
        Tensor g = grad.rows(0, out.rows());
        int last = layers.size() - 1;
        boolean fusedOutput = layers.get(last) instanceof Activated a && loss.fusesWith(a.activation());
        loss.gradient(y, out, g, fusedOutput);
        for (int i = last; i >= 0 && g != null; i--) {
            if (i > 0 && fused[i - 1] != null) {
                i--;
                g = fused[i].backward(g, i > firstTrainable);
            } else if (i == last && fusedOutput) {
                g = ((Activated) layers.get(i)).backwardLinear(g, i > firstTrainable);
            } else {
                g = layers.get(i).backward(g, i > firstTrainable);
            }
        }
        return penalty(penaltyScale, true);
    }

    /** The layers' penalties times {@code scale}; with {@code addGradient}, their gradients are added too. */
    public double penalty(double scale, boolean addGradient) {
        double sum = 0;
        for (Layer l : layers) {
            sum += l.regularize(scale, addGradient);
        }
        return sum;
    }
}
