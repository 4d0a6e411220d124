package dev.jnn.estimator;

import dev.jnn.api.Classifier;
import dev.jnn.data.TrainTestSplit;
import dev.jnn.tensor.Rng;
import dev.jnn.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * scikit-learn's {@code Perceptron} (spec §3): the SGD linear classifier with the perceptron loss and a constant
 * learning rate, one-vs-all over several classes, with scikit-learn's parameters, stopping rules, fitted attributes
 * and, for an integer {@code randomState}, its numbers. Not thread-safe.
 */
public final class Perceptron implements Classifier {
    static final String NAME = "Perceptron";
    private static final long MAX_INT = Integer.MAX_VALUE;

    private PerceptronParams params;
    private ClassLabels classes;
    private double[][] coef;
    private double[] intercept;
    private int nIter;
    private double t = 1;
    private final List<String> warnings = new ArrayList<>();

    /** scikit-learn's defaults. */
    public Perceptron() {
        this(PerceptronParams.DEFAULTS);
    }

    /** A perceptron with the given (validated) parameters. */
    public Perceptron(PerceptronParams params) {
        PerceptronParams.TABLE.validate(params, NAME);
        this.params = params;
    }

    /** The hyperparameters. */
    public PerceptronParams params() {
        return params;
    }

    @Override
    public Map<String, Object> getParams() {
        return PerceptronParams.TABLE.toMap(params);
    }

    @Override
    public Perceptron setParams(Map<String, ?> changes) {
        PerceptronParams p = PerceptronParams.TABLE.with(params, changes, NAME);
        PerceptronParams.TABLE.validate(p, NAME);
        params = p;
        return this;
    }

    @Override
    public Perceptron clone() {
        return new Perceptron(params);
    }

    @Override
    public Perceptron fit(Tensor x, int[] y) {
        return train(x, ClassLabels.of(y), ClassLabels.of(y).encode(y), params.maxIter(), false);
    }

    /** Fits on string labels. */
    public Perceptron fit(Tensor x, String[] y) {
        return train(x, ClassLabels.of(y), ClassLabels.of(y).encode(y), params.maxIter(), false);
    }

    /** One epoch from the current coefficients; {@code classes} (all of them) is required on the first call. */
    public Perceptron partialFit(Tensor x, int[] y, int[] allClasses) {
        if (params.earlyStopping()) {
            throw new IllegalArgumentException("early_stopping should be False with partial_fit");
        }
        if ("balanced".equals(params.classWeight())) {
            throw new IllegalArgumentException("class_weight 'balanced' is not supported for partial_fit.");
        }
        if (classes == null) {
            if (allClasses == null) {
                throw new IllegalArgumentException("classes must be passed on the first call to partial_fit.");
            }
            classes = ClassLabels.of(allClasses);
        }
        if (!classes.contains(ClassLabels.of(y))) {
            throw new IllegalArgumentException("classes should include all valid labels that can be in y");
        }
        return train(x, classes, classes.encode(y), 1, true);
    }

    private Perceptron train(Tensor x, ClassLabels labels, int[] index, int maxIter, boolean incremental) {
        InputValidation.check(x, NAME);
        InputValidation.sameLength(x.rows(), index.length);
        if (!(params.eta0() > 0)) {
            throw new IllegalArgumentException("eta0 must be > 0");
        }
        int k = labels.size();
        if (k < 2) {
            throw new IllegalArgumentException("The number of classes has to be greater than one; got " + k + " class");
        }
        double[] rows = x.toDoubleArray();                   // row-major, read by every one-vs-all problem
        int d = x.cols();
        boolean keep = coef != null && (incremental || params.warmStart()) && coef[0].length == d;
        if (coef != null && !keep && incremental) {
            throw new IllegalArgumentException("Number of features " + d + " does not match previous data "
                    + coef[0].length + ".");
        }
        double[] cw = ClassWeights.of(params.classWeight(), labels, index);
        int problems = k == 2 ? 1 : k;
        double[][] start = new double[problems][d];
        double[] startB = new double[problems];
        if (keep) {
            for (int c = 0; c < problems; c++) {
                start[c] = coef[c].clone();
                startB[c] = intercept[c];
            }
        }
        Rng g = params.randomState() == null ? Rng.fromEntropy() : new Rng(params.randomState());
        boolean[] validation = validationMask(index, k);
        double[][] newCoef = new double[problems][];
        double[] newB = new double[problems];
        int iterations = 0;
        for (int c = 0; c < problems; c++) {
            Rng rc = k == 2 ? g : new Rng(g.randint(0, MAX_INT));
            rc.randint(1, MAX_INT);                    // the dataset's seed, which the sequential pass does not use
            long seed = rc.randint(0, MAX_INT);
            int positive = k == 2 ? 1 : c;
            double[] y = new double[index.length];
            for (int r = 0; r < y.length; r++) {
                y[r] = index[r] == positive ? 1 : -1;
            }
            PlainSgd sgd = new PlainSgd(params, start[c], startB[c]);
            int n = sgd.run(rows, d, y, cw[positive], k == 2 ? cw[0] : 1.0, maxIter, seed, validation);
            iterations = Math.max(iterations, n);
            newCoef[c] = sgd.coef();
            newB[c] = sgd.intercept();
        }
        classes = labels;
        coef = newCoef;
        intercept = newB;
        nIter = iterations;
        t = (incremental ? t : 1) + (double) nIter * x.rows();
        warnings.clear();
        if (!incremental && params.tol() != null && nIter == params.maxIter()) {
            warnings.add("Maximum number of iteration reached before convergence. Consider increasing max_iter to"
                    + " improve the fit.");
            MultilayerPerceptron.LOG.log(System.Logger.Level.WARNING, warnings.get(0));
        }
        return this;
    }

