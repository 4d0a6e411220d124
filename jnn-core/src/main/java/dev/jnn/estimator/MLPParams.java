package dev.jnn.estimator;

import dev.jnn.nn.Activation;
import dev.jnn.util.PyFormat;

import java.util.function.Function;

/**
 * The hyperparameters of {@link MLPClassifier} and {@link MLPRegressor}, immutable, with scikit-learn's names (in
 * camelCase), defaults and rules (spec §1). {@link #validate(String)} raises scikit-learn's messages.
 *
 * @param hiddenLayerSizes   units per hidden layer; may be empty (no hidden layer)
 * @param activation         hidden activation: identity, logistic, tanh or relu
 * @param solver             lbfgs, sgd or adam
 * @param alpha              L2 penalty, >= 0
 * @param batchSize          minibatch size, or null for "auto" (min(200, n))
 * @param learningRate       sgd schedule
 * @param learningRateInit   initial step size, > 0
 * @param powerT             exponent of the invscaling schedule, >= 0
 * @param maxIter            epochs (sgd, adam) or iterations (lbfgs), >= 1
 * @param shuffle            reshuffle the samples every epoch
 * @param randomState        seed of numpy's legacy generator, in [0, 2³²−1], or null for a fresh random seed
 * @param tol                tolerance of the stopping rules, >= 0
 * @param verbose            report every iteration
 * @param warmStart          continue from the previous fit's weights
 * @param momentum           sgd momentum in [0, 1]
 * @param nesterovsMomentum  use Nesterov's momentum
 * @param earlyStopping      stop on a held-out validation score
 * @param validationFraction held-out share for early stopping, in [0, 1)
 * @param beta1              Adam's first-moment decay in [0, 1)
 * @param beta2              Adam's second-moment decay in [0, 1)
 * @param epsilon            Adam's ε, > 0
 * @param nIterNoChange      stagnant epochs allowed, an int >= 1 or +∞
 * @param maxFun             lbfgs function-evaluation limit, >= 1
 */
