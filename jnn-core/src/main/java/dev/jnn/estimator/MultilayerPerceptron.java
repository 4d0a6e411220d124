package dev.jnn.estimator;

import dev.jnn.data.DataException;
import dev.jnn.api.Estimator;

import dev.jnn.nn.Activation;
import dev.jnn.nn.Dense;
import dev.jnn.nn.Loss;
import dev.jnn.nn.Network;
import dev.jnn.nn.Parameter;
import dev.jnn.nn.Regularizer;
import dev.jnn.nn.WeightSnapshot;
import dev.jnn.optim.Optimizer;
import dev.jnn.tensor.DType;
import dev.jnn.tensor.Rng;
import dev.jnn.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What {@link MLPClassifier} and {@link MLPRegressor} share: scikit-learn's fit entry point (spec §2.7), the
 * Glorot-uniform initialisation (§2.2), the forward pass and the fitted attributes (§2.14). The training loops are
 * {@link StochasticSolver} and {@link LbfgsSolver}; a {@link Network} of {@link Dense} layers does the arithmetic.
 *
 * <p>An estimator is not thread-safe: it reuses its layers' buffers between calls.
 */
public abstract sealed class MultilayerPerceptron implements Estimator permits MLPClassifier, MLPRegressor {
    @Override
    public abstract MultilayerPerceptron clone();

    static final System.Logger LOG = System.getLogger("dev.jnn.estimator");
    private static final int PREDICT_CHUNK = 2048;

    MLPParams params;
    Network net;
    /** The network's layers. */
    List<Dense> layers;
    DType dtype;
    int nFeaturesIn;
    int nOutputs;
    Activation outActivation;
    int nIter;
    /** Function evaluations of the last lbfgs fit (scipy's nfev), which scikit-learn does not keep; for tests. */
    int lbfgsEvaluations;
    long t;
    double loss = Double.NaN;
    List<Double> lossCurve;
    Double bestLoss;
    List<Double> validationScores;
    Double bestValidationScore;
    int noImprovementCount;
    WeightSnapshot bestWeights;
    Optimizer optimizer;
    /** Set once a float32 model has been stepped on float64 targets: the optimizer then runs in float64. */
    WideTargets wide;
    final List<String> warnings = new ArrayList<>();
    FitMonitor monitor;

    MultilayerPerceptron(MLPParams params) {
        this.params = params;
    }

    /** The class name used in messages. */
    abstract String name();

    /**
     * Whether targets keep their own dtype, as scikit-learn's regressor leaves y as given (a float64 or integer y
     * makes a float32 network's gradients float64); a classifier's binarised labels take X's dtype.
     */
    boolean widensTargets() {
        return false;
    }

    /** The parameters the optimizer steps: the weights, or their float64 twins on a float64 target. */
    List<Parameter> stepParameters() {
        return wide != null ? wide.parameters() : net.parameters();
    }

    /** The validation score (accuracy or R²) of outputs {@code p} against binarised targets {@code y}. */
    abstract double validationScore(Tensor y, Tensor p);

    /** Whether the early-stopping split is stratified (binary classification only, as in scikit-learn 1.2). */
    abstract boolean stratifiedValidation();

    /** The hyperparameters. */
    public MLPParams params() {
        return params;
    }

    /** scikit-learn's {@code get_params()}: snake_case names, sorted. */
    public Map<String, Object> getParams() {
        return MLPParams.TABLE.toMap(params);
    }

    /** scikit-learn's {@code set_params()}: changes the named parameters (values may be objects or text). */
    public MultilayerPerceptron setParams(Map<String, ?> changes) {
        Object a = changes.get("activation");
        if (a == Activation.STEP || a != null && "step".equals(String.valueOf(a).trim())) {
            throw MLPParams.stepRefused(name());
        }
        MLPParams p = MLPParams.TABLE.with(params, changes, name());
        p.validate(name());
        params = p;
        return this;
    }

    /** Receives per-iteration progress and verbose lines; null restores the default (System.Logger). */
    public void setMonitor(FitMonitor monitor) {
        this.monitor = monitor;
    }

    boolean firstPass(boolean incremental) {
        return net == null || (!params.warmStart() && !incremental);
    }