    /** The early-stopping rows: the first StratifiedShuffleSplit of the labels (spec §3.5), or null. */
    private boolean[] validationMask(int[] index, int k) {
        if (!params.earlyStopping()) {
            return null;
        }
        Rng rng = params.randomState() == null ? Rng.fromEntropy() : new Rng(params.randomState());
        TrainTestSplit.Split split = TrainTestSplit.split(index.length, params.validationFraction(), rng, index);
        if (split.train().length == 0 || split.test().length == 0) {
            throw new IllegalArgumentException("Splitting " + index.length + " samples into a train set and a"
                    + " validation set with validation_fraction=" + params.validationFraction() + " led to an empty set");
        }
        boolean[] mask = new boolean[index.length];
        for (int r : split.test()) {
            mask[r] = true;
        }
        return mask;
    }

    /** {@code decision_function}: rows × problems (one column for two classes). */
    @Override
    public boolean hasDecisionFunction() {
        return true;
    }

    @Override
    public double[][] decisionFunction(Tensor x) {
        requireFitted();
        if (x.rank() != 2 || x.cols() != coef[0].length) {
            throw new IllegalArgumentException("X has " + x.cols() + " features, but Perceptron is expecting "
                    + coef[0].length + " features as input.");
        }
        InputValidation.check(x, "Perceptron");
        double[] rows = x.toDoubleArray();
        int d = coef[0].length;
        double[][] out = new double[x.rows()][coef.length];
        for (int r = 0; r < out.length; r++) {
            for (int c = 0; c < coef.length; c++) {
                double s = 0;
                for (int j = 0; j < d; j++) {
                    s += rows[r * d + j] * coef[c][j];
                }
                out[r][c] = s + intercept[c];
            }
        }
        return out;
    }

    /** The predicted class index of each row. */
    public int[] predictIndices(Tensor x) {
        double[][] s = decisionFunction(x);
        int[] out = new int[s.length];
        for (int r = 0; r < s.length; r++) {
            if (s[r].length == 1) {
                out[r] = s[r][0] > 0 ? 1 : 0;
            } else {
                int best = 0;
                for (int c = 1; c < s[r].length; c++) {
                    best = s[r][c] > s[r][best] ? c : best;
                }
                out[r] = best;
            }
        }
        return out;
    }

    @Override
    public int[] predict(Tensor x) {
        requireFitted();
        int[] cls = classes.ints();
        return java.util.Arrays.stream(predictIndices(x)).map(i -> cls[i]).toArray();
    }

    /** The predicted labels as text. */
    public String[] predictNames(Tensor x) {
        requireFitted();
        String[] names = classes.names();
        return java.util.Arrays.stream(predictIndices(x)).mapToObj(i -> names[i]).toArray(String[]::new);
    }

    /** The perceptron has no probabilities, as in scikit-learn. */
    @Override
    public double[][] predictProba(Tensor x) {
        throw new IllegalStateException("'Perceptron' object has no attribute 'predict_proba'");
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

    @Override
    public double score(Tensor x, int[] y) {
        InputValidation.sameLength(x.rows(), y.length);
        return ClassifierOutputs.accuracy(predict(x), y);
    }

    /** {@code coef_}: problems × features. */
    public double[][] coef() {
        requireFitted();
        return java.util.Arrays.stream(coef).map(double[]::clone).toArray(double[][]::new);
    }

    /** {@code n_features_in_}: the features per row the fit saw. */
    public int nFeaturesIn() {
        requireFitted();
        return coef[0].length;
    }

    /** {@code intercept_}. */
    public double[] intercept() {
        requireFitted();
        return intercept.clone();
    }

    /** {@code n_iter_}: the epochs of the last fit (the most over the one-vs-all problems). */
    public int nIter() {
        requireFitted();
        return nIter;
    }

    /** {@code t_}: 1 + the samples seen in all fits. */
    public double t() {
        requireFitted();
        return t;
    }

    /** The warnings of the last fit (the ConvergenceWarning). */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    ClassLabels classLabels() {
        requireFitted();
        return classes;
    }

    /** Sets the fitted attributes of a model read back from a file ({@link PerceptronState#restore}). */
    void restoreFitted(ClassLabels labels, double[][] coef, double[] intercept, int nIter, double t) {
        this.classes = labels;
        this.coef = coef;
        this.intercept = intercept;
        this.nIter = nIter;
        this.t = t;
    }

    private void requireFitted() {
        if (coef == null) {
            throw new IllegalStateException("This Perceptron instance is not fitted yet. Call 'fit' with"
                    + " appropriate arguments before using this estimator.");
        }
    }

    /** scikit-learn's repr: the name and the parameters that differ from the defaults. */
    @Override
    public String toString() {
        return PerceptronParams.TABLE.repr(NAME, params);
    }
}
