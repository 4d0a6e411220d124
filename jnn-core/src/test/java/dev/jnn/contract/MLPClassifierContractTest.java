package dev.jnn.contract;

import dev.jnn.api.Classifier;
import dev.jnn.estimator.MLPClassifier;
import dev.jnn.estimator.Solver;
import dev.jnn.tensor.DType;
import dev.jnn.tensor.Tensor;

import java.util.Arrays;

/** The classifier contract for {@code MLPClassifier}. */
class MLPClassifierContractTest extends ClassifierContract {
    @Override
    protected Classifier make() {
        return MLPClassifier.builder().hiddenLayerSizes(8).maxIter(40).randomState(0).build();
    }

    @Override
    protected String name() {
        return "MLPClassifier";
    }

    @Override
    protected String[] fitAndPredictNames(Classifier c, Tensor x, String[] y) {
        return ((MLPClassifier) c).fit(x, y).predictNames(x);
    }

    @Override
    protected String[] classNames(Classifier c) {
        return ((MLPClassifier) c).classNames();
    }

    @Override
    protected DType fittedDtype(Classifier fitted) {
        return ((MLPClassifier) fitted).coefs().get(0).dtype();
    }

    /** scikit-learn's test_partial_fit_classification: sgd, 20 partial_fit calls = fit with max_iter 20, tol 0. */
    @Override
    protected int[][] fitVersusPartialFit(Tensor x, int[] y) {
        MLPClassifier full = MLPClassifier.builder().solver(Solver.SGD).maxIter(20).tol(0.0).randomState(1)
                .hiddenLayerSizes(8).learningRateInit(0.2).alpha(1e-5).build().fit(x, y);
        MLPClassifier steps = MLPClassifier.builder().solver(Solver.SGD).randomState(1).hiddenLayerSizes(8)
                .learningRateInit(0.2).alpha(1e-5).build();
        int[] classes = Arrays.stream(y).distinct().sorted().toArray();
        for (int i = 0; i < 20; i++) {
            steps.partialFit(x, y, classes);
        }
        return new int[][] {full.predict(x), steps.predict(x)};
    }
}
