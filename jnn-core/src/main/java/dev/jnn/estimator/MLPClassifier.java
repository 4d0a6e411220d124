package dev.jnn.estimator;

import dev.jnn.api.Classifier;

import dev.jnn.nn.Activation;
import dev.jnn.tensor.Tensor;

import java.util.function.Function;

/**
 * scikit-learn's {@code MLPClassifier}: a multilayer perceptron trained with log-loss, a logistic output for binary
 * and multilabel targets and softmax for multiclass ones. Same parameters, defaults, algorithms, stopping rules,
 * fitted attributes and messages (spec §1–2); with float64 data and an integer {@code randomState} the sgd and adam
 * solvers reproduce scikit-learn 1.2's numbers.
 *
 * <p>X may be {@code double[][]} or FLOAT64 tensors (training in double) or {@code float[][]} or FLOAT32 tensors
 * (training in float). Labels are {@code int[]} or {@code String[]}, or a 0/1 {@code int[][]} for multilabel targets.
 */
public final class MLPClassifier extends MultilayerPerceptron implements Classifier {
    static final String NAME = "MLPClassifier";
    private ClassLabels classes;

    /** A classifier with scikit-learn's defaults. */
    public MLPClassifier() {
        this(MLPParams.DEFAULTS);
    }

    /** A classifier with the given (validated) parameters. */
    public MLPClassifier(MLPParams params) {
        super(params);
        params.validate(NAME);
    }

    /** A builder starting from the defaults. */
    public static MLPParams.Builder<MLPClassifier> builder() {
        return MLPParams.DEFAULTS.toBuilder(NAME, MLPClassifier::new);
    }

    /** An unfitted copy with the same parameters (scikit-learn's {@code clone}); the fitted state is not copied. */
    @Override
    public MLPClassifier clone() {
        return new MLPClassifier(params);
    }

    @Override
    String name() {
        return NAME;
    }

    // ---- fit and partial_fit ----

    /** Fits on labelled rows. */
    public MLPClassifier fit(Tensor x, int[] y) {
        return train(x, y.length, ClassLabels.of(y), c -> c.encode(y), false, null);
    }

    /** Fits on string-labelled rows; classes are sorted lexicographically. */
    public MLPClassifier fit(Tensor x, String[] y) {
        return train(x, y.length, ClassLabels.of(y), c -> c.encode(y), false, null);
    }

    /** Fits on a multilabel 0/1 indicator matrix (rows × labels). */
    public MLPClassifier fit(Tensor x, int[][] y) {
        return trainMultilabel(x, y, false);
    }

    public MLPClassifier fit(double[][] x, int[] y) {
        return fit(InputValidation.matrix(x, NAME), y);
    }

    public MLPClassifier fit(float[][] x, int[] y) {
        return fit(InputValidation.matrix(x, NAME), y);
    }

    public MLPClassifier fit(double[][] x, String[] y) {
        return fit(InputValidation.matrix(x, NAME), y);
    }

    public MLPClassifier fit(double[][] x, int[][] y) {
        return fit(InputValidation.matrix(x, NAME), y);
    }

    /**
     * One epoch over the given rows (stochastic solvers only). {@code classes} is required on the first call and
     * optional later; it must then equal the classes already known.
     */
    public MLPClassifier partialFit(Tensor x, int[] y, int[] classes) {
        return train(x, y.length, ClassLabels.of(y), c -> c.encode(y), true,
                classes == null ? null : ClassLabels.of(classes));
    }

    /** {@link #partialFit(Tensor, int[], int[])} for string labels. */
    public MLPClassifier partialFit(Tensor x, String[] y, String[] classes) {
        return train(x, y.length, ClassLabels.of(y), c -> c.encode(y), true,
                classes == null ? null : ClassLabels.of(classes));
    }

    /** One epoch on a multilabel indicator matrix; the labels come from its columns. */
    public MLPClassifier partialFit(Tensor x, int[][] y) {
        return trainMultilabel(x, y, true);
    }

    public MLPClassifier partialFit(double[][] x, int[] y, int[] classes) {
        return partialFit(InputValidation.matrix(x, NAME), y, classes);
    }

