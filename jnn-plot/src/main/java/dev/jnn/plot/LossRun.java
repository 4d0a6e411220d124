package dev.jnn.plot;

import dev.jnn.estimator.MultilayerPerceptron;
import dev.jnn.model.History;

import java.util.List;

/**
 * One training run of a loss-curve figure.
 *
 * @param name             its legend entry
 * @param loss             the training loss per epoch (or lbfgs iteration)
 * @param validation       the validation curve, or null
 * @param validationName   what the validation curve is, e.g. {@code val_loss} or {@code validation score}
 * @param validationIsLoss whether it shares the loss axis (a loss) or takes a second axis (a score)
 */
public record LossRun(String name, List<Double> loss, List<Double> validation, String validationName,
                      boolean validationIsLoss) {
    public LossRun {
        if (loss == null || loss.isEmpty()) {
            throw new IllegalArgumentException("run '" + name + "' has no loss values to draw");
        }
        loss = List.copyOf(loss);
        validation = validation == null ? null : List.copyOf(validation);
    }

    /** A run of training losses alone. */
    public static LossRun of(String name, List<Double> loss) {
        return new LossRun(name, loss, null, null, false);
    }

    /** A Keras-style fit: {@code loss}, and {@code val_loss} when validation data were given. */
    public static LossRun of(String name, History history) {
        List<Double> val = history.history().containsKey("val_loss") ? history.get("val_loss") : null;
        return new LossRun(name, history.get("loss"), val, "val_loss", true);
    }

    /** A fitted sgd or adam MLP: {@code loss_curve_}, and {@code validation_scores_} with early stopping. */
    public static LossRun of(String name, MultilayerPerceptron mlp) {
        return new LossRun(name, mlp.lossCurve(), mlp.validationScores(), "validation score", false);
    }
}
