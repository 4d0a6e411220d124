package dev.jnn.optim;

import dev.jnn.nn.Parameter;
import dev.jnn.tensor.Kernels;
import dev.jnn.tensor.Tensor;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adam (Kingma and Ba) in scikit-learn's and PyTorch's form: the bias corrections are folded into the step size
 * {@code lr_t = lr·√(1−β₂ᵗ)/(1−β₁ᵗ)}, and ε is added to the raw {@code √s}. The step counter t counts updates.
 */
public final class Adam implements Optimizer {
    private double learningRate;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final boolean epsilonAfterCorrection;
    private long t;
    private final Map<Parameter, Tensor[]> moments = new IdentityHashMap<>();

    /** Adam with the given learning rate, β₁, β₂ in [0, 1) and ε > 0. */
    public Adam(double learningRate, double beta1, double beta2, double epsilon) {
        this(learningRate, beta1, beta2, epsilon, false);
    }

    /**
     * PyTorch's {@code torch.optim.Adam}, which adds ε to the bias-corrected {@code √(s / (1−β₂ᵗ))} instead: the same
     * update with ε scaled by {@code √(1−β₂ᵗ)}, so trajectories match torch's bit for bit in exact arithmetic.
     */
    public static Adam pytorch(double learningRate, double beta1, double beta2, double epsilon) {
        return new Adam(learningRate, beta1, beta2, epsilon, true);
    }

    private Adam(double learningRate, double beta1, double beta2, double epsilon, boolean epsilonAfterCorrection) {
        if (!(learningRate > 0) || !(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1) || !(epsilon > 0)) {
            throw new IllegalArgumentException("Adam: need lr > 0, beta1 and beta2 in [0, 1), epsilon > 0; got "
                    + learningRate + ", " + beta1 + ", " + beta2 + ", " + epsilon);
        }
        this.learningRate = learningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.epsilonAfterCorrection = epsilonAfterCorrection;
    }

    /** scikit-learn's and PyTorch's defaults: lr 0.001, β₁ 0.9, β₂ 0.999, ε 1e-8. */
    public Adam() {
        this(0.001, 0.9, 0.999, 1e-8);
    }

    @Override
    public void step(List<Parameter> parameters) {
        t++;
        double lrT = learningRate * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t));
        double epsilon = epsilonAfterCorrection ? this.epsilon * Math.sqrt(1 - Math.pow(beta2, t)) : this.epsilon;
        for (Parameter p : parameters) {
            Tensor[] ms = moments.computeIfAbsent(p, k -> new Tensor[] {
                Tensor.zeros(k.value().dtype(), k.value().shape()), Tensor.zeros(k.value().dtype(), k.value().shape())});
            Kernels.adam(p.value(), p.grad(), ms[0], ms[1], beta1, beta2, lrT, epsilon);
        }
    }

    /** Updates taken so far. */
    public long steps() {
        return t;
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
