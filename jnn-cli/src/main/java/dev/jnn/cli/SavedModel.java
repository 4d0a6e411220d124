package dev.jnn.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jnn.estimator.MLPClassifier;
import dev.jnn.estimator.MLPRegressor;
import dev.jnn.estimator.MultilayerPerceptron;
import dev.jnn.estimator.Perceptron;
import dev.jnn.estimator.SVC;
import dev.jnn.io.ModelFiles;
import dev.jnn.model.Sequential;
import dev.jnn.preprocess.Pipeline;
import dev.jnn.tensor.DType;
import dev.jnn.tensor.Tensor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/** A model read back from a file, as the commands that use one see it: its features, classes and predictions. */
final class SavedModel {
    final Path file;
    final Object model;
    final Map<String, String> metadata;

    private SavedModel(Path file, Object model, Map<String, String> metadata) {
        this.file = file;
        this.model = model;
        this.metadata = metadata;
    }

    static SavedModel load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new dev.jnn.data.DataException(file + ": no such file");
        }
        return new SavedModel(file, ModelFiles.load(file), ModelFiles.metadata(file));
    }

    String kind() {
        return model instanceof Pipeline ? "Pipeline of " + metadata.get("kind") : metadata.get("kind");
    }

    /** The model that predicts, after any fitted preprocessing. */
    private Object inner() {
        return model instanceof Pipeline p ? p.finalEstimator() : model;
    }

    /** The rows as the inner model takes them. */
    private Tensor prepared(Tensor x) {
        check(x);
        return model instanceof Pipeline p ? p.transform(x) : x;
    }

    boolean isClassifier() {
        return inner() instanceof dev.jnn.api.Classifier || model instanceof Sequential && metadata.containsKey("classes");
    }

    DType dtype() {
        if (inner() instanceof Sequential s) {
            return s.dtype();
        }
        return inner() instanceof MultilayerPerceptron m ? m.dtype() : DType.FLOAT64;
    }

    int features() {
        return ModelFiles.inputFeatures(model);
    }

    /** The class names in the order of the probability columns. */
    String[] classes() {
        if (inner() instanceof MLPClassifier c) {
            return c.classNames();
        }
        if (inner() instanceof Perceptron p) {
            return p.classNames();
        }
        if (inner() instanceof SVC s) {
            return s.classNames();
        }
        try {
            return new ObjectMapper().readValue(metadata.get("classes"), String[].class);
        } catch (IOException e) {
            throw new dev.jnn.data.DataException(file + ": __metadata__ classes is not a list of names");
        }
    }

    /** The predicted label of each row (class names, or the regression values). */
    String[] predict(Tensor raw) {
        Tensor x = prepared(raw);
        if (inner() instanceof MLPClassifier c) {
            return c.predictNames(x);
        }
        if (inner() instanceof Perceptron p) {
            return p.predictNames(x);
        }
        if (inner() instanceof SVC s) {
            return s.predictNames(x);
        }
        if (inner() instanceof MLPRegressor r) {
            return Arrays.stream(r.predict(x)).mapToObj(dev.jnn.util.PyFormat::repr).toArray(String[]::new);
        }
        Sequential s = (Sequential) model;
        if (!isClassifier()) {
            Tensor p = s.predict(x);
            return Arrays.stream(p.toDoubleArray()).mapToObj(dev.jnn.util.PyFormat::repr).toArray(String[]::new);
        }
        String[] names = classes();
        return Arrays.stream(s.predictClasses(x)).mapToObj(i -> names[i]).toArray(String[]::new);
    }

    /** Class probabilities per row (columns in {@link #classes()} order). */
    double[][] proba(Tensor raw) {
        Tensor x = prepared(raw);
        if (inner() instanceof MLPClassifier c) {
            return c.predictProba(x);
        }
        if (inner() instanceof Perceptron) {
            throw new IllegalArgumentException("--proba: a Perceptron has no probabilities");
        }
        if (inner() instanceof SVC s) {
            if (!s.params().probability()) {
                throw new IllegalArgumentException("--proba: " + file + " holds an SVC fitted without probability");
            }
            return s.predictProba(x);
        }
        if (!isClassifier()) {
            throw new IllegalArgumentException("--proba needs a classifier; " + file + " holds a regressor");
        }
        return ModelFit.probabilities(((Sequential) model).predict(x));
    }

    private void check(Tensor x) {
        if (x.cols() != features()) {
            throw new dev.jnn.data.DataException("the input has " + x.cols() + " features per row but " + file
                    + " takes " + features());
        }
    }
}
