package dev.jnn.contract;

import dev.jnn.api.Transformer;
import dev.jnn.preprocess.StandardScaler;

/** The transformer contract for {@code StandardScaler}. */
class StandardScalerContractTest extends TransformerContract {
    @Override
    protected Transformer make() {
        return new StandardScaler();
    }

    @Override
    protected String name() {
        return "StandardScaler";
    }

    @Override
    protected boolean allowsNaN() {
        return true;
    }
}
