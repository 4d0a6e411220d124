package dev.jnn.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jnn.estimator.MLPClassifier;
import dev.jnn.estimator.MLPRegressor;
import dev.jnn.estimator.MultilayerPerceptron;
import dev.jnn.io.ModelFiles;
import dev.jnn.model.Sequential;
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
        return metadata.get("kind");
    }

    boolean isClassifier() {
        return model instanceof MLPClassifier || model instanceof Sequential && metadata.containsKey("classes");
    }

    DType dtype() {
        return model instanceof Sequential s ? s.dtype() : ((MultilayerPerceptron) model).dtype();
    }

    int features() {
        return model instanceof Sequential s ? Arrays.stream(s.inputShape()).reduce(1, (a, b) -> a * b)
                : ((MultilayerPerceptron) model).nFeaturesIn();
    }

    /** The class names in the order of the probability columns. */
    String[] classes() {
        if (model instanceof MLPClassifier c) {
            return c.classNames();
        }
        try {
            return new ObjectMapper().readValue(metadata.get("classes"), String[].class);
        } catch (IOException e) {
            throw new dev.jnn.data.DataException(file + ": __metadata__ classes is not a list of names");
        }
    }

    /** The predicted label of each row (class names, or the regression values). */
    String[] predict(Tensor x) {
        check(x);
        if (model instanceof MLPClassifier c) {
            return c.predictNames(x);
        }
        if (model instanceof MLPRegressor r) {
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
    double[][] proba(Tensor x) {
        check(x);
        if (model instanceof MLPClassifier c) {
            return c.predictProba(x);
        }
        if (!isClassifier()) {
            throw new IllegalArgumentException("--proba needs a classifier; " + file + " holds a regressor");
        }
        Tensor out = ((Sequential) model).predict(x);
        double[][] p = new double[out.rows()][];
        for (int r = 0; r < p.length; r++) {
            p[r] = new double[out.cols() == 1 ? 2 : out.cols()];
            for (int k = 0; k < out.cols(); k++) {
                p[r][out.cols() == 1 ? 1 : k] = out.get(r, k);
            }
            if (out.cols() == 1) {
                p[r][0] = 1 - p[r][1];
            }
        }
        return p;
    }

    private void check(Tensor x) {
        if (x.cols() != features()) {
            throw new dev.jnn.data.DataException("the input has " + x.cols() + " features per row but " + file
                    + " takes " + features());
        }
    }
}