    /** Validates X against the fitted feature count (unless this is a first pass) and returns it as a tensor. */
    Tensor checkFeatures(Tensor x, boolean reset) {
        if (!reset && x.cols() != nFeaturesIn) {
            throw new IllegalArgumentException("X has " + x.cols() + " features, but " + name()
                    + " is expecting " + nFeaturesIn + " features as input.");
        }
        return x;
    }

    /** Steps 5–9 of scikit-learn's {@code _fit}, after labels are binarised into {@code y} (rows × outputs). */
    void fitCore(Tensor x, Tensor y, boolean incremental, Activation out) {
        boolean first = firstPass(incremental);
        warnings.clear();
        if (!first && x.dtype() != dtype) {
            x = x.to(dtype);
        }
        boolean wideTargets = widensTargets() && x.dtype() == DType.FLOAT32 && y.dtype() == DType.FLOAT64
                && params.solver().stochastic();
        // scipy's L-BFGS-B hands scikit-learn float64 weights, so an lbfgs fit computes in float64 whatever X is
        boolean lbfgs64 = params.solver() == Solver.LBFGS && x.dtype() == DType.FLOAT32;
        if (lbfgs64) {
            y = y.dtype() == DType.FLOAT64 ? y : y.to(DType.FLOAT64);
        } else if (y.dtype() != x.dtype() && !wideTargets) {
            y = y.to(x.dtype());
        }
        Rng rng = params.randomState() == null ? Rng.fromEntropy() : new Rng(params.randomState());
        if (first) {
            Initializer.initialize(this, x.cols(), y.cols(), x.dtype(), out, rng);
        } else if (y.cols() != nOutputs) {
            throw new DataException("y has " + y.cols() + " outputs, but " + name() + " was fitted with "
                    + nOutputs);
        } else {
            Initializer.checkWarmShape(this);
        }
        if (lbfgs64) {
            if (dtype != DType.FLOAT64) {
                Initializer.widen(this);   // drawn in float32, as scikit-learn's astype(X.dtype) rounds them
            }
            x = x.to(DType.FLOAT64);
        }
        penalize();
        if (params.solver().stochastic()) {
            new StochasticSolver(this, rng).run(x, y, incremental);
        } else {
            LbfgsSolver.run(this, x, y);
        }
        for (Parameter p : net.parameters()) {
            double[] v = p.value().toDoubleArray();
            for (double e : v) {
                if (!Double.isFinite(e)) {
                    throw new DataException("Solver produced non-finite parameter weights. The input data"
                            + " may contain large values and need to be preprocessed.");
                }
            }
        }
    }

    /**
     * The activations of hidden layer {@code layer} (0 for the first) for rows {@code x}, as a new tensor: the
     * features an autoencoder's middle layer or any hidden layer has learned.
     */
    public Tensor hiddenActivations(Tensor x, int layer) {
        requireFitted();
        if (layer < 0 || layer >= layers.size() - 1) {
            throw new IllegalArgumentException("layer must be a hidden layer, 0 to " + (layers.size() - 2) + ", got "
                    + layer);
        }
        checkFeatures(x, false);
        return net.upTo(layer, x.dtype() == dtype ? x : x.to(dtype)).copy();
    }

    /** The engine of the fitted network ({@code Dense} layers), as the gradient check and the teaching tools see it. */
    public Network network() {
        requireFitted();
        return net;
    }

    /** The loss that pairs with the output activation (scikit-learn's {@code LOSS_FUNCTIONS[loss]}). */
    public Loss lossFunction() {
        return switch (outActivation) {
            case IDENTITY -> Loss.SQUARED_ERROR;
            case SOFTMAX -> Loss.LOG_LOSS;
            default -> Loss.BINARY_LOG_LOSS;
        };
    }

    /**
     * Forward and backward over one batch of b rows: returns the batch loss with its L2 term {@code (α/2)‖W‖²/b} and
     * leaves scikit-learn's gradients {@code aᵀδ/b + αW/b} and {@code mean(δ)} in the parameters. The L2 term is
     * each kernel's {@link Regularizer} of {@code α/2}, scaled by {@code 1/b} as scikit-learn divides it.
     */
    double backprop(Loss loss, Tensor xb, Tensor yb) {
        Tensor out = net.forward(xb);
        double value = loss.value(yb, out);
        return value + net.backward(loss, yb, out, 1.0 / xb.rows());
    }

    /** Sets the L2 penalty {@code α/2·‖W‖²} of the current {@code alpha} on every kernel. */
    void penalize() {
        for (Dense d : layers) {
            d.kernelRegularizer(Regularizer.l2(params.alpha() / 2));
        }
    }

