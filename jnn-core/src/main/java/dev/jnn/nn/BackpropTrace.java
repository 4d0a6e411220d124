package dev.jnn.nn;

import java.util.ArrayList;
import java.util.List;

/**
 * Back-propagation worked out sample by sample, as the course does by hand: a tiny fully connected network trained
 * by plain SGD, one update per sample, recording for every step each layer's pre-activation z, activation a, delta,
 * the gradients and the updated weights and biases. Layer l maps {@code a[l-1]} to {@code z[l] = a[l-1]·W[l] + b[l]}
 * with W as inputs × outputs, and {@code a[l] = f(z[l])}. Everything is in double, in plain loops.
 */
public final class BackpropTrace {
    /** The losses of the trace. */
    public enum TraceLoss {
        /** ½ Σ (a − t)². */
        HALF_SQUARED_ERROR,
        /** Σ (a − t)². */
        SQUARED_ERROR,
        /** −Σ t ln a, with a softmax or logistic output, whose delta is a − t. */
        CROSS_ENTROPY
    }

    /**
     * One step: the sample, and per layer (from the first hidden one) its values.
     *
     * @param sample      the sample's index
     * @param z           pre-activations per layer
     * @param a           activations per layer (the input not included)
     * @param delta       the loss's gradient with respect to z, per layer
     * @param gradWeights the weight gradients per layer (inputs × outputs)
     * @param gradBiases  the bias gradients per layer
     * @param weights     the weights after the update
     * @param biases      the biases after the update
     */
    public record Step(int sample, double[][] z, double[][] a, double[][] delta, double[][][] gradWeights,
                       double[][] gradBiases, double[][][] weights, double[][] biases) {
    }

    private final double[][][] w;
    private final double[][] b;
    private final Activation hidden;
    private final Activation output;
    private final TraceLoss loss;
    private final double rate;

