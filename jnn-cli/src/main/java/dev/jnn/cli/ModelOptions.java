package dev.jnn.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The options of {@code jnn fit --model}: the Keras-style network, its optimizer and the epochs. */
final class ModelOptions {
    @Option(names = "--model", paramLabel = "NAME|FILE.json|perceptron|svc",
            description = "Train a Keras-style network instead of the MLP (a named network such as lenet5, lenet5-3x3"
                    + " or mlp-1200, which jnn models lists with their recipes, or a JSON layer list), or"
                    + " scikit-learn's Perceptron or SVC.")
    String model;

    @Option(names = "--epochs", description = "With --model: passes over the training data. Default: the named"
            + " network's recipe (jnn models), 5 for a JSON layer list. The MLP's passes are --max-iter.")
    Integer epochs;

    @Option(names = "--optimizer", paramLabel = "adam|sgd|rmsprop|adagrad",
            description = "With --model: the optimizer; --learning-rate-init, --momentum, --beta-1... tune it."
                    + " Default: the named network's recipe, adam for a JSON layer list.")
    String optimizer;

    @Option(names = "--loss", paramLabel = "NAME",
            description = "With --model: the Keras loss (sparse_categorical_crossentropy, or mean_squared_error with --regressor).")
    String loss;

    @Option(names = "--validation-split", description = "With --model: the share of training rows (from the end) held out to validate each epoch.")
    Double validationSplit;

    @Option(names = "--patience", description = "With --model and --validation-split: stop when val_loss has not improved for N epochs, and restore the best weights.")
    Integer patience;

    @Option(names = "--lr-schedule", paramLabel = "SPEC",
            description = "With --model: the learning rate over the fit: constant, cosine[:ALPHA] (decay to "
                    + "ALPHA x the initial rate by the last step), exponential:RATE (x RATE per epoch) or "
                    + "step:EPOCHS:FACTOR. Default: the named network's recipe, constant for a JSON layer list.")
    String lrSchedule;

    @Option(names = "--clip-norm", description = "With --model: rescale each weight's gradient to at most this L2 norm.")
    Double clipNorm;

    @Option(names = "--checkpoint", paramLabel = "DIR",
            description = "With --model: save the network during training: DIR/best.safetensors whenever val_loss"
                    + " improves (with --validation-split), else DIR/epoch-N.safetensors after every epoch.")
    Path checkpoint;

    @Option(names = "--save-architecture", paramLabel = "FILE.json",
            description = "With --model: write the network's layer list as JSON, readable by --model.")
    Path saveArchitecture;

    @Option(names = "--textbook", description = "With --model perceptron: the lecture's perceptron rule (bias as an"
            + " input, an update per mistake in data order until a pass makes none or --max-iter passes); --eta0 is"
            + " its rate.")
    boolean textbook;

    boolean given() {
        return model != null;
    }

    /** The network-only options given, as typed; none of them applies to the Perceptron or the SVC. */
    java.util.List<String> networkOptionsGiven() {
        java.util.List<String> given = new java.util.ArrayList<>();
        Object[][] options = {{"--epochs", epochs}, {"--optimizer", optimizer}, {"--loss", loss},
            {"--validation-split", validationSplit}, {"--patience", patience}, {"--lr-schedule", lrSchedule},
            {"--clip-norm", clipNorm}, {"--checkpoint", checkpoint}, {"--save-architecture", saveArchitecture}};
        for (Object[] o : options) {
            if (o[1] != null) {
                given.add((String) o[0]);
            }
        }
        return given;
    }
}
