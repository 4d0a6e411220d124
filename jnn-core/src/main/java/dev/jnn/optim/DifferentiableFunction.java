package dev.jnn.optim;

/** A function of a flat parameter vector that can report its gradient, as {@link Lbfgs} minimises. */
@FunctionalInterface
public interface DifferentiableFunction {
    /** Returns f(x) and writes ∇f(x) into {@code gradient} (same length as x). {@code x} must not be kept. */
    double valueAndGradient(double[] x, double[] gradient);
}
