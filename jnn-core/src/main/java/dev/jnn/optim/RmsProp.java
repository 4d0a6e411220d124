package dev.jnn.optim;

import dev.jnn.nn.Parameter;
import dev.jnn.tensor.Tensor;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * RMSprop in Keras's (and PyTorch's) plain form: {@code v ← ρv + (1−ρ)g²}, {@code θ ← θ − lr·g / (√v + ε)}.
 * Keras's defaults: lr 0.001, ρ 0.9, ε 1e-7.
 */
public final class RmsProp implements Optimizer {
    private double learningRate;
    private final double rho;
    private final double epsilon;
    private final Map<Parameter, double[]> meanSquares = new IdentityHashMap<>();

    public RmsProp(double learningRate, double rho, double epsilon) {
        if (!(learningRate > 0) || !(rho >= 0 && rho < 1) || !(epsilon > 0)) {
            throw new IllegalArgumentException("RMSprop: need lr > 0, rho in [0, 1), epsilon > 0; got "
                    + learningRate + ", " + rho + ", " + epsilon);
        }
        this.learningRate = learningRate;
        this.rho = rho;
        this.epsilon = epsilon;
    }

    /** Keras's defaults. */
    public RmsProp() {
        this(0.001, 0.9, 1e-7);
    }

    @Override
    public void step(List<Parameter> parameters) {
        for (Parameter p : parameters) {
            double[] v = meanSquares.computeIfAbsent(p, k -> new double[k.value().size()]);
            Tensor w = p.value();
            Tensor g = p.grad();
            for (int i = 0; i < v.length; i++) {
                double gi = g.getFlat(i);
                v[i] = rho * v[i] + (1 - rho) * gi * gi;
                w.setFlat(i, w.getFlat(i) - learningRate * gi / (Math.sqrt(v[i]) + epsilon));
            }
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
