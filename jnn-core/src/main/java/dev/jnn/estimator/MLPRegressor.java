package dev.jnn.estimator;

import dev.jnn.data.DataException;
import dev.jnn.api.Regressor;

import dev.jnn.nn.Activation;
import dev.jnn.tensor.DType;
import dev.jnn.tensor.Tensor;

/**
 * scikit-learn's {@code MLPRegressor}: a multilayer perceptron with an identity output trained on half the mean
 * squared error, for one or several outputs. Same parameters, defaults, algorithms and stopping rules as
 * {@link MLPClassifier}; {@link #score} is R² averaged uniformly over outputs.
 */
public final class MLPRegressor extends MultilayerPerceptron implements Regressor {
    static final String NAME = "MLPRegressor";

    /** A regressor with scikit-learn's defaults. */
    public MLPRegressor() {
        this(MLPParams.DEFAULTS);
    }

    /** A regressor with the given (validated) parameters. */
    public MLPRegressor(MLPParams params) {
        super(params);
        params.validate(NAME);
    }

    /** A builder starting from the defaults. */
    public static MLPParams.Builder<MLPRegressor> builder() {
        return MLPParams.DEFAULTS.toBuilder(NAME, MLPRegressor::new);
    }

    /** An unfitted copy with the same parameters (scikit-learn's {@code clone}); the fitted state is not copied. */
    @Override
    public MLPRegressor clone() {
        return new MLPRegressor(params);
    }

    @Override
    String name() {
        return NAME;
    }

    /** scikit-learn leaves a regressor's y as given: a float64 target makes a float32 fit's gradients float64. */
    @Override
    boolean widensTargets() {
        return true;
    }

    /** Fits one target per row. */
    public MLPRegressor fit(Tensor x, double[] y) {
        return train(x, column(y, DType.FLOAT64), false);
    }

    /** Fits several targets per row (rows × outputs); one column is treated as a single target. */
    public MLPRegressor fit(Tensor x, double[][] y) {
        return train(x, matrix(y, DType.FLOAT64), false);
    }

    /**
     * Fits the targets of a rows × outputs tensor, without a copy into arrays: an autoencoder passes its input as
     * its target, {@code fit(x, x)}.
     */
    public MLPRegressor fit(Tensor x, Tensor y) {
        if (y == null || y.rank() != 2) {
            throw new IllegalArgumentException("y must be a rows x outputs tensor");
        }
        InputValidation.check(y, NAME);
        return train(x, y, false);
    }

    public MLPRegressor fit(double[][] x, double[] y) {
        return fit(InputValidation.matrix(x, NAME), y);
    }

    public MLPRegressor fit(float[][] x, double[] y) {
        return fit(InputValidation.matrix(x, NAME), y);
    }

    public MLPRegressor fit(double[][] x, double[][] y) {
        return fit(InputValidation.matrix(x, NAME), y);
    }

    public MLPRegressor fit(float[][] x, double[][] y) {
        return fit(InputValidation.matrix(x, NAME), y);
    }

    /** One epoch over rows given as arrays (stochastic solvers only). */
    public MLPRegressor partialFit(double[][] x, double[] y) {
        return partialFit(InputValidation.matrix(x, NAME), y);
    }

    /** One epoch over rows with several targets, given as arrays. */
    public MLPRegressor partialFit(double[][] x, double[][] y) {
        return partialFit(InputValidation.matrix(x, NAME), y);
    }

    /** One epoch over the given rows (stochastic solvers only). */
    public MLPRegressor partialFit(Tensor x, double[] y) {
        return train(x, column(y, DType.FLOAT64), true);
    }

    /** One epoch over rows with several targets. */
    public MLPRegressor partialFit(Tensor x, double[][] y) {
        return train(x, matrix(y, DType.FLOAT64), true);
    }

    private MLPRegressor train(Tensor x, Tensor y, boolean incremental) {
        InputValidation.check(x, NAME);
        InputValidation.sameLength(x.rows(), y.rows());
        if (incremental && params.solver() == Solver.LBFGS) {
            throw new IllegalArgumentException("partial_fit is only available for stochastic optimizers. lbfgs is not stochastic.");
        }
        if (incremental && params.earlyStopping()) {
            throw new IllegalArgumentException("partial_fit does not support early_stopping=True");
        }
        checkFeatures(x, firstPass(incremental));
        fitCore(x, y, incremental, Activation.IDENTITY);
        return this;
    }

