package dev.jnn.model;

/**
 * How a network is trained unless told otherwise: a named network's recipe ({@code model.zoo}), and the
 * defaults of {@link NetworkClassifier}.
 *
 * @param optimizer    the optimizer's name ({@code Optimizers.byName})
 * @param learningRate its initial learning rate
 * @param schedule     the learning rate over the fit, as {@code LearningRateSchedule.parse} reads it ({@code constant},
 *                     {@code cosine}: Keras's CosineDecay to 0 over every step of the fit)
 * @param batchSize    the minibatch size
 * @param epochs       the passes over the training data
 */
public record Recipe(String optimizer, double learningRate, String schedule, int batchSize, int epochs) {
    /** Keras's defaults, for a network without a recipe of its own: Adam at its default rate, batch 32, 5 epochs. */
    public static Recipe kerasDefaults() {
        return new Recipe("adam", dev.jnn.optim.Adam.Params.TABLE.defaults().learningRate(), "constant",
                Fit.epochs(1).batchSize(), 5);
    }

    /** One line, e.g. {@code adam 0.005, cosine decay, batch 128, 5 epochs}. */
    public String describe() {
        return optimizer + " " + learningRate + ", " + (schedule.equals("constant") ? "constant rate"
                : schedule + " decay") + ", batch " + batchSize + ", " + epochs + " epochs";
    }
}
