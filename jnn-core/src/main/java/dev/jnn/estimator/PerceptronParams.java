package dev.jnn.estimator;

import dev.jnn.api.Param;
import dev.jnn.api.ParamTable;

/**
 * The hyperparameters of {@link Perceptron}, scikit-learn's names in camelCase, each declared once with its
 * default, constraint and doc (spec §3.1). {@code random_state} defaults to 0, as scikit-learn's does.
 */
public record PerceptronParams(
        @Param(value = "None", none = "None", doc = "Weight penalty: none, l2, l1 or elasticnet.")
        Penalty penalty,
        @Param(value = "0.0001", range = "[0, inf)", doc = "Strength of the penalty.")
        double alpha,
        @Param(value = "0.15", range = "[0, 1]", name = "l1_ratio", doc = "The L1 share of elasticnet.")
        double l1Ratio,
        @Param(value = "true", doc = "Learn an intercept.")
        boolean fitIntercept,
        @Param(value = "1000", range = "[1, inf)", doc = "Passes over the training data (fit).")
        int maxIter,
        @Param(value = "0.001", range = "[0, inf)", none = "None", doc = "Stopping tolerance; none never stops early.")
        Double tol,
        @Param(value = "true", doc = "Shuffle the samples in every epoch.")
        boolean shuffle,
        @Param(value = "1.0", range = "[0, inf)", name = "eta0", doc = "The constant learning rate (> 0 to fit).")
        double eta0,
        @Param(value = "0", range = "[0, 4294967295]", none = "None",
                says = "an int in the range [0, 4294967295], an instance of 'numpy.random.mtrand.RandomState' or None",
                doc = "Seed of the shuffles and the validation split.")
        Long randomState,
        @Param(value = "false", doc = "Stop when the score on a held-out share stops improving.")
        boolean earlyStopping,
        @Param(value = "0.1", range = "(0, 1)", doc = "Share of the training data held out for early stopping.")
        double validationFraction,
        @Param(value = "5", range = "[1, inf)", doc = "Epochs without an improvement of tol before stopping.")
        int nIterNoChange,
        @Param(value = "None", none = "None", label = "balanced|LABEL:W,...",
                doc = "Class weights: balanced, or label:weight pairs (others weigh 1).")
        String classWeight,
        @Param(value = "false", doc = "Continue from the previous fit's coefficients.")
        boolean warmStart) {

    /** The table of these parameters. */
    public static final ParamTable<PerceptronParams> TABLE = ParamTable.of(PerceptronParams.class);

    /** scikit-learn's defaults. */
    public static final PerceptronParams DEFAULTS = TABLE.defaults();
}
