package dev.jnn.optim;

import dev.jnn.nn.Parameter;
import dev.jnn.tensor.DType;
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
            int n = p.value().size();
            if (p.value().dtype() == DType.FLOAT64) {
                double[] w = p.value().doubleData();
                double[] g = p.grad().doubleData();
                double[] m = ms[0].doubleData();
                double[] s = ms[1].doubleData();
                int wo = p.value().offset();
                int go = p.grad().offset();
                for (int i = 0; i < n; i++) {
                    double gi = g[go + i];
                    m[i] = beta1 * m[i] + (1 - beta1) * gi;
                    s[i] = beta2 * s[i] + (1 - beta2) * (gi * gi);
                    w[wo + i] += -lrT * m[i] / (Math.sqrt(s[i]) + epsilon);
                }
            } else {
                float[] w = p.value().floatData();
                float[] g = p.grad().floatData();
                float[] m = ms[0].floatData();
                float[] s = ms[1].floatData();
                int wo = p.value().offset();
                int go = p.grad().offset();
                float b1 = (float) beta1;
                float b2 = (float) beta2;
                float c1 = (float) (1 - beta1);
                float c2 = (float) (1 - beta2);
                float lr = (float) lrT;
                float eps = (float) epsilon;
                for (int i = 0; i < n; i++) {
                    float gi = g[go + i];
                    m[i] = b1 * m[i] + c1 * gi;
                    s[i] = b2 * s[i] + c2 * (gi * gi);
                    w[wo + i] += -lr * m[i] / ((float) Math.sqrt(s[i]) + eps);
                }
            }
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
