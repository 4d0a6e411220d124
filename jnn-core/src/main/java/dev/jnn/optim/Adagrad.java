package dev.jnn.optim;

import dev.jnn.api.Param;
import dev.jnn.api.ParamTable;
import dev.jnn.nn.Parameter;
import dev.jnn.tensor.DType;
import dev.jnn.tensor.Tensor;

import java.util.Arrays;

/**
 * Adagrad as Keras has it: {@code a ← a + g²} from an initial accumulator, {@code θ ← θ − lr·g / (√a + ε)}. The
 * accumulators are kept in double whatever the parameter's dtype.
 */
public final class Adagrad extends Optimizer {
    /** The hyperparameters, with Keras's defaults. */
    public record Params(
            @Param(value = "0.001", range = "(0, inf)", doc = "Step size.") double learningRate,
            @Param(value = "0.1", range = "[0, inf)", doc = "Starting value of the squared-gradient sums.")
            double initialAccumulatorValue,
            @Param(value = "1e-07", range = "(0, inf)", doc = "Numerical-stability term.") double epsilon) {
        /** The table of these parameters. */
        public static final ParamTable<Params> TABLE = ParamTable.of(Params.class);
    }

    private final double initialAccumulator;
    private final double epsilon;

    /** Adagrad with the given parameters, checked against {@link Params#TABLE}. */
    public Adagrad(Params p) {
        super(Optimizers.checked(Params.TABLE, p, "Adagrad").learningRate());
        this.initialAccumulator = p.initialAccumulatorValue();
        this.epsilon = p.epsilon();
    }

    /** Adagrad with the given learning rate, initial accumulator ≥ 0 and ε > 0. */
    public Adagrad(double learningRate, double initialAccumulator, double epsilon) {
        this(new Params(learningRate, initialAccumulator, epsilon));
    }

    /** Keras's defaults: learning rate 0.001, initial accumulator 0.1, ε 1e-7. */
    public Adagrad() {
        this(Params.TABLE.defaults());
    }

    @Override
    protected Tensor[] newState(Parameter p) {
        Tensor a = Tensor.zeros(DType.FLOAT64, p.value().size());
        Arrays.fill(a.doubleData(), initialAccumulator);
        return new Tensor[] {a};
    }

    @Override
    protected void update(Parameter p, Tensor[] state) {
        double[] a = state[0].doubleData();
        Tensor w = p.value();
        Tensor g = p.grad();
        double lr = learningRate();
        for (int i = 0; i < a.length; i++) {
            double gi = g.getFlat(i);
            a[i] += gi * gi;
            w.setFlat(i, w.getFlat(i) - lr * gi / (Math.sqrt(a[i]) + epsilon));
        }
    }
}
