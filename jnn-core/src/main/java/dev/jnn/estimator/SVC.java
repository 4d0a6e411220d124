package dev.jnn.estimator;

import dev.jnn.api.Classifier;
import dev.jnn.tensor.Tensor;
import libsvm.svm;
import libsvm.svm_model;
import libsvm.svm_node;

import java.util.Arrays;
import java.util.Map;

/**
 * scikit-learn's {@code SVC}: C-support-vector classification on LIBSVM's own Java port, the solver scikit-learn
 * wraps. The training rows go to LIBSVM stably sorted by class and gamma goes in already computed, as scikit-learn
 * does, so that an SVC fitted here has scikit-learn 1.2.1's support vectors, dual coefficients and intercepts, and
 * its decision values to about 1e-13. Several classes are handled one-vs-one, as in LIBSVM.
 *
 * <p>With {@code probability}, Platt scaling is fitted on 5 cross-validation folds that LIBSVM draws from its own
 * generator (seeded from {@code randomState}), not from numpy's, so {@code probA}, {@code probB} and
 * {@code predictProba} differ from scikit-learn's; the support vectors and decision values do not.
 */
public final class SVC implements Classifier {
    static final String NAME = "SVC";

    private SVCParams params;
    private ClassLabels classes;
    private SvcModel fitted;

    /** scikit-learn's defaults: rbf kernel, C = 1, gamma = scale. */
    public SVC() {
        this(SVCParams.DEFAULTS);
    }

    /** An SVC with the given (validated) parameters. */
    public SVC(SVCParams params) {
        validate(params);
        this.params = params;
    }

    private static void validate(SVCParams p) {
        SVCParams.TABLE.validate(p, NAME);
        p.checkGamma();
    }

    /** The hyperparameters. */
    public SVCParams params() {
        return params;
    }

    @Override
    public Map<String, Object> getParams() {
        return SVCParams.TABLE.toMap(params);
    }

    @Override
    public SVC setParams(Map<String, ?> changes) {
        SVCParams p = SVCParams.TABLE.with(params, changes, NAME);
        validate(p);
        params = p;
        return this;
    }

    @Override
    public SVC clone() {
        return new SVC(params);
    }

    @Override
    public SVC fit(Tensor x, int[] y) {
        return train(x, ClassLabels.of(y), y.length, () -> ClassLabels.of(y).encode(y));
    }

    /** Fits on string labels. */
    public SVC fit(Tensor x, String[] y) {
        return train(x, ClassLabels.of(y), y.length, () -> ClassLabels.of(y).encode(y));
    }

    private SVC train(Tensor x, ClassLabels labels, int n, java.util.function.Supplier<int[]> encode) {
        InputValidation.check(x, NAME);
        InputValidation.sameLength(x.rows(), n);
        if (labels.size() < 2) {
            throw new IllegalArgumentException("The number of classes has to be greater than one; got "
                    + labels.size() + " class");
        }
        int[] index = encode.get();
        double[] rows = x.toDoubleArray();
        int d = x.cols();
        Libsvm.checkMemory(rows, params.cacheSize());
        double gamma = params.gammaFor(rows, d);
        double[] cw = ClassWeights.of(params.classWeight(), labels, index);
        Libsvm.Trained t = Libsvm.train(rows, d, index, labels.size(), params, gamma, cw,
                Libsvm.seed(params.randomState()));
        SvcModel m = SvcModel.of(t, rows, d, gamma, cw);
        m.checkFinite();
        classes = labels;
        fitted = m;
        return this;
    }

    /**
     * scikit-learn's {@code decision_function}: rows × 1 for two classes (positive for {@code classes[1]}), else
     * rows × classes for {@code ovr} or rows × pairs (0 v 1, 0 v 2, …, 1 v 2, …) for {@code ovo}.
     */
    @Override
    public boolean hasDecisionFunction() {
        return true;
    }

    @Override
    public double[][] decisionFunction(Tensor x) {
        double[][] ovo = ovoDecision(x);
        int k = classes.size();
        if (k == 2 || params.decisionFunctionShape() == DecisionFunctionShape.OVO) {
            return ovo;
        }
        return DecisionFunctionShape.ovr(ovo, k);
    }

    /** LIBSVM's pairwise decision values, with the sign of a binary problem turned as scikit-learn turns it. */
    private double[][] ovoDecision(Tensor x) {
        svm_node[][] nodes = nodes(x);
        int k = classes.size();
        int pairs = k * (k - 1) / 2;
        double[][] out = new double[nodes.length][pairs];
        for (int r = 0; r < nodes.length; r++) {
            svm.svm_predict_values(fitted.model(), nodes[r], out[r]);
            if (k == 2) {
                out[r][0] = -out[r][0];
            }
        }
        return out;
    }

    /** The predicted class index of each row: LIBSVM's one-vs-one vote, or with {@code breakTies} the ovr argmax. */
    public int[] predictIndices(Tensor x) {
        requireFitted();
        int k = classes.size();
        if (params.breakTies() && params.decisionFunctionShape() == DecisionFunctionShape.OVO) {
            throw new IllegalArgumentException("break_ties must be False when decision_function_shape is 'ovo'");
        }
        if (params.breakTies() && k > 2) {
            double[][] s = DecisionFunctionShape.ovr(ovoDecision(x), k);
            int[] out = new int[s.length];
            for (int r = 0; r < s.length; r++) {
                int best = 0;
                for (int c = 1; c < k; c++) {
                    best = s[r][c] > s[r][best] ? c : best;
                }
                out[r] = best;
            }
            return out;
        }
        svm_node[][] nodes = nodes(x);
        int[] out = new int[nodes.length];
        for (int r = 0; r < nodes.length; r++) {
            out[r] = (int) svm.svm_predict(fitted.model(), nodes[r]);
        }
        return out;
    }

