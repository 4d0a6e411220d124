package dev.jnn.model;

import dev.jnn.optim.LearningRateSchedule;

import java.util.Objects;

/** Sets the optimizer's learning rate from a {@link LearningRateSchedule} before every step. */
public final class LearningRateScheduler implements Callback {
    private final LearningRateSchedule schedule;

    public LearningRateScheduler(LearningRateSchedule schedule) {
        this.schedule = Objects.requireNonNull(schedule, "schedule");
    }

    @Override
    public void onBatchBegin(Sequential model, int batch, long step) {
        model.optimizer().setLearningRate(schedule.rate(step));
    }
}
