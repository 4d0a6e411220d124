package dev.jnn.contract;

import dev.jnn.api.Classifier;
import dev.jnn.estimator.MLPClassifier;
import dev.jnn.preprocess.Pipeline;
import dev.jnn.preprocess.StandardScaler;
import dev.jnn.tensor.DType;

import java.util.List;

/** The classifier contract for a {@code Pipeline} of a scaler and an MLP; its messages are the first step's. */
class PipelineContractTest extends ClassifierContract {
    @Override
    protected Classifier make() {
        return Pipeline.of(List.of(Pipeline.step("scaler", new StandardScaler())), "mlp",
                MLPClassifier.builder().hiddenLayerSizes(8).maxIter(40).randomState(0).build());
    }

    @Override
    protected String name() {
        return "StandardScaler";
    }

    @Override
    protected DType fittedDtype(Classifier fitted) {
        return ((MLPClassifier) ((Pipeline) fitted).finalEstimator()).coefs().get(0).dtype();
    }
}
