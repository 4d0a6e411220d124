package dev.jnn.cli;

import dev.jnn.api.Transformer;
import dev.jnn.data.Dataset;
import dev.jnn.data.Samples;
import dev.jnn.tensor.DType;
import dev.jnn.tensor.Tensor;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The frame of {@code jnn fit} for the classifiers outside the MLP (the Perceptron, the SVC): the data loaded in
 * float64 and passed through the feature options' transforms, then the test predictions, the summary, the report
 * and the predictions file, as for the MLP.
 */
final class ClassicFit {
    final FitCommand command;
    final PrintWriter out;
    final Samples rawTrain;
    final Samples rawTest;
    final Samples train;
    final Samples test;
    final List<Transformer> transforms;
    /** The class names, sorted as the classifiers sort them; {@link #y} indexes them. */
    final String[] names;
    final int[] y;

    /** Refuses what does not apply ({@code --regressor}, network options), then loads the data. */
    ClassicFit(FitCommand c, String model) throws IOException {
        if (c.regressor) {
            throw new IllegalArgumentException("--model " + model + " is a classifier: drop --regressor");
        }
        java.util.List<String> network = c.modelOptions.networkOptionsGiven();
        if (!network.isEmpty()) {
            throw new IllegalArgumentException(network.get(0) + " trains a network; it does not apply to --model "
                    + model + " (see jnn fit --help)");
        }
        if (c.modelOptions.textbook && !model.equals("perceptron")) {
            throw new IllegalArgumentException("--textbook goes with --model perceptron");
        }
        if (c.images != null) {
            throw new IllegalArgumentException("--predict-image goes with the MLP");
        }
        command = c;
        out = c.spec.commandLine().getOut();
        Dataset set = c.dataOptions.load(c.run.dtype(DType.FLOAT64), true, !c.quiet);
        rawTrain = set.train();
        transforms = c.features.transformers();
        Samples tr = rawTrain;
        rawTest = set.test();
        Samples te = rawTest;
        for (Transformer t : transforms) {
            tr = tr.withX(t.fitTransform(tr.x()));
            te = te.withX(t.transform(te.x()));
        }
        train = tr;
        test = te;
        names = train.classes();
        y = train.classIndices();
    }

    /**
     * Predicts the test rows, prints the summary, and writes the report (with {@code head}) and predictions; for a
     * --test file without labels, writes its predictions (and with --proba, {@code proba}'s) and returns null.
     */
    FitResult finish(Function<Tensor, int[]> predictIndices, Function<Tensor, double[][]> proba, double seconds,
                     Map<String, Object> head) throws IOException {
        Tensor unlabelled = command.unlabelledTest(DType.FLOAT64);
        if (unlabelled != null) {
            for (Transformer t : transforms) {
                unlabelled = t.transform(unlabelled);
            }
            if (command.proba && proba == null) {
                throw new IllegalArgumentException("--proba: this model has no probabilities (an SVC has them with"
                        + " --probability)");
            }
            String[] labels = Arrays.stream(predictIndices.apply(unlabelled)).mapToObj(i -> names[i])
                    .toArray(String[]::new);
            PredictionsCsv.write(labels, command.proba ? names : null, command.proba ? proba.apply(unlabelled) : null,
                    command.predictions, out);
            return null;
        }
        String[] predicted = Arrays.stream(predictIndices.apply(test.x())).mapToObj(i -> names[i])
                .toArray(String[]::new);
        FitResult result = FitResult.ofClassification(test, predicted, seconds, List.of())
                .named(command.dataOptions.classNames());
        out.println();
        out.print(result.summary());
        out.flush();
        if (command.report != null) {
            result.writeReport(command.report, head);
        }
        if (command.predictions != null) {
            result.writePredictions(command.predictions);
        }
        return result;
    }

    /** With {@code --save}: the fitted model, after the fitted transforms as one pipeline when there are any. */
    void save(dev.jnn.api.Classifier model, String name) throws IOException {
        if (command.save == null) {
            return;
        }
        if (transforms.isEmpty()) {
            dev.jnn.io.ModelFiles.save(model, command.save);
        } else {
            List<dev.jnn.preprocess.Pipeline.Step> steps = new java.util.ArrayList<>();
            for (int i = 0; i < transforms.size(); i++) {
                steps.add(dev.jnn.preprocess.Pipeline.step("step" + i, transforms.get(i)));
            }
            dev.jnn.io.ModelFiles.save(dev.jnn.preprocess.Pipeline.of(steps, name, model), command.save);
        }
        out.println("Saved the model to " + command.save);
        out.flush();
    }

    /** Writes the figures' page, titled by the estimator. */
    void writePlots(RunPlots figures, String estimator, Map<String, Object> params, FitResult result)
            throws IOException {
        figures.write(estimator + " on " + command.dataOptions.data, "jnn fit " + String.join(" ",
                command.spec.commandLine().getParseResult().originalArgs()), params, result.summary(), out);
    }
}