    /** The 0/1 (one-hot, or one column for two classes) targets its loss compares with for labels {@code y}. */
    public Tensor targets(int[] y) {
        requireFitted();
        return classes.binarize(classes.encode(y), dtype);
    }

    /** The fitted labels. */
    ClassLabels classLabels() {
        requireFitted();
        return classes;
    }

    void restoreClassLabels(ClassLabels labels) {
        this.classes = labels;
    }

    private MLPClassifier train(Tensor x, int n, ClassLabels seen, Function<ClassLabels, int[]> encode,
                                boolean incremental, ClassLabels given) {
        InputValidation.check(x, NAME);
        InputValidation.sameLength(x.rows(), n);
        checkIncremental(incremental);
        if (incremental) {
            if (classes == null && given == null) {
                throw new IllegalArgumentException("classes must be passed on the first call to partial_fit.");
            }
            if (given != null && classes != null && !given.sameAs(classes)) {
                throw new IllegalArgumentException("`classes=" + given + "` is not the same as on last call to"
                        + " partial_fit, was: " + classes);
            }
        }
        boolean first = firstPass(incremental);
        checkFeatures(x, first);
        if (incremental && classes == null) {
            // scikit-learn's first partial_fit sets classes_ from `classes`, then checks y against it as any other
            if (given.isString() != seen.isString() || !given.contains(seen)) {
                throw new IllegalArgumentException("`y` has classes not in `self.classes_`. `self.classes_` has "
                        + given + ". 'y' has " + seen + ".");
            }
            classes = given;
        } else if (classes == null || (!params.warmStart() && !incremental)) {
            classes = seen;
        } else if (classes.isString() != seen.isString() || classes.kind == ClassLabels.Kind.MULTILABEL) {
            throw new IllegalArgumentException("y has labels of another kind than the previous fit's " + classes);
        } else if (params.warmStart() && !seen.sameAs(classes)) {
            throw new IllegalArgumentException("warm_start can only be used where `y` has the same classes as in the"
                    + " previous call to fit. Previously got " + classes + ", `y` has " + seen);
        } else if (!classes.contains(seen)) {
            throw new IllegalArgumentException("`y` has classes not in `self.classes_`. `self.classes_` has "
                    + classes + ". 'y' has " + seen + ".");
        }
        Tensor target = classes.binarize(encode.apply(classes), x.dtype());
        fitCore(x, target, incremental,
                classes.kind == ClassLabels.Kind.MULTICLASS ? Activation.SOFTMAX : Activation.LOGISTIC);
        return this;
    }

    private MLPClassifier trainMultilabel(Tensor x, int[][] y, boolean incremental) {
        InputValidation.check(x, NAME);
        InputValidation.sameLength(x.rows(), y.length);
        checkIncremental(incremental);
        int labels = y.length == 0 ? 0 : y[0].length;
        Tensor target = Tensor.zeros(x.dtype(), y.length, Math.max(labels, 1));
        for (int r = 0; r < y.length; r++) {
            if (y[r].length != labels) {
                throw new IllegalArgumentException("y row " + r + " has " + y[r].length + " labels, but row 0 has " + labels);
            }
            for (int c = 0; c < labels; c++) {
                if (y[r][c] != 0 && y[r][c] != 1) {
                    throw new IllegalArgumentException("Multioutput target data is not supported with label binarization");
                }
                target.set(y[r][c], r, c);
            }
        }
        if (labels < 2) {
            throw new IllegalArgumentException("a multilabel indicator needs at least 2 columns, got " + labels);
        }
        boolean first = firstPass(incremental);
        checkFeatures(x, first);
        ClassLabels seen = ClassLabels.multilabel(labels);
        if (classes != null && !first && !seen.sameAs(classes)) {
            throw new IllegalArgumentException("y has " + labels + " labels, but the previous fit had " + classes.size());
        }
        classes = seen;
        fitCore(x, target, incremental, Activation.LOGISTIC);
        return this;
    }

