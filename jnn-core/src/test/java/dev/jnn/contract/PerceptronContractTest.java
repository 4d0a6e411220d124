package dev.jnn.contract;

import dev.jnn.api.Classifier;
import dev.jnn.estimator.Perceptron;
import dev.jnn.tensor.DType;
import dev.jnn.tensor.Tensor;

/** The classifier contract for {@code Perceptron}. */
class PerceptronContractTest extends ClassifierContract {
    @Override
    protected Classifier make() {
        return new Perceptron().setParams(java.util.Map.of("random_state", 0));
    }

    @Override
    protected String name() {
        return "Perceptron";
    }

    @Override
    protected String[] fitAndPredictNames(Classifier c, Tensor x, String[] y) {
        return ((Perceptron) c).fit(x, y).predictNames(x);
    }

    @Override
    protected String[] classNames(Classifier c) {
        return ((Perceptron) c).classNames();
    }
    /** scikit-learn's Perceptron keeps float64 coefficients whatever X's dtype (SGD runs in float64). */
    @Override
    protected DType expectedFloat32Attributes() {
        return DType.FLOAT64;
    }

    @Override
    protected boolean hasProba() {
        return false;
    }

    /** scikit-learn's test_partial_fit_equal_fit_classif: two partial_fit calls equal fit with max_iter 2, no shuffle. */
    @Override
    protected int[][] fitVersusPartialFit(Tensor x, int[] y) {
        java.util.Map<String, Object> p = new java.util.HashMap<>();
        p.put("max_iter", 2);
        p.put("shuffle", false);
        p.put("tol", null);
        p.put("random_state", 0);
        Perceptron full = new Perceptron().setParams(p).fit(x, y);
        Perceptron steps = new Perceptron().setParams(p);
        int[] classes = java.util.Arrays.stream(y).distinct().sorted().toArray();
        for (int i = 0; i < 2; i++) {
            steps.partialFit(x, y, classes);
        }
        org.junit.jupiter.api.Assertions.assertEquals(full.t(), steps.t(), "t_");
        return new int[][] {full.predict(x), steps.predict(x)};
    }
}
