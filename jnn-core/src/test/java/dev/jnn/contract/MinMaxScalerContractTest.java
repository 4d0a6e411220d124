package dev.jnn.contract;

import dev.jnn.api.Transformer;
import dev.jnn.preprocess.MinMaxScaler;

/** The transformer contract for {@code MinMaxScaler}. */
class MinMaxScalerContractTest extends TransformerContract {
    @Override
    protected Transformer make() {
        return new MinMaxScaler();
    }

    @Override
    protected String name() {
        return "MinMaxScaler";
    }

    @Override
    protected boolean allowsNaN() {
        return true;
    }
}
