package dev.jnn.estimator;

import dev.jnn.nn.Activation;
import dev.jnn.nn.Dense;
import dev.jnn.nn.Network;
import dev.jnn.nn.WeightSnapshot;
import dev.jnn.tensor.DType;
import dev.jnn.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * What a fitted multilayer perceptron is made of, for model files: its parameters, weights and the fitted
 * attributes that {@code predict} and a warm start read. {@link #of} takes copies from an estimator, and
 * {@link #restore} builds an estimator that predicts exactly as the captured one did. The optimizer's moments are
 * not part of it, so a restored model's {@code partialFit} starts a fresh optimizer, as a new fit would.
 *
 * @param classifier    whether it is an {@code MLPClassifier} (else an {@code MLPRegressor})
 * @param params        the hyperparameters
 * @param dtype         the dtype it computes in
 * @param nFeaturesIn   {@code n_features_in_}
 * @param outActivation {@code out_activation_}
 * @param coefs         {@code coefs_}, layer by layer, (fan_in, fan_out)
 * @param intercepts    {@code intercepts_}, layer by layer
 * @param nIter         {@code n_iter_}
 * @param t             {@code t_}
 * @param loss          {@code loss_}
 * @param lossCurve     {@code loss_curve_} (sgd, adam), or null (lbfgs)
 * @param intClasses    the integer classes, or null
 * @param stringClasses the string classes, or null
 * @param multilabel    whether the classifier was fitted on a label indicator matrix
 * @param optimizer     the sgd or adam optimizer's state, so that {@code partialFit} continues where it stopped; or
 *                      null (a restored model's {@code partialFit} then starts a fresh optimizer, as a new fit would)
 */
public record MLPState(boolean classifier, MLPParams params, DType dtype, int nFeaturesIn, Activation outActivation,
                       List<Tensor> coefs, List<Tensor> intercepts, int nIter, long t, double loss,
                       List<Double> lossCurve, int[] intClasses, String[] stringClasses, boolean multilabel,
                       OptimizerState optimizer) {

    /**
     * The optimizer's state: its current learning rate, each parameter's arrays (velocities or moments; null where
     * none yet) in the order of the network's parameters, and its counters (Adam's step count).
     */
    public record OptimizerState(double learningRate, List<Tensor[]> arrays, java.util.Map<String, Double> counters) {
    }

    /** The state of a fitted estimator (copies of its arrays), without the optimizer's. */
    public static MLPState of(MultilayerPerceptron m) {
        return of(m, false);
    }

    /** The state of a fitted estimator, with the optimizer's when {@code withOptimizer} and there is one. */
    public static MLPState of(MultilayerPerceptron m, boolean withOptimizer) {
        m.requireFitted();
        int[] ints = null;
        String[] strings = null;
        boolean multilabel = false;
        if (m instanceof MLPClassifier c) {
            ClassLabels labels = c.classLabels();
            multilabel = labels.kind == ClassLabels.Kind.MULTILABEL;
            if (labels.isString()) {
                strings = labels.names();
            } else {
                ints = labels.ints();
            }
        }
        OptimizerState opt = null;
        if (withOptimizer && m.optimizer != null) {
            List<Tensor[]> arrays = new ArrayList<>();
            for (Tensor[] a : m.optimizer.state(m.stepParameters())) {
                arrays.add(a == null ? null : java.util.Arrays.stream(a).map(Tensor::copy).toArray(Tensor[]::new));
            }
            opt = new OptimizerState(m.optimizer.learningRate(), arrays, m.optimizer.counters());
        }
        return new MLPState(m instanceof MLPClassifier, m.params, m.dtype, m.nFeaturesIn, m.outActivation, m.coefs(),
                m.intercepts(), m.nIter, m.t, m.loss, m.lossCurve == null ? null : List.copyOf(m.lossCurve), ints,
                strings, multilabel, opt);
    }

    /**
     * A fitted estimator of this state. Every shape is checked against the parameters first, so that a state read
     * from a file either restores whole or fails with a message.
     */
    public MultilayerPerceptron restore() {
        params.validate(classifier ? "MLPClassifier" : "MLPRegressor");
        int[] hidden = params.hiddenLayerSizes();
        if (coefs.size() != hidden.length + 1 || intercepts.size() != coefs.size()) {
            throw new IllegalArgumentException("hidden_layer_sizes " + java.util.Arrays.toString(hidden) + " need "
                    + (hidden.length + 1) + " weight matrices and bias vectors, got " + coefs.size() + " and "
                    + intercepts.size());
        }
        int inputs = nFeaturesIn;
        List<Dense> layers = new ArrayList<>();
        for (int i = 0; i < coefs.size(); i++) {
            Tensor w = coefs.get(i);
            int units = w.rank() == 2 ? w.cols() : -1;
            if (w.rank() != 2 || w.rows() != inputs || (i < hidden.length && units != hidden[i])) {
                throw new IllegalArgumentException("coefs[" + i + "] has shape " + java.util.Arrays.toString(w.shape())
                        + ", expected (" + inputs + ", " + (i < hidden.length ? hidden[i] : "outputs") + ")");
            }
            Tensor b = intercepts.get(i);
            if (b.size() != units) {
                throw new IllegalArgumentException("intercepts[" + i + "] has " + b.size() + " values, expected " + units);
            }
            Dense d = new Dense(inputs, units, i == hidden.length ? outActivation : params.activation(), dtype);
            w.to(dtype).copyInto(d.kernel().value(), 0);
            b.to(dtype).reshape(units).copyInto(d.bias().value(), 0);
            layers.add(d);
            inputs = units;
        }
        MultilayerPerceptron m = classifier ? new MLPClassifier(params) : new MLPRegressor(params);
        if (m instanceof MLPClassifier c) {
            int size = intClasses != null ? intClasses.length : stringClasses != null ? stringClasses.length : 0;
            int expected = multilabel || size > 2 ? size : 1;
            if (size == 0 || inputs != expected) {
                throw new IllegalArgumentException(size + " classes need " + expected + " outputs, the last layer has "
                        + inputs);
            }
            c.restoreClassLabels(ClassLabels.restored(multilabel, intClasses, stringClasses));
        }
        m.dtype = dtype;
        m.nFeaturesIn = nFeaturesIn;
        m.nOutputs = inputs;
        m.outActivation = outActivation;
        m.layers = List.copyOf(layers);
        m.net = new Network(layers);
        m.bestWeights = new WeightSnapshot();
        m.nIter = nIter;
        m.t = t;
        m.loss = loss;
        if (optimizer != null) {
            if (!params.solver().stochastic()) {
                throw new IllegalArgumentException("an optimizer state needs the sgd or adam solver, not lbfgs");
            }
            m.optimizer = StochasticSolver.newOptimizer(params);
            m.optimizer.setLearningRate(optimizer.learningRate());
            boolean wide = dtype == DType.FLOAT32 && optimizer.arrays().stream()
                    .anyMatch(a -> a != null && a.length > 0 && a[0].dtype() == DType.FLOAT64);
            m.wide = wide ? new WideTargets(m) : null;   // float64 moments of a float32 model: its twins' state
            m.optimizer.restore(m.stepParameters(), optimizer.arrays(), optimizer.counters());
        }
        if (lossCurve != null) {
            m.lossCurve = new ArrayList<>(lossCurve);
            m.bestLoss = params.earlyStopping() ? null : lossCurve.stream().min(Double::compare).orElse(null);
            m.validationScores = params.earlyStopping() ? new ArrayList<>() : null;
            m.bestValidationScore = params.earlyStopping() ? Double.NEGATIVE_INFINITY : null;
        }
        return m;
    }
}
