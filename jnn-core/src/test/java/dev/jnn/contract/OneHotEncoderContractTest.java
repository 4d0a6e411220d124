package dev.jnn.contract;

import dev.jnn.api.Transformer;
import dev.jnn.preprocess.OneHotEncoder;

/** The transformer contract for {@code OneHotEncoder}. */
class OneHotEncoderContractTest extends TransformerContract {
    @Override
    protected Transformer make() {
        return new OneHotEncoder();
    }

    @Override
    protected String name() {
        return "OneHotEncoder";
    }

    /** Small whole-number categories in two columns. */
    @Override
    protected dev.jnn.tensor.Tensor data() {
        double[][] rows = new double[12][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new double[] {i % 3, (i * 7) % 4};
        }
        return dev.jnn.tensor.Tensor.of(rows);
    }

    /** Not in model files yet: fittedState is not implemented for it. */
    @Override
    protected boolean savable() {
        return false;
    }
}
