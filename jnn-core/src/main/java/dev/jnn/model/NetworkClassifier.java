package dev.jnn.model;

import dev.jnn.api.CheckArray;
import dev.jnn.api.Classifier;
import dev.jnn.api.Param;
import dev.jnn.api.ParamTable;
import dev.jnn.nn.Conv2D;
import dev.jnn.nn.Dense;
import dev.jnn.nn.Layer;
import dev.jnn.nn.Loss;
import dev.jnn.nn.Regularizer;
import dev.jnn.optim.LearningRateSchedule;
import dev.jnn.optim.Optimizers;
import dev.jnn.tensor.Tensor;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * A Keras-style network as a scikit-learn-style classifier, so that grid search and cross-validation take it as
 * they take the MLP (the course's η × λ grid over a Keras network). Each {@code fit} builds a fresh network from
 * the factory, puts the L2 penalty on every Dense and Conv2D kernel, and trains it with sparse categorical
 * cross-entropy by the recipe that the parameters give. Labels are ints; the network's outputs are their classes in
 * sorted order.
 */
public final class NetworkClassifier implements Classifier {
    /**
     * The parameters, scikit-learn's names where the MLP has them.
     *
     * @param learningRateInit the optimizer's initial learning rate
     * @param l2               Keras's {@code kernel_regularizer=l2(λ)} on every Dense and Conv2D kernel
     * @param optimizer        the optimizer's name
     * @param lrSchedule       the learning rate over the fit ({@link LearningRateSchedule#parse})
     * @param batchSize        the minibatch size
     * @param epochs           the passes over the training data
     * @param randomState      the seed of the initial weights, dropout and shuffles
     */
    public record Params(
            @Param(value = "0.001", range = "(0, inf)", doc = "The optimizer's initial learning rate.")
            double learningRateInit,
            @Param(value = "0.0", name = "l2", range = "[0, inf)", doc = "L2 penalty on every Dense and Conv2D kernel.")
            double l2,
            @Param(value = "adam", doc = "The optimizer: adam, sgd, rmsprop or adagrad.")
            String optimizer,
            @Param(value = "constant", doc = "The learning-rate schedule: constant, cosine[:ALPHA], exponential:RATE"
                    + " or step:EPOCHS:FACTOR.")
            String lrSchedule,
            @Param(value = "32", range = "[1, inf)", doc = "Samples per step.")
            int batchSize,
            @Param(value = "5", range = "[1, inf)", doc = "Passes over the training data.")
            int epochs,
            @Param(value = "0", range = "[0, 4294967295]", doc = "Seed of the weights, dropout and shuffles.")
            long randomState) {

        /** The table of these parameters. */
        public static final ParamTable<Params> TABLE = ParamTable.of(Params.class);

        /** The parameters of {@code recipe}, seed 0, no penalty. */
        public static Params of(Recipe recipe) {
            return new Params(recipe.learningRate(), 0, recipe.optimizer(), recipe.schedule(), recipe.batchSize(),
                    recipe.epochs(), 0);
        }
    }

    private final String name;
    private final IntFunction<Sequential> factory;
    private Params params;
    private int[] classes;
    private Sequential fitted;
    private int features;

    /** The network that {@code factory} builds for samples of a given width, named {@code name}, trained by {@code recipe}. */
    public NetworkClassifier(String name, IntFunction<Sequential> factory, Recipe recipe) {
        this(name, factory, Params.of(recipe));
    }

    private NetworkClassifier(String name, IntFunction<Sequential> factory, Params params) {
        this.name = name;
        this.factory = factory;
        validate(params);
        this.params = params;
    }

    private void validate(Params p) {
        Params.TABLE.validate(p, name);
        Optimizers.table(p.optimizer());                          // fails on an unknown name
        LearningRateSchedule.parse(p.lrSchedule(), p.learningRateInit(), p.epochs(), 1);
    }

    /** The parameters. */
    public Params params() {
        return params;
    }

    @Override
    public Map<String, Object> getParams() {
        return Params.TABLE.toMap(params);
    }

    @Override
    public NetworkClassifier setParams(Map<String, ?> changes) {
        Params p = Params.TABLE.with(params, changes, name);
        validate(p);
        params = p;
        return this;
    }

    @Override
    public NetworkClassifier clone() {
        return new NetworkClassifier(name, factory, params);
    }

    @Override
    public NetworkClassifier fit(Tensor x, int[] y) {
        CheckArray.check(x, name, false);
        if (x.rows() != y.length) {
            throw new IllegalArgumentException("Found input variables with inconsistent numbers of samples: ["
                    + x.rows() + ", " + y.length + "]");
        }
        int[] sorted = Arrays.stream(y).distinct().sorted().toArray();
        int[] index = Arrays.stream(y).map(v -> Arrays.binarySearch(sorted, v)).toArray();
        Sequential net = factory.apply(x.cols()).seed(params.randomState());
        if (params.l2() > 0) {
            Regularizer l2 = new Regularizer(0, params.l2());
            for (Layer l : net.layers()) {
                if (l instanceof Dense d) {
                    d.kernelRegularizer(l2);
                } else if (l instanceof Conv2D c) {
                    c.kernelRegularizer(l2);
                }
            }
        }
        Map<String, Object> rate = new LinkedHashMap<>();
        rate.put("learning_rate", params.learningRateInit());
        net.compile(Optimizers.byName(params.optimizer(), rate), Loss.SPARSE_CATEGORICAL_CROSSENTROPY);
        net.build(x.cols());
        int outputs = net.outputShape()[net.outputShape().length - 1];
        if (outputs != sorted.length) {
            throw new IllegalArgumentException(name + " has " + outputs + " outputs but the labels have "
                    + sorted.length + " classes");
        }
        Fit fit = Fit.epochs(params.epochs()).batchSize(params.batchSize());
        LearningRateSchedule schedule = LearningRateSchedule.parse(params.lrSchedule(), params.learningRateInit(),
                params.epochs(), Math.max(1, fit.stepsPerEpoch(x.rows())));
        if (schedule != null) {
            fit = fit.callbacks(new LearningRateScheduler(schedule));
        }
        net.fit(x, index, fit);
        classes = sorted;
        features = x.cols();
        fitted = net;
        return this;
    }

    /** The fitted network. */
    public Sequential network() {
        requireFitted();
        return fitted;
    }

    @Override
    public int[] predict(Tensor x) {
        checkRows(x);
        return Arrays.stream(fitted.predictClasses(x)).map(i -> classes[i]).toArray();
    }

    @Override
    public double[][] predictProba(Tensor x) {
        checkRows(x);
        return fitted.predict(x).toDoubleMatrix();
    }

    /** Fitted, and rows of the fitted width with finite values, with scikit-learn's messages. */
    private void checkRows(Tensor x) {
        requireFitted();
        x.requireRank(2);
        if (x.cols() != features) {
            throw new IllegalArgumentException("X has " + x.cols() + " features, but " + name + " is expecting "
                    + features + " features as input.");
        }
        CheckArray.check(x, name, false);
    }

    @Override
    public int[] classes() {
        requireFitted();
        return classes.clone();
    }

    @Override
    public double score(Tensor x, int[] y) {
        int[] p = predict(x);
        int hits = 0;
        for (int i = 0; i < y.length; i++) {
            hits += p[i] == y[i] ? 1 : 0;
        }
        return (double) hits / y.length;
    }

    private void requireFitted() {
        if (fitted == null) {
            throw new IllegalStateException("This " + name + " instance is not fitted yet. Call 'fit' with appropriate"
                    + " arguments before using this estimator.");
        }
    }

    @Override
    public String toString() {
        return name + getParams();
    }
}
