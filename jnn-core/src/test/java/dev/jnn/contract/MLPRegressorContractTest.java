package dev.jnn.contract;

import dev.jnn.api.Regressor;
import dev.jnn.estimator.MLPRegressor;
import dev.jnn.tensor.DType;

/** The regressor contract for {@code MLPRegressor}. */
class MLPRegressorContractTest extends RegressorContract {
    @Override
    protected Regressor make() {
        return MLPRegressor.builder().hiddenLayerSizes(8).maxIter(60).randomState(0).build();
    }

    @Override
    protected String name() {
        return "MLPRegressor";
    }

    @Override
    protected DType fittedDtype(Regressor fitted) {
        return ((MLPRegressor) fitted).coefs().get(0).dtype();
    }
}
