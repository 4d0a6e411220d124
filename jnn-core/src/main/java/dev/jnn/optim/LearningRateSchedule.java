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

    /**
     * A Keras schedule written in epochs, as {@code --lr-schedule} and the named networks' recipes write it:
     * {@code constant} (null: no schedule), {@code cosine} or {@code cosine:ALPHA} (CosineDecay over the whole fit,
     * down to ALPHA times the initial rate), {@code exponential:RATE} (ExponentialDecay by RATE per epoch, smooth),
     * {@code step:EPOCHS:FACTOR} (multiply by FACTOR every EPOCHS epochs); {@code steps} is the steps per epoch.
     */
    static LearningRateSchedule parse(String spec, double initial, int epochs, long steps) {
        String[] p = spec.split(":", -1);
        try {
            switch (p[0]) {
                case "constant":
                    if (p.length == 1) {
                        return null;
                    }
                    break;
                case "cosine":
                    if (p.length <= 2) {
                        double alpha = p.length == 2 ? Double.parseDouble(p[1]) : 0;
                        if (alpha >= 0 && alpha <= 1) {
                            return cosine(initial, epochs * steps, alpha);
                        }
                    }
                    break;
                case "exponential":
                    if (p.length == 2) {
                        double rate = Double.parseDouble(p[1]);
                        if (rate > 0 && rate <= 1) {
                            return exponential(initial, steps, rate, false);
                        }
                    }
                    break;
                case "step":
                    if (p.length == 3) {
                        int every = Integer.parseInt(p[1]);
                        double factor = Double.parseDouble(p[2]);
                        if (every >= 1 && factor > 0 && factor <= 1) {
                            return stepDecay(initial, every * steps, factor);
                        }
                    }
                    break;
                default:
                    break;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("lr_schedule must be constant, cosine[:ALPHA] (0 <= ALPHA <= 1), "
                + "exponential:RATE (0 < RATE <= 1 per epoch) or step:EPOCHS:FACTOR (EPOCHS >= 1, 0 < FACTOR <= 1), "
                + "got '" + spec + "'");
    }
}