    /**
     * A network of the given weights (per layer, inputs × outputs) and biases, which the trace updates in place.
     *
     * @throws IllegalArgumentException when the shapes do not chain, or cross-entropy has no softmax or logistic output
     */
    public BackpropTrace(double[][][] weights, double[][] biases, Activation hidden, Activation output, TraceLoss loss,
                         double learningRate) {
        if (weights.length == 0 || weights.length != biases.length) {
            throw new IllegalArgumentException("need as many bias vectors as weight matrices, at least one");
        }
        for (int l = 0; l < weights.length; l++) {
            int in = weights[l].length;
            int out = in == 0 ? 0 : weights[l][0].length;
            if (in == 0 || out == 0 || biases[l].length != out || l > 0 && weights[l - 1][0].length != in) {
                throw new IllegalArgumentException("layer " + (l + 1) + "'s weights and biases do not chain");
            }
        }
        if (hidden == Activation.STEP || output == Activation.STEP) {
            throw new IllegalArgumentException("the trace cannot step through a step unit: "
                    + Activation.STEP_HAS_NO_GRADIENT);
        }
        if (hidden == Activation.SOFTMAX) {
            throw new IllegalArgumentException("the trace's activations are identity, logistic, tanh, relu"
                    + " (and softmax for the output)");
        }
        if (loss == TraceLoss.CROSS_ENTROPY && output != Activation.SOFTMAX && output != Activation.LOGISTIC) {
            throw new IllegalArgumentException("cross-entropy needs a softmax or logistic output");
        }
        if (output == Activation.SOFTMAX && loss != TraceLoss.CROSS_ENTROPY) {
            throw new IllegalArgumentException("a softmax output goes with cross-entropy");
        }
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("the learning rate must be > 0, got " + learningRate);
        }
        this.w = deep(weights);
        this.b = deep(biases);
        this.hidden = hidden;
        this.output = output;
        this.loss = loss;
        this.rate = learningRate;
    }

    /** Trains on the samples (inputs, targets) for {@code epochs} passes in order; returns every step. */
    public List<Step> run(double[][] inputs, double[][] targets, int epochs) {
        List<Step> steps = new ArrayList<>();
        for (int e = 0; e < epochs; e++) {
            for (int s = 0; s < inputs.length; s++) {
                steps.add(step(s, inputs[s], targets[s]));
            }
        }
        return steps;
    }

    /** The current weights (per layer, inputs × outputs). */
    public double[][][] weights() {
        return deep(w);
    }

    /** The current biases. */
    public double[][] biases() {
        return deep(b);
    }

    private Step step(int sample, double[] x, double[] t) {
        int layers = w.length;
        if (x.length != w[0].length || t.length != b[layers - 1].length) {
            throw new IllegalArgumentException("sample " + sample + " has " + x.length + " inputs and " + t.length
                    + " targets; the network takes " + w[0].length + " and gives " + b[layers - 1].length);
        }
        double[][] z = new double[layers][];
        double[][] a = new double[layers][];
        double[] in = x;
        for (int l = 0; l < layers; l++) {
            z[l] = new double[b[l].length];
            for (int o = 0; o < z[l].length; o++) {
                double v = b[l][o];
                for (int i = 0; i < in.length; i++) {
                    v += in[i] * w[l][i][o];
                }
                z[l][o] = v;
            }
            a[l] = activate(l == layers - 1 ? output : hidden, z[l]);
            in = a[l];
        }
        double[][] delta = new double[layers][];
        int last = layers - 1;
        delta[last] = new double[t.length];
        for (int o = 0; o < t.length; o++) {
            double diff = a[last][o] - t[o];
            delta[last][o] = switch (loss) {
                case HALF_SQUARED_ERROR -> diff * derivative(output, z[last][o], a[last][o]);
                case SQUARED_ERROR -> 2 * diff * derivative(output, z[last][o], a[last][o]);
                case CROSS_ENTROPY -> diff;
            };
        }
        for (int l = last - 1; l >= 0; l--) {
            delta[l] = new double[z[l].length];
            for (int i = 0; i < delta[l].length; i++) {
                double v = 0;
                for (int o = 0; o < delta[l + 1].length; o++) {
                    v += delta[l + 1][o] * w[l + 1][i][o];
                }
                delta[l][i] = v * derivative(hidden, z[l][i], a[l][i]);
            }
        }
        double[][][] gw = new double[layers][][];
        double[][] gb = new double[layers][];
        for (int l = 0; l < layers; l++) {
            double[] prev = l == 0 ? x : a[l - 1];
            gw[l] = new double[prev.length][delta[l].length];
            for (int i = 0; i < prev.length; i++) {
                for (int o = 0; o < delta[l].length; o++) {
                    gw[l][i][o] = prev[i] * delta[l][o];
                }
            }
            gb[l] = delta[l].clone();
        }
        for (int l = 0; l < layers; l++) {
            for (int i = 0; i < w[l].length; i++) {
                for (int o = 0; o < w[l][i].length; o++) {
                    w[l][i][o] -= rate * gw[l][i][o];
                }
            }
            for (int o = 0; o < b[l].length; o++) {
                b[l][o] -= rate * gb[l][o];
            }
        }
        return new Step(sample, z, a, delta, gw, gb, deep(w), deep(b));
    }

    private static double[] activate(Activation f, double[] z) {
        double[] a = new double[z.length];
        if (f == Activation.SOFTMAX) {
            double max = Double.NEGATIVE_INFINITY;
            for (double v : z) {
                max = Math.max(max, v);
            }
            double sum = 0;
            for (int i = 0; i < z.length; i++) {
                a[i] = Math.exp(z[i] - max);
                sum += a[i];
            }
            for (int i = 0; i < z.length; i++) {
                a[i] /= sum;
            }
            return a;
        }
        for (int i = 0; i < z.length; i++) {
            a[i] = switch (f) {
                case RELU -> Math.max(0, z[i]);
                case LOGISTIC -> 1 / (1 + Math.exp(-z[i]));
                case TANH -> Math.tanh(z[i]);
                default -> z[i];
            };
        }
        return a;
    }

    /** f'(z), from z or from a = f(z); relu's derivative at 0 is 0, as scikit-learn and Keras take it. */
    private static double derivative(Activation f, double z, double a) {
        return switch (f) {
            case RELU -> z > 0 ? 1 : 0;
            case LOGISTIC -> a * (1 - a);
            case TANH -> 1 - a * a;
            default -> 1;
        };
    }

    private static double[][][] deep(double[][][] m) {
        double[][][] out = new double[m.length][][];
        for (int l = 0; l < m.length; l++) {
            out[l] = deep(m[l]);
        }
        return out;
    }

    private static double[][] deep(double[][] m) {
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i].clone();
        }
        return out;
    }
}
