package dev.jnn.optim;

import dev.jnn.nn.Parameter;
import dev.jnn.tensor.DType;
import dev.jnn.tensor.Tensor;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stochastic gradient descent with optional (Nesterov) momentum, in scikit-learn's form:
 * {@code v ← μv − lr·g}, then {@code θ ← θ + (nesterov ? μv − lr·g : v)}. With μ = 0 this is plain
 * {@code θ ← θ − lr·g}. The arithmetic runs in the parameter's dtype.
 */
public final class Sgd implements Optimizer {
    private double learningRate;
    private final double momentum;
    private final boolean nesterov;
    private final Map<Parameter, Tensor> velocity = new IdentityHashMap<>();

    /** SGD with the given learning rate, momentum in [0, 1] and Nesterov switch. */
    public Sgd(double learningRate, double momentum, boolean nesterov) {
        if (!(learningRate > 0) || !(momentum >= 0 && momentum <= 1)) {
            throw new IllegalArgumentException("Sgd: learning rate must be > 0 and momentum in [0, 1], got "
                    + learningRate + " and " + momentum);
        }
        this.learningRate = learningRate;
        this.momentum = momentum;
        this.nesterov = nesterov;
    }

    @Override
    public void step(List<Parameter> parameters) {
        for (Parameter p : parameters) {
            Tensor v = velocity.computeIfAbsent(p, k -> Tensor.zeros(k.value().dtype(), k.value().shape()));
            if (p.value().dtype() == DType.FLOAT64) {
                stepF64(p.value().doubleData(), p.value().offset(), p.grad().doubleData(), p.grad().offset(),
                        v.doubleData(), p.value().size());
            } else {
                stepF32(p.value().floatData(), p.value().offset(), p.grad().floatData(), p.grad().offset(),
                        v.floatData(), p.value().size());
            }
        }
    }

    private void stepF64(double[] w, int wo, double[] g, int go, double[] v, int n) {
        double mu = momentum;
        double lr = learningRate;
        for (int i = 0; i < n; i++) {
            double gi = g[go + i];
            double vi = mu * v[i] - lr * gi;
            v[i] = vi;
            w[wo + i] += nesterov ? mu * vi - lr * gi : vi;
        }
    }

    private void stepF32(float[] w, int wo, float[] g, int go, float[] v, int n) {
        float mu = (float) momentum;
        float lr = (float) learningRate;
        for (int i = 0; i < n; i++) {
            float gi = g[go + i];
            float vi = mu * v[i] - lr * gi;
            v[i] = vi;
            w[wo + i] += nesterov ? mu * vi - lr * gi : vi;
        }
    }

    @Override
    public double learningRate() {
        return learningRate;
    }

    @Override
    public void setLearningRate(double learningRate) {
        this.learningRate = learningRate;
    }
}