    /** The network's outputs for every row of {@code x}, computed in chunks into a new tensor. */
    Tensor forwardAll(Tensor x) {
        requireFitted();
        checkFeatures(x, false);
        if (x.dtype() != dtype) {
            x = x.to(dtype);
        }
        Tensor out = Tensor.zeros(dtype, x.rows(), nOutputs);
        for (int from = 0; from < x.rows(); from += PREDICT_CHUNK) {
            int to = Math.min(x.rows(), from + PREDICT_CHUNK);
            net.predict(x.rows(from, to)).copyInto(out, from);
        }
        return out;
    }

    void requireFitted() {
        if (net == null) {
            throw new IllegalStateException("This " + name() + " instance is not fitted yet. Call 'fit' with"
                    + " appropriate arguments before using this estimator.");
        }
    }

    void warn(String message) {
        warnings.add(message);
        LOG.log(System.Logger.Level.WARNING, message);
    }

    void say(String line) {
        if (monitor != null) {
            monitor.onMessage(line);
        } else {
            LOG.log(System.Logger.Level.INFO, line);
        }
    }

    // ---- fitted attributes, scikit-learn's names in camelCase ----

    /** {@code coefs_}: copies of the weight matrices, layer by layer, shape (fan_in, fan_out). */
    public List<Tensor> coefs() {
        requireFitted();
        return layers.stream().map(d -> d.kernel().value().copy()).toList();
    }

    /** {@code intercepts_}: copies of the bias vectors, layer by layer. */
    public List<Tensor> intercepts() {
        requireFitted();
        return layers.stream().map(d -> d.bias().value().copy()).toList();
    }

    /** {@code n_features_in_}. */
    public int nFeaturesIn() {
        requireFitted();
        return nFeaturesIn;
    }

    /** {@code n_iter_}: epochs (sgd, adam; cumulative over warm starts) or lbfgs iterations. */
    public int nIter() {
        requireFitted();
        return nIter;
    }

    /** {@code n_layers_}: hidden layers + 2. */
    public int nLayers() {
        requireFitted();
        return layers.size() + 1;
    }

    /** {@code n_outputs_}. */
    public int nOutputs() {
        requireFitted();
        return nOutputs;
    }

    /** {@code out_activation_}: identity, logistic or softmax. */
    public Activation outActivation() {
        requireFitted();
        return outActivation;
    }

    /** {@code t_}: training samples seen, cumulative (0 for lbfgs). */
    public long t() {
        requireFitted();
        return t;
    }

    /** {@code loss_}: the last epoch's training loss, or lbfgs's final objective. */
    public double loss() {
        requireFitted();
        return loss;
    }

    /** {@code loss_curve_}: one loss per epoch; absent (an exception) for lbfgs, as in scikit-learn. */
    public List<Double> lossCurve() {
        return stochasticOnly("loss_curve_", lossCurve);
    }

    /** {@code best_loss_}: the lowest epoch loss, or null with early stopping; absent for lbfgs. */
    public Double bestLoss() {
        return stochasticOnly("best_loss_", bestLoss);
    }

    /** {@code validation_scores_}: per-epoch validation scores with early stopping, else null; absent for lbfgs. */
    public List<Double> validationScores() {
        return stochasticOnly("validation_scores_", validationScores);
    }

    /** {@code best_validation_score_}: the best validation score with early stopping, else null; absent for lbfgs. */
    public Double bestValidationScore() {
        return stochasticOnly("best_validation_score_", bestValidationScore);
    }

    /** The warnings of the last fit call (e.g. the ConvergenceWarning), also logged through System.Logger. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** The dtype the model computes in: the dtype of the data of the first fit. */
    public DType dtype() {
        requireFitted();
        return dtype;
    }

    private <T> T stochasticOnly(String attribute, T value) {
        requireFitted();
        if (lossCurve == null) {
            throw new IllegalStateException("'" + name() + "' object has no attribute '" + attribute
                    + "' (it exists only for the stochastic solvers)");
        }
        return value instanceof List<?> l ? (T) List.copyOf(l) : value;
    }

    /** scikit-learn's repr: the name and the parameters that differ from the defaults. */
    @Override
    public String toString() {
        return MLPParams.TABLE.repr(name(), params);
    }
}