public record MLPParams(int[] hiddenLayerSizes, Activation activation, Solver solver, double alpha, Integer batchSize,
                        LearningRate learningRate, double learningRateInit, double powerT, int maxIter,
                        boolean shuffle, Long randomState, double tol, boolean verbose, boolean warmStart,
                        double momentum, boolean nesterovsMomentum, boolean earlyStopping, double validationFraction,
                        double beta1, double beta2, double epsilon, double nIterNoChange, int maxFun) {

    /** scikit-learn's defaults. */
    public static final MLPParams DEFAULTS = new MLPParams(new int[] {100}, Activation.RELU, Solver.ADAM, 1e-4, null,
            LearningRate.CONSTANT, 1e-3, 0.5, 200, true, null, 1e-4, false, false, 0.9, true, false, 0.1, 0.9, 0.999,
            1e-8, 10, 15000);

    public MLPParams {
        hiddenLayerSizes = hiddenLayerSizes.clone();
    }

    @Override
    public int[] hiddenLayerSizes() {
        return hiddenLayerSizes.clone();
    }

    /** Whether scikit-learn accepts {@code a} as a hidden activation: identity, logistic, tanh or relu. */
    static boolean isHiddenActivation(Activation a) {
        return a == Activation.IDENTITY || a == Activation.LOGISTIC || a == Activation.TANH || a == Activation.RELU;
    }

    /** Throws scikit-learn's {@code InvalidParameterError} message (as an IllegalArgumentException) for a bad value. */
    public void validate(String owner) {
        for (int h : hiddenLayerSizes) {
            if (h <= 0) {
                throw new IllegalArgumentException("hidden_layer_sizes must be > 0, got " + PyFormat.list(hiddenLayerSizes) + ".");
            }
        }
        if (!isHiddenActivation(activation)) {
            throw bad(owner, "activation", "a str among {'identity', 'logistic', 'relu', 'tanh'}",
                    activation == null ? "None" : PyFormat.quote(activation.pythonName()));
        }
        if (solver == null) {
            throw bad(owner, "solver", "a str among {'adam', 'lbfgs', 'sgd'}", "None");
        }
        if (learningRate == null) {
            throw bad(owner, "learning_rate", "a str among {'adaptive', 'constant', 'invscaling'}", "None");
        }
        atLeast(owner, "alpha", alpha, 0);
        if (batchSize != null && batchSize < 1) {
            throw bad(owner, "batch_size", "a str among {'auto'} or an int in the range [1, inf)", batchSize.toString());
        }
        above(owner, "learning_rate_init", learningRateInit);
        atLeast(owner, "power_t", powerT, 0);
        intAtLeastOne(owner, "max_iter", maxIter);
        if (randomState != null && (randomState < 0 || randomState > 0xFFFFFFFFL)) {
            throw bad(owner, "random_state", "an int in the range [0, 4294967295], an instance of "
                    + "'numpy.random.mtrand.RandomState' or None", randomState.toString());
        }
        atLeast(owner, "tol", tol, 0);
        if (!(momentum >= 0 && momentum <= 1)) {
            throw bad(owner, "momentum", "a float in the range [0, 1]", PyFormat.repr(momentum));
        }
        unitOpen(owner, "validation_fraction", validationFraction);
        unitOpen(owner, "beta_1", beta1);
        unitOpen(owner, "beta_2", beta2);
        above(owner, "epsilon", epsilon);
        boolean intIterations = nIterNoChange >= 1 && nIterNoChange == Math.rint(nIterNoChange);
        if (!(intIterations || nIterNoChange == Double.POSITIVE_INFINITY)) {
            throw bad(owner, "n_iter_no_change", "an int in the range [1, inf) or a float among {inf}",
                    PyFormat.repr(nIterNoChange));
        }
        intAtLeastOne(owner, "max_fun", maxFun);
    }

    private static void atLeast(String owner, String name, double v, double lo) {
        if (!(v >= lo)) {
            throw bad(owner, name, "a float in the range [0, inf)", PyFormat.repr(v));
        }
    }

    private static void above(String owner, String name, double v) {
        if (!(v > 0) || v == Double.POSITIVE_INFINITY) {
            throw bad(owner, name, "a float in the range (0, inf)", PyFormat.repr(v));
        }
    }

    private static void unitOpen(String owner, String name, double v) {
        if (!(v >= 0 && v < 1)) {
            throw bad(owner, name, "a float in the range [0, 1)", PyFormat.repr(v));
        }
    }

    private static void intAtLeastOne(String owner, String name, int v) {
        if (v < 1) {
            throw bad(owner, name, "an int in the range [1, inf)", Integer.toString(v));
        }
    }

    private static IllegalArgumentException bad(String owner, String name, String constraint, String got) {
        return new IllegalArgumentException("The '" + name + "' parameter of " + owner + " must be " + constraint
                + ". Got " + got + " instead.");
    }

    /** A builder starting from these values that hands the validated result to {@code factory}. */
    public <E> Builder<E> toBuilder(String owner, Function<MLPParams, E> factory) {
        return new Builder<>(this, owner, factory);
    }

    /**
     * Sets parameters one by one; {@link #build()} validates (with the owning estimator's name in messages) and
     * creates the estimator.
     *
     * @param <E> the estimator built
     */
    public static final class Builder<E> {
        private int[] hiddenLayerSizes;
        private Activation activation;
        private Solver solver;
        private double alpha;
        private Integer batchSize;
        private LearningRate learningRate;
        private double learningRateInit;
        private double powerT;
        private int maxIter;
        private boolean shuffle;
        private Long randomState;
        private double tol;
        private boolean verbose;
        private boolean warmStart;
        private double momentum;
        private boolean nesterovsMomentum;
        private boolean earlyStopping;
        private double validationFraction;
        private double beta1;
        private double beta2;
        private double epsilon;
        private double nIterNoChange;
        private int maxFun;
        private final String owner;
        private final Function<MLPParams, E> factory;

        Builder(MLPParams p, String owner, Function<MLPParams, E> factory) {
            this.owner = owner;
            this.factory = factory;
            hiddenLayerSizes = p.hiddenLayerSizes;
            activation = p.activation;
            solver = p.solver;
            alpha = p.alpha;
            batchSize = p.batchSize;
            learningRate = p.learningRate;
            learningRateInit = p.learningRateInit;
            powerT = p.powerT;
            maxIter = p.maxIter;
            shuffle = p.shuffle;
            randomState = p.randomState;
            tol = p.tol;
            verbose = p.verbose;
            warmStart = p.warmStart;
            momentum = p.momentum;
            nesterovsMomentum = p.nesterovsMomentum;
            earlyStopping = p.earlyStopping;
            validationFraction = p.validationFraction;
            beta1 = p.beta1;
            beta2 = p.beta2;
            epsilon = p.epsilon;
            nIterNoChange = p.nIterNoChange;
            maxFun = p.maxFun;
        }

        // One setter per parameter; the record components above document each.
        public Builder<E> hiddenLayerSizes(int... v) { hiddenLayerSizes = v.clone(); return this; }
        public Builder<E> activation(Activation v) { activation = v; return this; }
        public Builder<E> solver(Solver v) { solver = v; return this; }
        public Builder<E> alpha(double v) { alpha = v; return this; }
        /** A fixed minibatch size; {@code null} means "auto". */
        public Builder<E> batchSize(Integer v) { batchSize = v; return this; }
        public Builder<E> learningRate(LearningRate v) { learningRate = v; return this; }
        public Builder<E> learningRateInit(double v) { learningRateInit = v; return this; }
        public Builder<E> powerT(double v) { powerT = v; return this; }
        public Builder<E> maxIter(int v) { maxIter = v; return this; }
        public Builder<E> shuffle(boolean v) { shuffle = v; return this; }
        /** A seed in [0, 2³²−1]; {@code null} draws a fresh one on every fit. */
        public Builder<E> randomState(Long v) { randomState = v; return this; }
        public Builder<E> randomState(long v) { randomState = v; return this; }
        public Builder<E> tol(double v) { tol = v; return this; }
        public Builder<E> verbose(boolean v) { verbose = v; return this; }
        public Builder<E> warmStart(boolean v) { warmStart = v; return this; }
        public Builder<E> momentum(double v) { momentum = v; return this; }
        public Builder<E> nesterovsMomentum(boolean v) { nesterovsMomentum = v; return this; }
        public Builder<E> earlyStopping(boolean v) { earlyStopping = v; return this; }
        public Builder<E> validationFraction(double v) { validationFraction = v; return this; }
        public Builder<E> beta1(double v) { beta1 = v; return this; }
        public Builder<E> beta2(double v) { beta2 = v; return this; }
        public Builder<E> epsilon(double v) { epsilon = v; return this; }
        /** Stagnant epochs allowed: an integer >= 1, or {@code Double.POSITIVE_INFINITY} to never stop on them. */
        public Builder<E> nIterNoChange(double v) { nIterNoChange = v; return this; }
        public Builder<E> maxFun(int v) { maxFun = v; return this; }

        /** The parameters as set, without validation. */
        public MLPParams params() {
            return new MLPParams(hiddenLayerSizes, activation, solver, alpha, batchSize, learningRate,
                    learningRateInit, powerT, maxIter, shuffle, randomState, tol, verbose, warmStart, momentum,
                    nesterovsMomentum, earlyStopping, validationFraction, beta1, beta2, epsilon, nIterNoChange, maxFun);
        }

        /** Validates the parameters and creates the estimator. */
        public E build() {
            MLPParams p = params();
            p.validate(owner);
            return factory.apply(p);
        }
    }
}
