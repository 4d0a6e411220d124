package dev.jnn.model;

import dev.jnn.nn.Activated;
import dev.jnn.nn.Activation;
import dev.jnn.nn.Input;
import dev.jnn.nn.Layer;
import dev.jnn.nn.Network;
import dev.jnn.nn.Loss;
import dev.jnn.nn.Parameter;
import dev.jnn.optim.GradientClipping;
import dev.jnn.optim.Optimizer;
import dev.jnn.tensor.DType;
import dev.jnn.tensor.Kernels;
import dev.jnn.tensor.Rng;
import dev.jnn.tensor.Tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Keras-style stack of layers: {@code Sequential.of(...)}, {@link #compile}, {@link #fit} → {@link History},
 * {@link #evaluate}, {@link #predict}. Samples are rows of a rank-2 tensor; an {@link Input} first layer declares
 * their shape (e.g. 28×28×1 images given as 784 values), otherwise a sample is a flat vector.
 *
 * <p>The model is built (its weights drawn) on the first fit or an explicit {@link #build}, from the seed set with
 * {@link #seed}; the same random stream then shuffles the rows and draws dropout masks on the calling thread, so a
 * seed gives the same weights whatever the kernel thread count. Defaults to float32, as Keras.
 */
public final class Sequential {
    final List<Layer> layers;
    private DType dtype = DType.FLOAT32;
    /** The seed of the weights, shuffles and dropout masks; null draws one from the system's entropy. */
    private Long seed;
    private Rng rng;
    Network network;
    private int[] inputShape;
    Optimizer optimizer;
    Loss loss;
    List<Metric> metrics = List.of();
    GradientClipping clipping;
    boolean stopTraining;

    private Sequential(List<Layer> layers) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a Sequential model needs at least one layer");
        }
        for (int i = 1; i < layers.size(); i++) {
            if (layers.get(i) instanceof Input) {
                throw new IllegalArgumentException("layer " + i + ": an Input may only be the first layer");
            }
        }
        this.layers = List.copyOf(layers);
    }

    /** A model of the given layers, in order. */
    public static Sequential of(Layer... layers) {
        return new Sequential(Arrays.asList(layers));
    }

    /** A model of the given layers, in order. */
    public static Sequential of(List<Layer> layers) {
        return new Sequential(layers);
    }

    /** Sets the seed of the weights, shuffles and dropout masks (before building); returns this model. */
    public Sequential seed(long seed) {
        requireUnbuilt("seed");
        this.seed = seed;
        return this;
    }

    /** Sets the dtype of weights and computation (before building); float32 by default. */
    public Sequential dtype(DType dtype) {
        requireUnbuilt("dtype");
        this.dtype = Objects.requireNonNull(dtype, "dtype");
        return this;
    }

    public DType dtype() {
        return dtype;
    }

    public List<Layer> layers() {
        return layers;
    }

    /** Whether the weights exist. */
    public boolean isBuilt() {
        return inputShape != null;
    }

    /**
     * Builds every layer for samples of the given shape (ignored in favour of the declared one when the first layer
     * is an {@link Input}, which must then hold as many values) and draws the initial weights.
     */
    public Sequential build(int... sampleShape) {
        requireUnbuilt("build");
        rng = seed == null ? Rng.fromEntropy() : new Rng(seed);
        int[] shape = layers.get(0) instanceof Input in ? in.outputShape() : sampleShape.clone();
        if (Layer.size(shape) != Layer.size(sampleShape)) {
            throw new IllegalArgumentException("the model's Input declares " + dev.jnn.nn.SampleShapes.text(shape)
                    + " but samples have " + Layer.size(sampleShape) + " values");
        }
        int[] s = shape;
        for (int i = 0; i < layers.size(); i++) {
            try {
                s = layers.get(i).build(s, dtype, rng);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("layer " + i + " (" + layers.get(i).type() + "): " + e.getMessage(), e);
            }
        }
        inputShape = shape;
        network = new Network(layers);
        return this;
    }

    /** The shape of one input sample; the model must be built. */
    public int[] inputShape() {
        requireBuilt();
        return inputShape.clone();
    }

    /** The shape of one output sample; the model must be built. */
    public int[] outputShape() {
        requireBuilt();
        return layers.get(layers.size() - 1).outputShape();
    }

    /** Chooses the optimizer, the loss (a Keras one) and the metrics to report. */
    public void compile(Optimizer optimizer, Loss loss, Metric... metrics) {
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(loss, "loss");
        if (!loss.isKeras()) {
            throw new IllegalArgumentException("loss " + loss + " is a scikit-learn estimator loss; a Sequential model "
                    + "takes CATEGORICAL_CROSSENTROPY, SPARSE_CATEGORICAL_CROSSENTROPY, BINARY_CROSSENTROPY, "
                    + "MEAN_SQUARED_ERROR, MEAN_ABSOLUTE_ERROR or HALF_MEAN_SQUARED_ERROR");
        }
        Layer last = layers.get(layers.size() - 1);
        if (last instanceof Activated a && a.activation() == Activation.SOFTMAX && !loss.fusesWith(Activation.SOFTMAX)) {
            throw new IllegalArgumentException("a softmax output trains only with categorical cross-entropy, not "
                    + loss.pythonName());
        }
        this.optimizer = optimizer;
        this.loss = loss;
        this.metrics = List.of(metrics);
    }

    /** Clips gradients before every optimizer step (null for none); returns this model. */
    public Sequential clipGradients(GradientClipping clipping) {
        this.clipping = clipping;
        return this;
    }

    /** The engine that trains the layers; the model must be built. */
    public Network network() {
        requireBuilt();
        return network;
    }

    /** The targets its loss compares with for integer class {@code labels} (one-hot for the categorical losses). */
    public Tensor targets(int[] labels) {
        requireCompiled();
        return Targets.of(this, labels.length, null, labels, "labels");
    }

    /** The compiled optimizer (callbacks adjust its learning rate). */
    public Optimizer optimizer() {
        requireCompiled();
        return optimizer;
    }

    public Loss loss() {
        requireCompiled();
        return loss;
    }

    public List<Metric> metrics() {
        return metrics;
    }

    /** Asks {@link #fit} to stop after the current epoch, as Keras's {@code model.stop_training = True}. */
    public void stopTraining() {
        stopTraining = true;
    }

    /** Trains on inputs {@code x} and targets {@code y} (one row per sample: one-hot, 0/1 columns or values). */
    public History fit(Tensor x, Tensor y, Fit fit) {
        return new Trainer(this, fit).run(x, targets(x, y, null, "y"));
    }

    /** Trains on inputs {@code x} and class indices (one-hot encoded for cross-entropy losses). */
    public History fit(Tensor x, int[] labels, Fit fit) {
        return new Trainer(this, fit).run(x, targets(x, null, labels, "labels"));
    }

    /** The loss (with regularisation penalties, as Keras) and metrics on {@code x} and targets {@code y}. */
    public Map<String, Double> evaluate(Tensor x, Tensor y) {
        return new Trainer(this, Fit.epochs(1)).evaluate(x, targets(x, y, null, "y"), "");
    }

    /** The loss and metrics on {@code x} and class indices. */
    public Map<String, Double> evaluate(Tensor x, int[] labels) {
        return new Trainer(this, Fit.epochs(1)).evaluate(x, targets(x, null, labels, "labels"), "");
    }

    /** The outputs for {@code x}, in inference mode, as a new tensor (rows × outputs). */
    public Tensor predict(Tensor x) {
        return outputsOf(layers.size() - 1, x);
    }

    /** The arg-max class of each row of the outputs (for one output, 1 where it exceeds 0.5). */
    public int[] predictClasses(Tensor x) {
        Tensor p = predict(x);
        if (p.cols() > 1) {
            return Kernels.argmaxRows(p);
        }
        int[] out = new int[p.rows()];
        for (int r = 0; r < out.length; r++) {
            out[r] = p.getFlat(r) > 0.5 ? 1 : 0;
        }
        return out;
    }

    /**
     * The outputs of layer {@code index} for {@code x}, in inference mode: feature maps of a Conv2D, or features
     * from a middle layer. The index counts layers as Keras's {@code model.layers} does, 0-based and without the
     * {@code Input} (which is not a layer there), so {@code activations(0, x)} is the first real layer's output.
     * Rows hold each sample flattened in the layer's {@code outputShape()} order.
     */
    public Tensor activations(int kerasIndex, Tensor x) {
        int index = -1;
        int seen = 0;
        for (int i = 0; i < layers.size() && index < 0; i++) {
            if (!(layers.get(i) instanceof Input) && seen++ == kerasIndex) {
                index = i;
            }
        }
        if (kerasIndex < 0 || index < 0) {
            throw new IndexOutOfBoundsException("layer " + kerasIndex + " of a model with "
                    + layers.stream().filter(l -> !(l instanceof Input)).count() + " layers (the Input not counted)");
        }
        return outputsOf(index, x);
    }

    /** The outputs of {@code layers().get(index)} for {@code x}, in inference mode. */
    private Tensor outputsOf(int index, Tensor x) {
        ensureBuilt(x);
        Tensor input = inDtype(x);
        int cols = Layer.size(layers.get(index).outputShape());
        Tensor out = Tensor.zeros(dtype, input.rows(), cols);
        int batch = 256;
        for (int start = 0; start < input.rows(); start += batch) {
            int end = Math.min(input.rows(), start + batch);
            network.upTo(index, input.rows(start, end)).copyInto(out, start);
        }
        return out;
    }

    /** The trainable parameters of every layer, in order. */
    public List<Parameter> parameters() {
        requireBuilt();
        return network.parameters();
    }

    /** The weights of layer {@code index}: its parameters' values, then its buffers' (moving statistics). */
    public List<Tensor> weights(int index) {
        requireBuilt();
        List<Tensor> out = new ArrayList<>();
        layers.get(index).parameters().forEach(p -> out.add(p.value()));
        layers.get(index).buffers().forEach(p -> out.add(p.value()));
        return out;
    }

    /** Keras's summary table: layer name and type, output shape, parameter count, totals. */
    public String summary() {
        requireBuilt();
        return Summary.of(this);
    }

    /** The layer list as JSON, which {@link ModelJson#read} turns back into an unbuilt model. */
    public String toJson() {
        return ModelJson.write(this);
    }

    Rng rng() {
        return rng;
    }

    void ensureBuilt(Tensor x) {
        if (x.rank() != 2) {
            throw new IllegalArgumentException("x must be a rank-2 tensor (rows, values per sample), got " + x);
        }
        if (!isBuilt()) {
            build(x.cols());
        } else if (x.cols() != Layer.size(inputShape)) {
            throw new IllegalArgumentException("X has " + x.cols() + " features, but the model expects "
                    + Layer.size(inputShape) + " (samples of shape " + dev.jnn.nn.SampleShapes.text(inputShape) + ")");
        }
    }

    private Tensor targets(Tensor x, Tensor y, int[] labels, String name) {
        requireCompiled();
        ensureBuilt(x);
        return Targets.of(this, x.rows(), y, labels, name);
    }

    /** {@code t} itself when it already has the model's dtype (data are read, never written), else a converted copy. */
    Tensor inDtype(Tensor t) {
        return t.dtype() == dtype ? t : t.to(dtype);
    }

    private void requireUnbuilt(String what) {
        if (isBuilt()) {
            throw new IllegalStateException("cannot set " + what + ": the model is already built");
        }
    }

    private void requireBuilt() {
        if (!isBuilt()) {
            throw new IllegalStateException("the model is not built yet: call build(shape) or fit first");
        }
    }

    private void requireCompiled() {
        if (optimizer == null) {
            throw new IllegalStateException("the model must be compiled before fit or evaluate: call compile(...)");
        }
    }
}
