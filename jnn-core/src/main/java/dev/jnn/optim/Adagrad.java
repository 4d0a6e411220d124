package dev.jnn.optim;

import dev.jnn.nn.Parameter;
import dev.jnn.tensor.Tensor;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adagrad as Keras has it: {@code a ← a + g²} from an initial accumulator, {@code θ ← θ − lr·g / (√a + ε)}.
 * Keras's defaults: lr 0.001, initial accumulator 0.1, ε 1e-7.
 */
public final class Adagrad implements Optimizer {
    private double learningRate;
    private final double initialAccumulator;
    private final double epsilon;
    private final Map<Parameter, double[]> sums = new IdentityHashMap<>();

    public Adagrad(double learningRate, double initialAccumulator, double epsilon) {
        if (!(learningRate > 0) || !(initialAccumulator >= 0) || !(epsilon > 0)) {
            throw new IllegalArgumentException("Adagrad: need lr > 0, initial accumulator >= 0, epsilon > 0; got "
                    + learningRate + ", " + initialAccumulator + ", " + epsilon);
        }
        this.learningRate = learningRate;
        this.initialAccumulator = initialAccumulator;
        this.epsilon = epsilon;
    }

    /** Keras's defaults. */
    public Adagrad() {
        this(0.001, 0.1, 1e-7);
    }

    @Override
    public void step(List<Parameter> parameters) {
        for (Parameter p : parameters) {
            double[] a = sums.computeIfAbsent(p, k -> {
                double[] init = new double[k.value().size()];
                Arrays.fill(init, initialAccumulator);
                return init;
            });
            Tensor w = p.value();
            Tensor g = p.grad();
            for (int i = 0; i < a.length; i++) {
                double gi = g.getFlat(i);
                a[i] += gi * gi;
                w.setFlat(i, w.getFlat(i) - learningRate * gi / (Math.sqrt(a[i]) + epsilon));
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
