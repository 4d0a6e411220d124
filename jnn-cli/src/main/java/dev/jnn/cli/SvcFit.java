package dev.jnn.cli;

import dev.jnn.estimator.SVC;
import dev.jnn.estimator.SvmKernel;
import dev.jnn.plot.Figures;
import dev.jnn.tensor.Tensor;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code jnn fit --model svc}: scikit-learn's SVC on LIBSVM, with its fitted attributes in the report. */
final class SvcFit {
    private SvcFit() {
    }

    static int run(FitCommand c, Map<String, Object> given, RunPlots figures) throws IOException {
        SVC est = new SVC().setParams(given);                       // checks every value before the data load
        ClassicFit d = new ClassicFit(c, "svc");
        long start = System.nanoTime();
        est.fit(d.train.x(), d.y);
        double seconds = (System.nanoTime() - start) / 1e9;
        int[] nSupport = est.nSupport();
        d.out.printf("SVC (%s kernel, C %s, gamma %.6g): %d support vectors %s, solver iterations %s, %.2f s%n",
                est.params().kernel().pythonName(), est.params().c(), est.fittedGamma(), Arrays.stream(nSupport).sum(),
                Arrays.toString(nSupport), Arrays.toString(est.nIter()), seconds);
        Map<String, Object> head = new LinkedHashMap<>();
        head.put("estimator", "SVC");
        head.put("params", est.getParams());
        head.put("gamma", est.fittedGamma());
        head.put("n_support", nSupport);
        head.put("n_iter", est.nIter());
        head.put("support", est.support());
        head.put("intercept", est.intercept());
        head.put("class_weight", est.classWeight());
        if (est.params().kernel() == SvmKernel.LINEAR) {
            head.put("coef", est.coef());
            if (d.names.length == 2) {
                double margin = est.margin();
                head.put("margin", margin);
                d.out.printf("Margin 2/||w||: %.6g%n", margin);
            }
        }
        if (est.params().probability()) {
            head.put("probA", est.probAB()[0]);
            head.put("probB", est.probAB()[1]);
        }
        FitResult result = d.finish(est::predictIndices, est.params().probability() ? est::predictProba : null,
                seconds, head);
        d.save(est, "svc");
        if (result == null) {
            return 0;
        }
        if (figures != null) {
            figures.metric("test accuracy", result.report().accuracy());
            figures.metric("support vectors", Arrays.stream(nSupport).sum());
            figures.metric("fit seconds", seconds);
            figures.classifier(result.confusion(), d.test, d.rawTest.x(), result.predicted(), d.names,
                    scores(est, d.test.x()));
            figures.boundary(d.rawTrain, d.transforms, d.names, est::predictIndices, null);
            d.writePlots(figures, "SVC", est.getParams(), result);
        }
        return 0;
    }

    /**
     * The scores for the ROC curves, one column per class: the probabilities with {@code --probability}, else the
     * decision function (its one column, negated and as is, for two classes; the ovr columns for more).
     */
    static double[][] scores(SVC est, Tensor x) {
        if (est.params().probability()) {
            return est.predictProba(x);
        }
        double[][] dec = est.decisionFunction(x);
        if (dec[0].length == 1) {
            return Arrays.stream(dec).map(r -> new double[] {-r[0], r[0]}).toArray(double[][]::new);
        }
        if (dec[0].length != est.classes().length) {
            return null;                                      // ovo: one column per pair, not per class
        }
        return dec;
    }
}
