package dev.jnn.optim;

import dev.jnn.api.Param;
import dev.jnn.api.ParamTable;
import dev.jnn.nn.Parameter;
import dev.jnn.tensor.DType;
import dev.jnn.tensor.Tensor;

/**
 * RMSprop in Keras's (and PyTorch's) plain form: {@code v ← ρv + (1−ρ)g²}, {@code θ ← θ − lr·g / (√v + ε)}. The
 * mean squares are kept in double whatever the parameter's dtype.
 */
public final class RmsProp extends Optimizer {
    /** The hyperparameters, with Keras's defaults. */
    public record Params(
            @Param(value = "0.001", range = "(0, inf)", doc = "Step size.") double learningRate,
            @Param(value = "0.9", range = "[0, 1)", doc = "Decay of the mean squared gradient.") double rho,
            @Param(value = "1e-07", range = "(0, inf)", doc = "Numerical-stability term.") double epsilon) {
        /** The table of these parameters. */
        public static final ParamTable<Params> TABLE = ParamTable.of(Params.class);
    }

    private final double rho;
    private final double epsilon;

    /** RMSprop with the given parameters, checked against {@link Params#TABLE}. */
    public RmsProp(Params p) {
        super(Optimizers.checked(Params.TABLE, p, "RMSprop").learningRate());
        this.rho = p.rho();
        this.epsilon = p.epsilon();
    }

    /** RMSprop with the given learning rate, ρ in [0, 1) and ε > 0. */
    public RmsProp(double learningRate, double rho, double epsilon) {
        this(new Params(learningRate, rho, epsilon));
    }

    /** Keras's defaults: learning rate 0.001, ρ 0.9, ε 1e-7. */
    public RmsProp() {
        this(Params.TABLE.defaults());
    }

    @Override
    protected Tensor[] newState(Parameter p) {
        return new Tensor[] {Tensor.zeros(DType.FLOAT64, p.value().size())};
    }

    @Override
    protected void update(Parameter p, Tensor[] state) {
        double[] v = state[0].doubleData();
        Tensor w = p.value();
        Tensor g = p.grad();
        double lr = learningRate();
        for (int i = 0; i < v.length; i++) {
            double gi = g.getFlat(i);
            v[i] = rho * v[i] + (1 - rho) * gi * gi;
            w.setFlat(i, w.getFlat(i) - lr * gi / (Math.sqrt(v[i]) + epsilon));
        }
    }
}
