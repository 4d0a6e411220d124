package dev.jnn.optim;

import dev.jnn.api.Param;
import dev.jnn.api.ParamTable;
import dev.jnn.nn.Parameter;
import dev.jnn.tensor.Kernels;
import dev.jnn.tensor.Tensor;

/**
 * Adam (Kingma and Ba) in scikit-learn's and Keras's form: the bias corrections are folded into the step size
 * {@code lr_t = lr·√(1−β₂ᵗ)/(1−β₁ᵗ)}, and ε is added to the raw {@code √s}. The step counter t counts updates.
 * {@link #pytorch} places ε as {@code torch.optim.Adam} does.
 */
public final class Adam extends Optimizer {
    /** The hyperparameters, with Keras's defaults. */
    public record Params(
            @Param(value = "0.001", range = "(0, inf)", doc = "Step size.") double learningRate,
            @Param(value = "0.9", range = "[0, 1)", doc = "Decay of the first-moment estimates.") double beta1,
            @Param(value = "0.999", range = "[0, 1]", doc = "Decay of the second-moment estimates (1 takes zero steps, as"
                    + " scikit-learn's AdamOptimizer does).") double beta2,
            @Param(value = "1e-07", range = "(0, inf)", doc = "Numerical-stability term.") double epsilon) {
        /** The table of these parameters. */
        public static final ParamTable<Params> TABLE = ParamTable.of(Params.class);
    }

    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final boolean epsilonAfterCorrection;
    private long t;
    private double stepSize;
    private double stepEpsilon;

    private Adam(Params p, boolean epsilonAfterCorrection) {
        super(Optimizers.checked(Params.TABLE, p, "Adam").learningRate());
        this.beta1 = p.beta1();
        this.beta2 = p.beta2();
        this.epsilon = p.epsilon();
        this.epsilonAfterCorrection = epsilonAfterCorrection;
    }

    /** Adam with the given parameters, checked against {@link Params#TABLE}. */
    public Adam(Params p) {
        this(p, false);
    }

    /** Adam with the given learning rate, β₁ in [0, 1), β₂ in [0, 1] and ε > 0. */
    public Adam(double learningRate, double beta1, double beta2, double epsilon) {
        this(new Params(learningRate, beta1, beta2, epsilon), false);
    }

    /** Keras's defaults: learning rate 0.001, β₁ 0.9, β₂ 0.999, ε 1e-7. */
    public Adam() {
        this(Params.TABLE.defaults(), false);
    }

    /**
     * PyTorch's {@code torch.optim.Adam}, which adds ε to the bias-corrected {@code √(s / (1−β₂ᵗ))} instead: the same
     * update with ε scaled by {@code √(1−β₂ᵗ)}, so trajectories match torch's bit for bit in exact arithmetic.
     */
    public static Adam pytorch(double learningRate, double beta1, double beta2, double epsilon) {
        return new Adam(new Params(learningRate, beta1, beta2, epsilon), true);
    }

    @Override
    protected void beginStep() {
        t++;
        stepSize = learningRate() * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t));
        stepEpsilon = epsilonAfterCorrection ? epsilon * Math.sqrt(1 - Math.pow(beta2, t)) : epsilon;
    }

    @Override
    protected Tensor[] newState(Parameter p) {
        return new Tensor[] {zerosLike(p), zerosLike(p)};
    }

    @Override
    protected void update(Parameter p, Tensor[] moments) {
        Kernels.adam(p.value(), p.grad(), moments[0], moments[1], beta1, beta2, stepSize, stepEpsilon);
    }

    @Override
    public java.util.Map<String, Double> counters() {
        return java.util.Map.of("t", (double) t);
    }

    @Override
    protected void restoreCounters(java.util.Map<String, Double> counters) {
        Double steps = counters.get("t");
        if (steps == null || !(steps >= 0) || steps != Math.rint(steps)) {
            throw new IllegalArgumentException("Adam's state needs a whole step count t, got " + steps);
        }
        t = steps.longValue();
    }

    /** The number of steps taken. */
    public long steps() {
        return t;
    }
}
