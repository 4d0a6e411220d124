package dev.jnn.estimator;

import dev.jnn.api.Param;
import dev.jnn.api.ParamTable;
import dev.jnn.nn.Activation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The hyperparameters of {@link MLPClassifier} and {@link MLPRegressor}, immutable, with scikit-learn's names (in
 * camelCase), defaults and constraints (spec §1). Each component declares its parameter once, with its default,
 * constraint and doc ({@link Param}); {@link #TABLE} reads them for validation, {@code get_params}/{@code set_params}
 * and the command line's options.
 */
public record MLPParams(
        @Param(value = "100", range = "(0, inf)", says = "> 0", label = "N[,N...]",
                doc = "Units of each hidden layer, e.g. 100,50; empty for none.")
        int[] hiddenLayerSizes,
        @Param(value = "relu", choices = {"identity", "logistic", "tanh", "relu"}, doc = "Activation of the hidden layers.")
        Activation activation,
        @Param(value = "adam", doc = "Weight optimiser: lbfgs (full batch), sgd or adam (minibatches).")
        Solver solver,
        @Param(value = "0.0001", range = "[0, inf)", doc = "Strength of the L2 penalty.")
        double alpha,
        @Param(value = "auto", range = "[1, inf)", none = "auto", doc = "Minibatch size; auto is min(200, n_samples).")
        Integer batchSize,
        @Param(value = "constant", doc = "Learning-rate schedule of sgd.")
        LearningRate learningRate,
        @Param(value = "0.001", range = "(0, inf)", doc = "Initial step size of sgd and adam.")
        double learningRateInit,
        @Param(value = "0.5", range = "[0, inf)", doc = "Exponent of the invscaling schedule.")
        double powerT,
        @Param(value = "200", range = "[1, inf)", doc = "Epochs of sgd and adam, or iterations of lbfgs.")
        int maxIter,
        @Param(value = "true", doc = "Shuffle the samples in every epoch (sgd, adam).")
        boolean shuffle,
        @Param(value = "None", range = "[0, 4294967295]", none = "None",
                says = "an int in the range [0, 4294967295], an instance of 'numpy.random.mtrand.RandomState' or None",
                doc = "Seed of the weights, the shuffles and the validation split; none draws a fresh one.")
        Long randomState,
        @Param(value = "0.0001", range = "[0, inf)", doc = "Tolerance of the stopping rules.")
        double tol,
        @Param(value = "false", doc = "Report the loss of every iteration.")
        boolean verbose,
        @Param(value = "false", doc = "Continue from the previous fit's weights.")
        boolean warmStart,
        @Param(value = "0.9", range = "[0, 1]", doc = "Momentum of sgd.")
        double momentum,
        @Param(value = "true", doc = "Use Nesterov's momentum (sgd with momentum > 0).")
        boolean nesterovsMomentum,
        @Param(value = "false", doc = "Stop when the score on a held-out validation share stops improving.")
        boolean earlyStopping,
        @Param(value = "0.1", range = "[0, 1)", doc = "Share of the training data held out for early stopping.")
        double validationFraction,
        @Param(value = "0.9", range = "[0, 1)", doc = "Decay of adam's first-moment estimates.")
        double beta1,
        @Param(value = "0.999", range = "[0, 1)", doc = "Decay of adam's second-moment estimates.")
        double beta2,
        @Param(value = "1e-08", range = "(0, inf)", doc = "Adam's numerical-stability term.")
        double epsilon,
        @Param(value = "10", range = "[1, inf)", wholeOrInf = true,
                doc = "Epochs without an improvement of tol before stopping (sgd, adam).")
        double nIterNoChange,
        @Param(value = "15000", range = "[1, inf)", doc = "Limit of loss-function evaluations of lbfgs.")
        int maxFun) {

    /** The table of these parameters. */
    public static final ParamTable<MLPParams> TABLE = ParamTable.of(MLPParams.class);

    /** scikit-learn's defaults. */
    public static final MLPParams DEFAULTS = TABLE.defaults();

    public MLPParams {
        hiddenLayerSizes = hiddenLayerSizes.clone();
    }

    @Override
    public int[] hiddenLayerSizes() {
        return hiddenLayerSizes.clone();
    }

    /** Every value, as Python prints {@code get_params()}. */
    @Override
    public String toString() {
        return "MLPParams" + TABLE.toMap(this);
    }

    /** Checks every parameter, raising scikit-learn's message for the first one out of its constraint. */
    public void validate(String owner) {
        if (activation == Activation.STEP) {
            throw stepRefused(owner);
        }
        TABLE.validate(this, owner);
    }

    /** scikit-learn's message for {@code activation='step'}, and why jnn does not train through a step unit. */
    static IllegalArgumentException stepRefused(String owner) {
        return new IllegalArgumentException("The 'activation' parameter of " + owner + " must be "
                + TABLE.spec("activation").constraint() + ". Got 'step' instead: " + Activation.STEP_HAS_NO_GRADIENT
                + ".");
    }

    /** A builder that starts from these values and hands the validated result to {@code factory}. */
    public <E> Builder<E> toBuilder(String owner, Function<MLPParams, E> factory) {
        return new Builder<>(this, owner, factory);
    }

    /** Typed setters over {@link #TABLE}; {@link #build()} validates as {@code set_params} does. */
    public static final class Builder<E> {
        private final Map<String, Object> values;
        private final String owner;
        private final Function<MLPParams, E> factory;

        Builder(MLPParams p, String owner, Function<MLPParams, E> factory) {
            this.values = new LinkedHashMap<>(TABLE.values(p));
            this.owner = owner;
            this.factory = factory;
        }

        private Builder<E> set(String name, Object value) {
            values.put(name, value);
            return this;
        }

        // One typed setter per parameter; the table above declares and documents each.
        public Builder<E> hiddenLayerSizes(int... v) { return set("hidden_layer_sizes", v.clone()); }
        public Builder<E> activation(Activation v) { return set("activation", v); }
        public Builder<E> solver(Solver v) { return set("solver", v); }
        public Builder<E> alpha(double v) { return set("alpha", v); }
        public Builder<E> batchSize(Integer v) { return set("batch_size", v); }
        public Builder<E> learningRate(LearningRate v) { return set("learning_rate", v); }
        public Builder<E> learningRateInit(double v) { return set("learning_rate_init", v); }
        public Builder<E> powerT(double v) { return set("power_t", v); }
        public Builder<E> maxIter(int v) { return set("max_iter", v); }
        public Builder<E> shuffle(boolean v) { return set("shuffle", v); }
        public Builder<E> randomState(Long v) { return set("random_state", v); }
        public Builder<E> randomState(long v) { return set("random_state", v); }
        public Builder<E> tol(double v) { return set("tol", v); }
        public Builder<E> verbose(boolean v) { return set("verbose", v); }
        public Builder<E> warmStart(boolean v) { return set("warm_start", v); }
        public Builder<E> momentum(double v) { return set("momentum", v); }
        public Builder<E> nesterovsMomentum(boolean v) { return set("nesterovs_momentum", v); }
        public Builder<E> earlyStopping(boolean v) { return set("early_stopping", v); }
        public Builder<E> validationFraction(double v) { return set("validation_fraction", v); }
        public Builder<E> beta1(double v) { return set("beta_1", v); }
        public Builder<E> beta2(double v) { return set("beta_2", v); }
        public Builder<E> epsilon(double v) { return set("epsilon", v); }
        public Builder<E> nIterNoChange(double v) { return set("n_iter_no_change", v); }
        public Builder<E> maxFun(int v) { return set("max_fun", v); }

        /** The parameters set so far, unvalidated. */
        public MLPParams params() {
            return TABLE.construct(values);
        }

        /** Validates the parameters and builds the estimator. */
        public E build() {
            MLPParams p = params();
            p.validate(owner);
            return factory.apply(p);
        }
    }
}
