package dev.jnn.contract;

import dev.jnn.api.Classifier;
import dev.jnn.model.NetworkClassifier;
import dev.jnn.model.Recipe;
import dev.jnn.model.Sequential;
import dev.jnn.nn.Activation;
import dev.jnn.nn.Dense;
import dev.jnn.nn.Input;
import dev.jnn.tensor.DType;

/** The classifier contract for a Keras-style {@code Sequential}, through its {@code NetworkClassifier} adapter. */
class NetworkClassifierContractTest extends ClassifierContract {
    @Override
    protected Classifier make() {
        return new NetworkClassifier("small-mlp", features -> Sequential.of(new Input(features),
                new Dense(8, Activation.RELU), new Dense(3, Activation.SOFTMAX)),
                new Recipe("adam", 0.01, "constant", 16, 10));
    }

    @Override
    protected String name() {
        return "small-mlp";
    }

    @Override
    protected DType fittedDtype(Classifier fitted) {
        return ((NetworkClassifier) fitted).network().dtype();
    }

    @Override
    protected boolean savable() {
        return false;   // its network is saved as a Sequential (ModelFiles.save(network, classNames, file))
    }
}
