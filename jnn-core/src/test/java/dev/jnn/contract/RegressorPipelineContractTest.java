package dev.jnn.contract;

import dev.jnn.api.Regressor;
import dev.jnn.estimator.MLPRegressor;
import dev.jnn.preprocess.MinMaxScaler;
import dev.jnn.preprocess.Pipeline;
import dev.jnn.tensor.DType;

import java.util.List;

/** The regressor contract for a {@code Pipeline} of a scaler and an MLP; its messages are the first step's. */
class RegressorPipelineContractTest extends RegressorContract {
    @Override
    protected Regressor make() {
        return Pipeline.of(List.of(Pipeline.step("scaler", new MinMaxScaler())), "mlp",
                MLPRegressor.builder().hiddenLayerSizes(8).maxIter(60).randomState(0).build());
    }

    @Override
    protected String name() {
        return "MinMaxScaler";
    }

    @Override
    protected DType fittedDtype(Regressor fitted) {
        return ((MLPRegressor) ((Pipeline) fitted).finalEstimator()).coefs().get(0).dtype();
    }
}