    /** Predictions for one-output models. */
    public double[] predict(Tensor x) {
        Tensor p = forwardAll(InputValidation.check(x, NAME));
        if (nOutputs != 1) {
            throw new IllegalStateException("this regressor has " + nOutputs + " outputs: use predictOutputs");
        }
        return p.toDoubleArray();
    }

    public double[] predict(double[][] x) {
        return predict(InputValidation.matrix(x, NAME));
    }

    public double[] predict(float[][] x) {
        return predict(InputValidation.matrix(x, NAME));
    }

    /** Predictions as rows × outputs for rows given as arrays (scikit-learn's 2-D {@code predict}). */
    public double[][] predictOutputs(double[][] x) {
        return predictOutputs(InputValidation.matrix(x, NAME));
    }

    /** Predictions as rows × outputs (works for any number of outputs). */
    public double[][] predictOutputs(Tensor x) {
        return forwardAll(InputValidation.check(x, NAME)).toDoubleMatrix();
    }

    /** Predictions as a rows × outputs tensor in the model's dtype. */
    public Tensor predictTensor(Tensor x) {
        return forwardAll(InputValidation.check(x, NAME));
    }

    /** R² of the predictions of a one-output model. */
    public double score(Tensor x, double[] y) {
        InputValidation.sameLength(x.rows(), y.length);
        return r2(column(y, DType.FLOAT64), forwardAll(InputValidation.check(x, NAME)));
    }

    /** R² of a one-output model on rows given as arrays. */
    public double score(double[][] x, double[] y) {
        return score(InputValidation.matrix(x, NAME), y);
    }

    /** R² averaged uniformly over outputs, on rows given as arrays. */
    public double score(double[][] x, double[][] y) {
        return score(InputValidation.matrix(x, NAME), y);
    }

    /** R² averaged uniformly over outputs. */
    public double score(Tensor x, double[][] y) {
        InputValidation.sameLength(x.rows(), y.length);
        return r2(matrix(y, DType.FLOAT64), forwardAll(InputValidation.check(x, NAME)));
    }

    @Override
    double validationScore(Tensor y, Tensor p) {
        return r2(y, p);
    }

    @Override
    boolean stratifiedValidation() {
        return false;
    }

    /** scikit-learn's {@code r2_score} with a uniform average over outputs (spec §4.9). */
    static double r2(Tensor y, Tensor p) {
        int n = y.rows();
        int k = y.cols();
        if (p.cols() != k) {
            throw new DataException("y has " + k + " outputs, but the model predicts " + p.cols());
        }
        double total = 0;
        for (int c = 0; c < k; c++) {
            double mean = 0;
            for (int r = 0; r < n; r++) {
                mean += y.get(r, c);
            }
            mean /= n;
            double res = 0;
            double tot = 0;
            for (int r = 0; r < n; r++) {
                double e = y.get(r, c) - p.get(r, c);
                double d = y.get(r, c) - mean;
                res += e * e;
                tot += d * d;
            }
            total += tot == 0 ? (res == 0 ? 1.0 : 0.0) : 1 - res / tot;
        }
        return total / k;
    }

    private static Tensor column(double[] y, DType dtype) {
        checkFinite(y);
        Tensor t = Tensor.wrap(y.clone(), y.length, 1);
        return dtype == DType.FLOAT64 ? t : t.to(dtype);
    }

    private static Tensor matrix(double[][] y, DType dtype) {
        int cols = y.length == 0 ? 0 : y[0].length;
        double[] flat = new double[y.length * cols];
        for (int r = 0; r < y.length; r++) {
            if (y[r].length != cols) {
                throw new IllegalArgumentException("y row " + r + " has " + y[r].length + " values, but row 0 has " + cols);
            }
            System.arraycopy(y[r], 0, flat, r * cols, cols);
        }
        checkFinite(flat);
        Tensor t = Tensor.wrap(flat, y.length, cols);
        return dtype == DType.FLOAT64 ? t : t.to(dtype);
    }

    private static void checkFinite(double[] y) {
        for (double v : y) {
            if (Double.isNaN(v)) {
                throw new DataException("Input y contains NaN.");
            }
            if (Double.isInfinite(v)) {
                throw new DataException("Input y contains infinity or a value too large for dtype('float64').");
            }
        }
    }
}
