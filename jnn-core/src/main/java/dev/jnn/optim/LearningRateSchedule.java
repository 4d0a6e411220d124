package dev.jnn.optim;

/**
 * A learning rate as a function of the number of optimizer steps taken, as Keras's schedules: set it on a model
 * through the {@code LearningRateScheduler} callback, which applies it before every step.
 */
@FunctionalInterface
public interface LearningRateSchedule {
    /** The learning rate for the step that follows {@code step} completed steps. */
    double rate(long step);

    /** {@code initial · factor^floor(step / every)}: drop by {@code factor} every {@code every} steps. */
    static LearningRateSchedule stepDecay(double initial, long every, double factor) {
        check(initial, every);
        return step -> initial * Math.pow(factor, Math.floorDiv(step, every));
    }

    /** Keras's {@code ExponentialDecay}: {@code initial · rate^(step / decaySteps)}, floored when staircase. */
    static LearningRateSchedule exponential(double initial, long decaySteps, double rate, boolean staircase) {
        check(initial, decaySteps);
        return step -> initial * Math.pow(rate, staircase ? Math.floorDiv(step, decaySteps) : (double) step / decaySteps);
    }

    /**
     * Keras's {@code CosineDecay}: {@code initial · ((1 − α)·½(1 + cos(π·min(step, decaySteps)/decaySteps)) + α)}.
     */
    static LearningRateSchedule cosine(double initial, long decaySteps, double alpha) {
        check(initial, decaySteps);
        return step -> {
            double done = Math.min(step, decaySteps) / (double) decaySteps;
            return initial * ((1 - alpha) * 0.5 * (1 + Math.cos(Math.PI * done)) + alpha);
        };
    }

    private static void check(double initial, long steps) {
        if (!(initial > 0) || steps < 1) {
            throw new IllegalArgumentException("a schedule needs an initial rate > 0 and a step count >= 1, got "
                    + initial + " and " + steps);
        }
    }
}