    private void checkIncremental(boolean incremental) {
        if (incremental && params.solver() == Solver.LBFGS) {
            throw new IllegalArgumentException("partial_fit is only available for stochastic optimizers. lbfgs is not stochastic.");
        }
        if (incremental && params.earlyStopping()) {
            throw new IllegalArgumentException("partial_fit does not support early_stopping=True");
        }
    }

    // ---- prediction ----

    /** {@code classes_} for int labels (0..L-1 for multilabel), sorted. */
    public int[] classes() {
        requireFitted();
        return classes.ints();
    }

    /** The classes as text, sorted as {@link #classes()} (string labels as given). */
    public String[] classNames() {
        requireFitted();
        return classes.names();
    }

    /** Predicted labels (int-labelled fits). */
    public int[] predict(Tensor x) {
        int[] idx = predictIndices(x);
        int[] c = classes.ints();
        int[] out = new int[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = c[idx[i]];
        }
        return out;
    }

    public int[] predict(double[][] x) {
        return predict(InputValidation.matrix(x, NAME));
    }

    public int[] predict(float[][] x) {
        return predict(InputValidation.matrix(x, NAME));
    }

    /** Predicted labels as text (works for int and string labels). */
    public String[] predictNames(Tensor x) {
        int[] idx = predictIndices(x);
        String[] names = classes.names();
        String[] out = new String[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = names[idx[i]];
        }
        return out;
    }

    /** Predicted class indices into {@link #classes()}: p > 0.5 for binary, the first arg-max for multiclass. */
    public int[] predictIndices(Tensor x) {
        requireSingleLabel();
        return ClassifierOutputs.decode(forwardAll(InputValidation.check(x, NAME)), classes.size());
    }

    /** Multilabel predictions: 1 where a label's probability is > 0.5. */
    public int[][] predictMultilabel(Tensor x) {
        requireFitted();
        if (classes.kind != ClassLabels.Kind.MULTILABEL) {
            throw new IllegalStateException("predictMultilabel needs a classifier fitted on a multilabel indicator");
        }
        return ClassifierOutputs.threshold(forwardAll(InputValidation.check(x, NAME)));
    }

    /** Class probabilities; two columns {@code [1-p, p]} when there is one output (even with one class). */
    public double[][] predictProba(Tensor x) {
        return ClassifierOutputs.probabilities(forwardAll(InputValidation.check(x, NAME)));
    }

    public double[][] predictProba(double[][] x) {
        return predictProba(InputValidation.matrix(x, NAME));
    }

    /** The natural log of {@link #predictProba}, unclipped (so -inf is possible). */
    public double[][] predictLogProba(Tensor x) {
        double[][] p = predictProba(x);
        for (double[] row : p) {
            for (int j = 0; j < row.length; j++) {
                row[j] = Math.log(row[j]);
            }
        }
        return p;
    }

    /** Mean accuracy of {@link #predict} on int labels. */
    public double score(Tensor x, int[] y) {
        InputValidation.sameLength(x.rows(), y.length);
        return ClassifierOutputs.accuracy(predict(x), y);
    }

    /** Mean accuracy on string labels. */
    public double score(Tensor x, String[] y) {
        InputValidation.sameLength(x.rows(), y.length);
        return ClassifierOutputs.accuracy(predictNames(x), y);
    }

    /** Subset accuracy on a multilabel indicator: the share of rows predicted exactly. */
    public double score(Tensor x, int[][] y) {
        InputValidation.sameLength(x.rows(), y.length);
        int[][] p = predictMultilabel(x);
        int hits = 0;
        for (int r = 0; r < y.length; r++) {
            hits += java.util.Arrays.equals(p[r], y[r]) ? 1 : 0;
        }
        return (double) hits / y.length;
    }

    @Override
    double validationScore(Tensor y, Tensor p) {
        return ClassifierOutputs.matchShare(y, p, classes.size(), classes.kind == ClassLabels.Kind.MULTILABEL);
    }

    @Override
    boolean stratifiedValidation() {
        return nOutputs == 1;
    }

    private void requireSingleLabel() {
        requireFitted();
        if (classes.kind == ClassLabels.Kind.MULTILABEL) {
            throw new IllegalStateException("this classifier was fitted on a multilabel indicator: use predictMultilabel");
        }
    }
}
