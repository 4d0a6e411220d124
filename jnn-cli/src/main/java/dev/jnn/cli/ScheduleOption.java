package dev.jnn.cli;

import dev.jnn.optim.LearningRateSchedule;

/**
 * Parses {@code --lr-schedule}: a Keras learning-rate schedule written in epochs, turned into optimizer steps once
 * the steps per epoch are known. Forms: {@code constant}, {@code cosine} or {@code cosine:ALPHA} (CosineDecay over the
 * whole fit, down to ALPHA times the initial rate), {@code exponential:RATE} (ExponentialDecay by RATE per epoch,
 * smooth), {@code step:EPOCHS:FACTOR} (multiply by FACTOR every EPOCHS epochs).
 */
final class ScheduleOption {
    private ScheduleOption() {
    }

    /** The schedule for {@code spec}, or null for a constant rate; {@code steps} is the steps per epoch. */
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
                            return LearningRateSchedule.cosine(initial, epochs * steps, alpha);
                        }
                    }
                    break;
                case "exponential":
                    if (p.length == 2) {
                        double rate = Double.parseDouble(p[1]);
                        if (rate > 0 && rate <= 1) {
                            return LearningRateSchedule.exponential(initial, steps, rate, false);
                        }
                    }
                    break;
                case "step":
                    if (p.length == 3) {
                        int every = Integer.parseInt(p[1]);
                        double factor = Double.parseDouble(p[2]);
                        if (every >= 1 && factor > 0 && factor <= 1) {
                            return LearningRateSchedule.stepDecay(initial, every * steps, factor);
                        }
                    }
                    break;
                default:
                    break;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--lr-schedule must be constant, cosine[:ALPHA] (0 <= ALPHA <= 1), "
                + "exponential:RATE (0 < RATE <= 1 per epoch) or step:EPOCHS:FACTOR (EPOCHS >= 1, 0 < FACTOR <= 1), "
                + "got '" + spec + "'");
    }
}
