package dev.jnn.estimator;

import dev.jnn.api.Param;
import dev.jnn.api.ParamTable;

/**
 * The hyperparameters of {@link SVC}, scikit-learn's names in camelCase, each declared once with its default,
 * constraint and doc. {@code gamma} is {@code scale}, {@code auto} or a number written as text. scikit-learn's
 * {@code max_iter} is absent: LIBSVM's Java port fixes its own cap of max(10⁷, 100·n) solver iterations and takes
 * none, so a limit could not be honoured.
 */
public record SVCParams(
        @Param(value = "1.0", name = "C", range = "(0, inf)", doc = "Penalty of a margin violation (inverse regularisation).")
        double c,
        @Param(value = "rbf", doc = "The kernel: linear, poly, rbf or sigmoid.")
        SvmKernel kernel,
        @Param(value = "3", range = "[0, inf)", doc = "Degree of the poly kernel.")
        int degree,
        @Param(value = "scale", label = "scale|auto|X",
                says = "a str among {'auto', 'scale'} or a float in the range [0.0, inf)",
                doc = "Kernel coefficient: scale = 1/(n_features·X.var()), auto = 1/n_features, or a number.")
        String gamma,
        @Param(value = "0.0", name = "coef0", doc = "Independent term of the poly and sigmoid kernels.")
        double coef0,
        @Param(value = "true", doc = "Use LIBSVM's shrinking heuristic.")
        boolean shrinking,
        @Param(value = "false", doc = "Fit Platt scaling by 5-fold cross-validation, for predict_proba.")
        boolean probability,
        @Param(value = "0.001", range = "(0, inf)", doc = "Tolerance of the stopping criterion.")
        double tol,
        @Param(value = "200", range = "(0, inf)", doc = "Kernel cache size in MB.")
        double cacheSize,
        @Param(value = "None", none = "None", label = "balanced|LABEL:W,...",
                doc = "Class weights that scale C: balanced, or label:weight pairs (others weigh 1).")
        String classWeight,
        @Param(value = "ovr", doc = "decision_function's columns: ovr (one per class) or ovo (one per pair).")
        DecisionFunctionShape decisionFunctionShape,
        @Param(value = "false", doc = "Predict by the ovr decision function's argmax instead of the votes.")
        boolean breakTies,
        @Param(value = "None", range = "[0, 4294967295]", none = "None",
                says = "an int in the range [0, 4294967295], an instance of 'numpy.random.mtrand.RandomState' or None",
                doc = "Seed of the probability folds (LIBSVM's generator, not numpy's).")
        Long randomState) {

    /** The table of these parameters. */
    public static final ParamTable<SVCParams> TABLE = ParamTable.of(SVCParams.class);

    /** scikit-learn's defaults. */
    public static final SVCParams DEFAULTS = TABLE.defaults();

    /** The parameters of {@code SVC(kernel=kernel, C=c)}, others at their defaults. */
    public static SVCParams of(SvmKernel kernel, double c) {
        return new SVCParams(c, kernel, DEFAULTS.degree(), DEFAULTS.gamma(), DEFAULTS.coef0(), DEFAULTS.shrinking(),
                DEFAULTS.probability(), DEFAULTS.tol(), DEFAULTS.cacheSize(), DEFAULTS.classWeight(),
                DEFAULTS.decisionFunctionShape(), DEFAULTS.breakTies(), DEFAULTS.randomState());
    }

    /** The gamma of {@code gamma}'s text for these training rows (row-major, {@code d} columns). */
    double gammaFor(double[] rows, int d) {
        return switch (gamma) {
            case "scale" -> {
                double var = dev.jnn.util.NumpySum.variance(rows);
                yield var != 0 ? 1.0 / (d * var) : 1.0;
            }
            case "auto" -> 1.0 / d;
            default -> Double.parseDouble(gamma);
        };
    }

    /** Fails with scikit-learn's message when gamma is neither scale, auto nor a number ≥ 0. */
    void checkGamma() {
        if (gamma.equals("scale") || gamma.equals("auto")) {
            return;
        }
        double g;
        try {
            g = Double.parseDouble(gamma);
        } catch (NumberFormatException e) {
            g = Double.NaN;
        }
        if (!(g >= 0) || Double.isInfinite(g)) {
            throw new IllegalArgumentException("The 'gamma' parameter of SVC must be " + TABLE.spec("gamma").constraint()
                    + ". Got '" + gamma + "' instead.");
        }
    }
}
