package dev.jnn.estimator;

import dev.jnn.nn.Dense;
import dev.jnn.nn.Parameter;
import dev.jnn.optim.DifferentiableFunction;
import dev.jnn.tensor.DType;
import dev.jnn.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * An MLP's full-batch training loss as a function of one flat vector of its weights, in scikit-learn's
 * {@code _pack} order (every weight matrix, then every bias, layer by layer): the loss with its L2 term on the
 * weights (biases unpenalised) and its gradient. It is what the {@code lbfgs} solver minimises, and what the course
 * hands to {@code minimize(fun, W0, jac=True)}: {@code Lbfgs.scipyDefaults(...).minimize(objective,
 * objective.start(), ...)}. Evaluating it writes the vector into the model.
 */
public final class FlatObjective implements DifferentiableFunction {
    private final MultilayerPerceptron m;
    private final Tensor x;
    private final Tensor y;
    private final List<Parameter> order = new ArrayList<>();

    FlatObjective(MultilayerPerceptron m, Tensor x, Tensor y) {
        this.m = m;
        this.x = x;
        this.y = y;
        for (Dense d : m.layers) {
            order.add(d.kernel());
        }
        for (Dense d : m.layers) {
            order.add(d.bias());
        }
        m.penalize();
    }

    /** The objective of a fitted MLP on rows {@code x} with {@code targets} (as {@code MLPClassifier.targets} gives). */
    public static FlatObjective of(MultilayerPerceptron m, Tensor x, Tensor targets) {
        m.requireFitted();
        Tensor xx = x.dtype() == m.dtype ? x : x.to(m.dtype);
        if (xx.cols() != m.nFeaturesIn || targets.rows() != x.rows() || targets.cols() != m.nOutputs) {
            throw new IllegalArgumentException("x must have " + m.nFeaturesIn + " columns and the targets "
                    + x.rows() + " rows of " + m.nOutputs);
        }
        return new FlatObjective(m, xx, targets.dtype() == m.dtype ? targets : targets.to(m.dtype));
    }

    /** The model's current weights as a flat vector. */
    public double[] start() {
        return pack(false, null);
    }

    /** Writes {@code flat} into the model's weights. */
    public void apply(double[] flat) {
        int at = 0;
        for (Parameter q : order) {
            Tensor t = q.value();
            for (int i = 0; i < t.size(); i++) {
                t.setFlat(i, flat[at++]);
            }
        }
    }

    @Override
    public double valueAndGradient(double[] flat, double[] gradient) {
        apply(flat);
        double value = m.backprop(m.lossFunction(), x, y);
        pack(true, gradient);
        return value;
    }

    private double[] pack(boolean gradients, double[] into) {
        int total = order.stream().mapToInt(q -> q.value().size()).sum();
        double[] flat = into != null ? into : new double[total];
        int at = 0;
        for (Parameter q : order) {
            Tensor t = gradients ? q.grad() : q.value();
            for (int i = 0; i < t.size(); i++) {
                flat[at++] = t.dtype() == DType.FLOAT64 ? t.doubleData()[t.offset() + i] : t.floatData()[t.offset() + i];
            }
        }
        return flat;
    }
}
