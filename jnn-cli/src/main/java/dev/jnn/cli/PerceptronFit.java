package dev.jnn.cli;

import dev.jnn.api.Transformer;
import dev.jnn.data.Samples;
import dev.jnn.estimator.Perceptron;
import dev.jnn.estimator.PerceptronParams;
import dev.jnn.estimator.TextbookPerceptron;
import dev.jnn.plot.Figure;
import dev.jnn.plot.Figures;
import dev.jnn.tensor.Tensor;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** {@code jnn fit --model perceptron}: scikit-learn's Perceptron, or with {@code --textbook} the lecture's rule. */
final class PerceptronFit {
    private static final int EPOCH_PANELS = 8;

    private PerceptronFit() {
    }

    static int run(FitCommand c, Map<String, Object> given, RunPlots figures) throws IOException {
        if (c.modelOptions.textbook && c.save != null) {
            throw new IllegalArgumentException("--save keeps scikit-learn's Perceptron, not the --textbook rule");
        }
        Perceptron est = new Perceptron().setParams(given);         // checks every value before the data load
        PerceptronParams p = est.params();
        ClassicFit d = new ClassicFit(c, "perceptron");
        PrintWriter out = d.out;
        Samples rawTrain = d.rawTrain;
        Samples train = d.train;
        String[] names = d.names;
        int[] y = d.y;
        List<Transformer> transforms = d.transforms;
        long start = System.nanoTime();
        Map<String, Object> head = new LinkedHashMap<>();
        Function<Tensor, int[]> predictIndices;
        List<Figure> epochs = new ArrayList<>();
        if (c.modelOptions.textbook) {
            TextbookPerceptron rule = TextbookPerceptron.fit(train.x(), y, p.eta0(), p.maxIter());
            out.printf("Perceptron rule (eta %s): %s after %d updates in %d passes; weights (bias first) %s%n",
                    p.eta0(), rule.separated() ? "separated" : "not separated", rule.updates(), rule.passes(),
                    Arrays.toString(rule.weights()));
            head.put("estimator", "TextbookPerceptron");
            head.put("separated", rule.separated());
            head.put("updates", rule.updates());
            head.put("n_iter", rule.passes());
            head.put("weights", rule.weights());
            head.put("trajectory", rule.trajectory());
            predictIndices = rule::predict;
            if (figures != null && rawTrain.x().cols() == 2 && transforms.isEmpty()) {
                for (int e = 1; e <= Math.min(rule.passes(), EPOCH_PANELS); e++) {
                    TextbookPerceptron after = TextbookPerceptron.fit(train.x(), y, p.eta0(), e);
                    epochs.add(boundary(after::predict, train, y, names));
                }
            }
        } else {
            est.fit(train.x(), y);
            out.printf("Perceptron: %d epochs, t_ %.0f%n", est.nIter(), est.t());
            head.put("estimator", "Perceptron");
            head.put("params", est.getParams());
            head.put("n_iter", est.nIter());
            head.put("t", est.t());
            head.put("coef", est.coef());
            head.put("intercept", est.intercept());
            predictIndices = est::predictIndices;
            if (figures != null && rawTrain.x().cols() == 2 && transforms.isEmpty()) {
                for (int e = 1; e <= Math.min(est.nIter(), EPOCH_PANELS); e++) {
                    Perceptron after = est.clone().setParams(Map.of("max_iter", e));
                    after.fit(train.x(), y);
                    epochs.add(boundary(after::predictIndices, train, y, names));
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        FitResult result = d.finish(predictIndices, null, seconds, head);
        d.save(est, "perceptron");
        if (result == null) {
            return 0;
        }
        if (figures != null) {
            figures.metric("test accuracy", result.report().accuracy());
            figures.metric("n_iter", head.get("n_iter"));
            figures.add(Figures.confusionMatrix(result.confusion(), false));
            figures.boundary(rawTrain, transforms, names, predictIndices, null);
            if (!epochs.isEmpty()) {
                figures.add(Figures.panels("perceptron_epochs", epochs, 4));
            }
            d.writePlots(figures, "Perceptron", est.getParams(), result);
        }
        return 0;
    }

    private static Figure boundary(Function<Tensor, int[]> predict, Samples train, int[] y, String[] names) {
        int[] classes = new int[names.length];
        Arrays.setAll(classes, i -> i);
        return Figures.decisionBoundary(classes, predict, null, train.x(), y, names, false);
    }
}
