package dev.jnn.optim;

import dev.jnn.api.Param;
import dev.jnn.api.ParamTable;
import dev.jnn.nn.Parameter;
import dev.jnn.tensor.DType;
import dev.jnn.tensor.Tensor;

/**
 * Stochastic gradient descent with optional (Nesterov) momentum, in scikit-learn's form:
 * {@code v ← μv − lr·g}, then {@code θ ← θ + (nesterov ? μv − lr·g : v)}. With μ = 0 this is plain
 * {@code θ ← θ − lr·g}. The arithmetic runs in the parameter's dtype.
 */
public final class Sgd extends Optimizer {
    /** The hyperparameters, with Keras's defaults. */
    public record Params(
            @Param(value = "0.01", range = "(0, inf)", doc = "Step size.") double learningRate,
            @Param(value = "0.0", range = "[0, 1]", doc = "Momentum.") double momentum,
            @Param(value = "false", doc = "Use Nesterov's momentum.") boolean nesterov) {
        /** The table of these parameters. */
        public static final ParamTable<Params> TABLE = ParamTable.of(Params.class);
    }

    private final double momentum;
    private final boolean nesterov;

    /** SGD with the given parameters, checked against {@link Params#TABLE}. */
    public Sgd(Params p) {
        super(Optimizers.checked(Params.TABLE, p, "SGD").learningRate());
        this.momentum = p.momentum();
        this.nesterov = p.nesterov();
    }

    /** SGD with the given learning rate, momentum in [0, 1] and Nesterov switch. */
    public Sgd(double learningRate, double momentum, boolean nesterov) {
        this(new Params(learningRate, momentum, nesterov));
    }

    /** Keras's defaults: learning rate 0.01, no momentum. */
    public Sgd() {
        this(Params.TABLE.defaults());
    }

    @Override
    protected Tensor[] newState(Parameter p) {
        return new Tensor[] {zerosLike(p)};
    }

    @Override
    protected void update(Parameter p, Tensor[] state) {
        Tensor v = state[0];
        if (p.value().dtype() == DType.FLOAT64) {
            stepF64(p.value().doubleData(), p.value().offset(), p.grad().doubleData(), p.grad().offset(),
                    v.doubleData(), p.value().size());
        } else {
            stepF32(p.value().floatData(), p.value().offset(), p.grad().floatData(), p.grad().offset(),
                    v.floatData(), p.value().size());
        }
    }

    private void stepF64(double[] w, int wo, double[] g, int go, double[] v, int n) {
        double mu = momentum;
        double lr = learningRate();
        for (int i = 0; i < n; i++) {
            double gi = g[go + i];
            double vi = mu * v[i] - lr * gi;
            v[i] = vi;
            w[wo + i] += nesterov ? mu * vi - lr * gi : vi;
        }
    }

    private void stepF32(float[] w, int wo, float[] g, int go, float[] v, int n) {
        float mu = (float) momentum;
        float lr = (float) learningRate();
        for (int i = 0; i < n; i++) {
            float gi = g[go + i];
            float vi = mu * v[i] - lr * gi;
            v[i] = vi;
            w[wo + i] += nesterov ? mu * vi - lr * gi : vi;
        }
    }
}
