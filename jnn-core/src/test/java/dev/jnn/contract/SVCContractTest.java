package dev.jnn.contract;

import dev.jnn.api.Classifier;
import dev.jnn.estimator.SVC;
import dev.jnn.tensor.DType;
import dev.jnn.tensor.Tensor;

/** The classifier contract for {@code SVC} (with probability estimates, so that predictProba exists). */
class SVCContractTest extends ClassifierContract {
    @Override
    protected Classifier make() {
        return new SVC().setParams(java.util.Map.of("probability", true, "random_state", 0));
    }

    @Override
    protected String name() {
        return "SVC";
    }

    @Override
    protected String[] fitAndPredictNames(Classifier c, Tensor x, String[] y) {
        return ((SVC) c).fit(x, y).predictNames(x);
    }

    @Override
    protected String[] classNames(Classifier c) {
        return ((SVC) c).classNames();
    }

    /** scikit-learn's SVC converts X to float64 (libsvm computes in double). */
    @Override
    protected DType expectedFloat32Attributes() {
        return DType.FLOAT64;
    }
}
