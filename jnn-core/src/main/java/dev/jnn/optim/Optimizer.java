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
    private final java.util.function.Function<Parameter, Tensor[]> fresh = this::newState;

    /** An optimizer stepping at {@code learningRate}, which its parameter table has checked. */
    protected Optimizer(double learningRate) {
        this.learningRate = learningRate;
    }

    /** One update of every parameter from its current gradient. */
    public void step(List<Parameter> parameters) {
        beginStep();
        for (Parameter p : parameters) {
            update(p, state.computeIfAbsent(p, fresh));
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

    /**
     * Each parameter's state in {@code parameters}' order (null for a parameter not stepped yet), for model files;
     * the arrays are the live ones.
     */
    public final List<Tensor[]> state(List<Parameter> parameters) {
        return parameters.stream().map(state::get).toList();
    }

    /** Counters beyond the per-parameter arrays (Adam's step count), by name. */
    public Map<String, Double> counters() {
        return Map.of();
    }

    /**
     * Puts back what {@link #state} and {@link #counters} gave, for {@code parameters} in the same order; every
     * array must match a fresh state's shape.
     */
    public void restore(List<Parameter> parameters, List<Tensor[]> saved, Map<String, Double> counters) {
        if (saved.size() != parameters.size()) {
            throw new IllegalArgumentException("optimizer state for " + saved.size() + " parameters, the model has "
                    + parameters.size());
        }
        for (int i = 0; i < parameters.size(); i++) {
            if (saved.get(i) == null) {
                continue;
            }
            Tensor[] fresh = newState(parameters.get(i));
            if (fresh.length != saved.get(i).length) {
                throw new IllegalArgumentException("optimizer state of parameter " + i + " has " + saved.get(i).length
                        + " arrays, expected " + fresh.length);
            }
            for (int j = 0; j < fresh.length; j++) {
                if (saved.get(i)[j].size() != fresh[j].size()) {
                    throw new IllegalArgumentException("optimizer state " + i + "." + j + " has " + saved.get(i)[j].size()
                            + " values, expected " + fresh[j].size());
                }
                saved.get(i)[j].to(fresh[j].dtype()).reshape(fresh[j].shape()).copyInto(fresh[j], 0);
            }
            state.put(parameters.get(i), fresh);
        }
        restoreCounters(counters);
    }

    /** Takes back {@link #counters}. */
    protected void restoreCounters(Map<String, Double> counters) {
    }

    /** A zero tensor shaped like {@code p}'s value, in {@code p}'s dtype. */
    protected static Tensor zerosLike(Parameter p) {
        return Tensor.zeros(p.value().dtype(), p.value().shape());
    }
}
