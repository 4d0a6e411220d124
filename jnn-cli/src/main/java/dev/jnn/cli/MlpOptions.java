package dev.jnn.cli;

import picocli.CommandLine.Option;

import java.util.Map;
import java.util.TreeMap;

/** Every MLP parameter as a kebab-case option; only the options given reach the estimator's {@code setParams}. */
final class MlpOptions {
    @Option(names = "--hidden-layer-sizes", paramLabel = "N[,N...]", description = "Units per hidden layer, e.g. 100,50.")
    String hiddenLayerSizes;
    @Option(names = "--activation", paramLabel = "identity|logistic|tanh|relu", description = "Hidden activation (relu).")
    String activation;
    @Option(names = "--solver", paramLabel = "lbfgs|sgd|adam", description = "Weight optimiser (adam).")
    String solver;
    @Option(names = "--alpha", description = "L2 penalty (0.0001).")
    Double alpha;
    @Option(names = "--batch-size", paramLabel = "N|auto", description = "Minibatch size; auto = min(200, n).")
    String batchSize;
    @Option(names = "--learning-rate", paramLabel = "constant|invscaling|adaptive", description = "sgd schedule (constant).")
    String learningRate;
    @Option(names = "--learning-rate-init", description = "Initial step size (0.001).")
    Double learningRateInit;
    @Option(names = "--power-t", description = "invscaling exponent (0.5).")
    Double powerT;
    @Option(names = "--max-iter", description = "Epochs, or lbfgs iterations (200).")
    Integer maxIter;
    @Option(names = "--shuffle", negatable = true, description = "Shuffle every epoch (default) or not.")
    Boolean shuffle;
    @Option(names = "--random-state", description = "Seed of the weights, shuffles and validation split.")
    Long randomState;
    @Option(names = "--tol", description = "Stopping tolerance (0.0001).")
    Double tol;
    @Option(names = "--momentum", description = "sgd momentum (0.9).")
    Double momentum;
    @Option(names = "--nesterovs-momentum", negatable = true, description = "Nesterov's momentum (on).")
    Boolean nesterovsMomentum;
    @Option(names = "--early-stopping", negatable = true, description = "Stop on a validation score.")
    Boolean earlyStopping;
    @Option(names = "--validation-fraction", description = "Held-out share for early stopping (0.1).")
    Double validationFraction;
    @Option(names = "--beta-1", description = "Adam β₁ (0.9).")
    Double beta1;
    @Option(names = "--beta-2", description = "Adam β₂ (0.999).")
    Double beta2;
    @Option(names = "--epsilon", description = "Adam ε (1e-8).")
    Double epsilon;
    @Option(names = "--n-iter-no-change", paramLabel = "N|inf", description = "Stagnant epochs allowed (10).")
    String nIterNoChange;
    @Option(names = "--max-fun", description = "lbfgs evaluation limit (15000).")
    Integer maxFun;

    /** The options given, under scikit-learn's names. */
    Map<String, Object> params() {
        Map<String, Object> m = new TreeMap<>();
        put(m, "hidden_layer_sizes", hiddenLayerSizes);
        put(m, "activation", activation);
        put(m, "solver", solver);
        put(m, "alpha", alpha);
        put(m, "batch_size", batchSize);
        put(m, "learning_rate", learningRate);
        put(m, "learning_rate_init", learningRateInit);
        put(m, "power_t", powerT);
        put(m, "max_iter", maxIter);
        put(m, "shuffle", shuffle);
        put(m, "random_state", randomState);
        put(m, "tol", tol);
        put(m, "momentum", momentum);
        put(m, "nesterovs_momentum", nesterovsMomentum);
        put(m, "early_stopping", earlyStopping);
        put(m, "validation_fraction", validationFraction);
        put(m, "beta_1", beta1);
        put(m, "beta_2", beta2);
        put(m, "epsilon", epsilon);
        put(m, "n_iter_no_change", nIterNoChange);
        put(m, "max_fun", maxFun);
        return m;
    }

    private static void put(Map<String, Object> m, String name, Object value) {
        if (value != null) {
            m.put(name, value);
        }
    }
}