    @Override
    public int[] predict(Tensor x) {
        int[] cls = classes();
        return Arrays.stream(predictIndices(x)).map(i -> cls[i]).toArray();
    }

    /** The predicted labels as text. */
    public String[] predictNames(Tensor x) {
        String[] names = classNames();
        return Arrays.stream(predictIndices(x)).mapToObj(i -> names[i]).toArray(String[]::new);
    }

    /**
     * Class probabilities from LIBSVM's Platt scaling and pairwise coupling; needs {@code probability = true}.
     * They come from LIBSVM's folds, not scikit-learn's (see the class comment).
     */
    @Override
    public double[][] predictProba(Tensor x) {
        requireFitted();
        if (!params.probability() || fitted.model().probA == null) {
            throw new IllegalStateException("predict_proba is not available when probability=False");
        }
        svm_node[][] nodes = nodes(x);
        double[][] out = new double[nodes.length][classes.size()];
        for (int r = 0; r < nodes.length; r++) {
            svm.svm_predict_probability(fitted.model(), nodes[r], out[r]);
        }
        return out;
    }

    private svm_node[][] nodes(Tensor x) {
        requireFitted();
        InputValidation.check(x, NAME);
        if (x.cols() != fitted.features()) {
            throw new IllegalArgumentException("X has " + x.cols() + " features, but SVC is expecting "
                    + fitted.features() + " features as input.");
        }
        double[] rows = x.toDoubleArray();
        svm_node[][] out = new svm_node[x.rows()][];
        for (int r = 0; r < out.length; r++) {
            out[r] = Libsvm.row(rows, r, x.cols());
        }
        return out;
    }

    @Override
    public double score(Tensor x, int[] y) {
        InputValidation.sameLength(x.rows(), y.length);
        return ClassifierOutputs.accuracy(predict(x), y);
    }

    @Override
    public int[] classes() {
        requireFitted();
        return classes.ints();
    }

    /** The class labels as text. */
    public String[] classNames() {
        requireFitted();
        return classes.names();
    }

    ClassLabels classLabels() {
        requireFitted();
        return classes;
    }

    /** Sets the fitted model of one read back from a file ({@link SVCState#restore}). */
    void restoreFitted(ClassLabels labels, SvcModel model) {
        this.classes = labels;
        this.fitted = model;
    }

    private SvcModel model() {
        requireFitted();
        return fitted;
    }

    /** {@code probA_}, {@code probB_}: the Platt-scaling slopes and offsets of each pair (empty without probability). */
    public double[][] probAB() {
        SvcModel m = model();
        return new double[][] {m.probA(), m.probB()};
    }

    /** {@code _gamma}: the kernel coefficient this fit used (gamma's number, or what scale or auto gave). */
    public double fittedGamma() {
        return model().gamma();
    }

    /** {@code class_weight_}: the weight of each class that multiplied C. */
    public double[] classWeight() {
        return model().classWeight();
    }

    /** {@code n_features_in_}: the features per row the fit saw. */
    public int nFeaturesIn() {
        return model().features();
    }

    /** {@code support_}: the training row of each support vector, grouped by class. */
    public int[] support() {
        return model().support();
    }

    /** {@code support_vectors_}. */
    public double[][] supportVectors() {
        return model().supportVectors();
    }

    /** {@code n_support_}: the support vectors of each class. */
    public int[] nSupport() {
        return model().nSupport();
    }

    /** {@code dual_coef_}: (classes − 1) × support vectors, the sign turned for two classes as in scikit-learn. */
    public double[][] dualCoef() {
        return model().dualCoef(classes.size() == 2);
    }

    /** {@code intercept_}: one per pair, the sign turned for two classes as in scikit-learn. */
    public double[] intercept() {
        return model().intercept(classes.size() == 2);
    }

    /** {@code n_iter_}: LIBSVM's solver iterations for each pair of classes. */
    public int[] nIter() {
        return model().nIter();
    }

    /** {@code coef_} of a linear kernel: pairs × features, w = Σ dual coefficient · support vector. */
    public double[][] coef() {
        if (params.kernel() != SvmKernel.LINEAR) {
            throw new IllegalStateException("coef_ is only available when using a linear kernel");
        }
        return model().coef(classes.size() == 2);
    }

    /** The margin 2/‖w‖ of a linear two-class SVC: the width of the street between the classes. */
    public double margin() {
        if (classes != null && classes.size() != 2) {
            throw new IllegalStateException("margin() is defined for two classes; this SVC has " + classes.size());
        }
        double[] w = coef()[0];
        double s = 0;
        for (double v : w) {
            s += v * v;
        }
        return 2 / Math.sqrt(s);
    }

    private void requireFitted() {
        if (fitted == null) {
            throw new IllegalStateException("This SVC instance is not fitted yet. Call 'fit' with appropriate"
                    + " arguments before using this estimator.");
        }
    }

    /** scikit-learn's repr: the name and the parameters that differ from the defaults. */
    @Override
    public String toString() {
        return SVCParams.TABLE.repr(NAME, params);
    }
}
