package dev.jnn.optim;

import dev.jnn.nn.Parameter;

import java.util.List;

/**
 * Updates parameters in place from their gradients. State (velocities, moments) is kept per parameter object,
 * created at the first step that sees it.
 */
public interface Optimizer {
    /** One update of every parameter from its current gradient. */
    void step(List<Parameter> parameters);

    /** The learning rate the next step uses. */
    double learningRate();

    /** Replaces the learning rate (schedules and plateau rules call this between steps). */
    void setLearningRate(double learningRate);
}
