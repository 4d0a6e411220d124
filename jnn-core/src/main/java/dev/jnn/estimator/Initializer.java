package dev.jnn.estimator;

import java.util.Arrays;

import dev.jnn.util.MemoryBudget;

import dev.jnn.nn.Activation;
import dev.jnn.nn.Dense;
import dev.jnn.nn.Network;
import dev.jnn.nn.WeightSnapshot;
import dev.jnn.tensor.DType;
import dev.jnn.tensor.Rng;
import dev.jnn.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * The first-pass state of a multilayer perceptron (spec §2.2 and §2.7 step 7): the layers with scikit-learn's
 * Glorot-uniform weights and intercepts (factor 2 for a logistic hidden activation, else 6, on every layer; drawn
 * W₀, b₀, W₁, b₁, ... in row-major order) and the reset counters and curves.
 */
final class Initializer {
    private Initializer() {
    }

    static void initialize(MultilayerPerceptron m, int features, int outputs, DType type, Activation out, Rng rng) {
        m.nFeaturesIn = features;
        m.nOutputs = outputs;
        m.dtype = type;
        m.outActivation = out;
        m.nIter = 0;
        m.t = 0;
        int[] units = layerUnits(m, features, outputs);
        checkMemory(m, units, type);
        double factor = m.params.activation() == Activation.LOGISTIC ? 2.0 : 6.0;
        List<Dense> layers = new ArrayList<>();
        for (int i = 0; i + 1 < units.length; i++) {
            Activation f = i + 2 == units.length ? out : m.params.activation();
            Dense d = new Dense(units[i], units[i + 1], f, type);
            double bound = Math.sqrt(factor / (units[i] + units[i + 1]));
            fillUniform(d.kernel().value(), bound, rng);
            fillUniform(d.bias().value(), bound, rng);
            layers.add(d);
        }
        m.layers = List.copyOf(layers);
        m.net = new Network(layers);
        m.optimizer = null;
        m.bestWeights = new WeightSnapshot();
        if (m.params.solver().stochastic()) {
            m.lossCurve = new ArrayList<>();
            m.noImprovementCount = 0;
            if (m.params.earlyStopping()) {
                m.validationScores = new ArrayList<>();
                m.bestValidationScore = Double.NEGATIVE_INFINITY;
                m.bestLoss = null;
            } else {
                m.bestLoss = Double.POSITIVE_INFINITY;
                m.validationScores = null;
                m.bestValidationScore = null;
            }
        } else {
            m.lossCurve = null;
            m.bestLoss = null;
            m.validationScores = null;
            m.bestValidationScore = null;
        }
    }

    /**
     * Turns a float32 network into float64 with the same (exactly widened) weights: what scikit-learn's lbfgs
     * fit does to float32 weights when it unpacks scipy's float64 vector into them.
     */
    static void widen(MultilayerPerceptron m) {
        List<Dense> layers = new ArrayList<>();
        for (Dense d : m.layers) {
            Dense w = new Dense(d.inputs(), d.units(), d.activation(), DType.FLOAT64);
            d.kernel().value().to(DType.FLOAT64).copyInto(w.kernel().value(), 0);
            d.bias().value().to(DType.FLOAT64).copyInto(w.bias().value(), 0);
            layers.add(w);
        }
        m.layers = List.copyOf(layers);
        m.net = new Network(layers);
        m.dtype = DType.FLOAT64;
        m.bestWeights = new WeightSnapshot();
    }

    /**
     * Refuses layer sizes whose weights would not fit the heap: each weight has its value, its gradient and the
     * best-loss snapshot, plus the solver's state (two moments for adam, a velocity for sgd, about 24 flat copies
     * for lbfgs's pairs and line search), and each unit a row of activations and gradients per batch sample.
     */
    private static void checkMemory(MultilayerPerceptron m, int[] units, DType type) {
        long weights = 0;
        long perSample = 0;
        for (int i = 0; i + 1 < units.length; i++) {
            long layer = ((long) units[i] + 1) * units[i + 1];   // below 2^63 for int sizes
            weights = Long.MAX_VALUE - weights < layer ? Long.MAX_VALUE : weights + layer;
            perSample = Math.min(Long.MAX_VALUE / 4, perSample + 3L * units[i + 1]);
        }
        int copies = switch (m.params.solver()) {
            case ADAM -> 5;
            case SGD -> 4;
            case LBFGS -> 27;
        };
        int batch = m.params.batchSize() == null ? 200 : m.params.batchSize();
        long state = MemoryBudget.bytes(weights, copies);
        long activations = MemoryBudget.bytes(perSample, batch);
        long count = Long.MAX_VALUE - state < activations ? Long.MAX_VALUE : state + activations;
        MemoryBudget.require(m.name() + " with hidden_layer_sizes " + Arrays.toString(m.params.hiddenLayerSizes())
                + " on " + units[0] + " features (" + weights + " weights)", count, type.bytes());
    }

    private static int[] layerUnits(MultilayerPerceptron m, int features, int outputs) {
        int[] hidden = m.params.hiddenLayerSizes();
        int[] units = new int[hidden.length + 2];
        units[0] = features;
        System.arraycopy(hidden, 0, units, 1, hidden.length);
        units[units.length - 1] = outputs;
        return units;
    }

    static void checkWarmShape(MultilayerPerceptron m) {
        int[] units = layerUnits(m, m.nFeaturesIn, m.nOutputs);
        List<Dense> layers = m.layers;
        boolean same = layers.size() == units.length - 1;
        for (int i = 0; same && i < layers.size(); i++) {
            same = layers.get(i).units() == units[i + 1];
        }
        if (!same) {
            throw new IllegalArgumentException("warm_start or partial_fit needs the same hidden_layer_sizes as the"
                    + " previous fit");
        }
    }

    private static void fillUniform(Tensor t, double bound, Rng rng) {
        double[] v = new double[t.size()];
        rng.uniform(-bound, bound, v);          // row-major, as numpy fills an array
        if (t.dtype() == DType.FLOAT64) {
            System.arraycopy(v, 0, t.doubleData(), t.offset(), v.length);
        } else {
            float[] f = t.floatData();
            for (int i = 0; i < v.length; i++) {
                f[t.offset() + i] = (float) v[i];
            }
        }
    }
}
