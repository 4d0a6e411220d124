package dev.jnn.optim;

import dev.jnn.nn.Parameter;
import dev.jnn.tensor.Tensor;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Updates parameters in place from their gradients. The base holds what every optimizer has, the learning rate and
 * the per-parameter state (velocities, moments), created at the first step that sees a parameter and keyed by the
 * parameter object; a subclass says what state it keeps ({@link #newState}) and how one parameter moves
 * ({@link #update}). Each optimizer's hyperparameters are declared once, in its {@code Params} record.
 */
public abstract class Optimizer {
    private double learningRate;
    private final Map<Parameter, Tensor[]> state = new IdentityHashMap<>();

    /** An optimizer stepping at {@code learningRate}, which its parameter table has checked. */
    protected Optimizer(double learningRate) {
        this.learningRate = learningRate;
    }

    /** One update of every parameter from its current gradient. */
    public void step(List<Parameter> parameters) {
        beginStep();
        for (Parameter p : parameters) {
            update(p, state.computeIfAbsent(p, this::newState));
        }
    }

    /** Called once per step before the parameters are updated (Adam counts its steps here). */
    protected void beginStep() {
    }

    /** The state this optimizer keeps for {@code p}, fresh. */
    protected abstract Tensor[] newState(Parameter p);

    /** Moves {@code p}'s value from its gradient, reading and updating its {@code state}. */
    protected abstract void update(Parameter p, Tensor[] state);

    /** The learning rate the next step uses. */
    public final double learningRate() {
        return learningRate;
    }

    /**
     * Replaces the learning rate (schedules and plateau rules call this between steps); it must be finite and
     * {@code >= 0} (a cosine decay ends at 0).
     */
    public final void setLearningRate(double learningRate) {
        if (!(learningRate >= 0) || learningRate == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("the learning rate must be a float in the range [0, inf), got "
                    + learningRate);
        }
        this.learningRate = learningRate;
    }

    /** A zero tensor shaped like {@code p}'s value, in {@code p}'s dtype. */
    protected static Tensor zerosLike(Parameter p) {
        return Tensor.zeros(p.value().dtype(), p.value().shape());
    }
}
