package dev.jnn.contract;

import dev.jnn.api.Transformer;
import dev.jnn.preprocess.Pca;

/** The transformer contract for {@code Pca}. */
class PcaContractTest extends TransformerContract {
    @Override
    protected Transformer make() {
        return new Pca(1, false);
    }

    @Override
    protected String name() {
        return "PCA";
    }
}
