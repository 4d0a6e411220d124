package dev.jnn.contract;

import dev.jnn.api.Transformer;
import dev.jnn.preprocess.PolynomialFeatures;

/** The transformer contract for {@code PolynomialFeatures}. */
class PolynomialFeaturesContractTest extends TransformerContract {
    @Override
    protected Transformer make() {
        return new PolynomialFeatures(2, false, true);
    }

    @Override
    protected String name() {
        return "PolynomialFeatures";
    }
}
