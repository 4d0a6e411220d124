package dev.jnn.cli;

import dev.jnn.data.CsvReader;
import dev.jnn.data.DataException;
import dev.jnn.data.ImageFiles;
import dev.jnn.data.NumpyFiles;
import dev.jnn.data.Samples;
import dev.jnn.tensor.DType;
import dev.jnn.tensor.Tensor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code jnn predict}: a saved model's predictions for new rows or pictures. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Predict with a saved model (jnn fit --save). Output: a header line, then per row the predicted"
                + " label and, with --proba, one probability column per class (proba_<class>).")
final class PredictCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ModelFileOption model;

    @Option(names = "--input", required = true, arity = "1..*", paramLabel = "FILE",
            description = "Rows to predict: CSV (as many columns as the model has features, or one more, a label"
                    + " column, which is ignored), .npy (a matrix), .npz (array x), or pictures of digits (PNG, JPEG),"
                    + " prepared MNIST-style.")
    List<Path> inputs;

    @Option(names = "--proba", description = "Add the class probabilities.")
    boolean proba;

    @Option(names = "--invert", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Pictures are dark ink on a light page (the default); --no-invert for white on black.")
    boolean invert;

    @Option(names = "--output", paramLabel = "FILE.csv", description = "Write the CSV here (atomically) instead of printing it.")
    Path output;

    @Override
    public Integer call() throws Exception {
        SavedModel m = model.load();
        if (proba && !m.isClassifier()) {
            throw new IllegalArgumentException("--proba needs a classifier; " + model.file + " holds a regressor");
        }
        Tensor x = rows(m);
        String[] labels = m.predict(x);
        PredictionsCsv.write(labels, proba ? m.classes() : null, proba ? m.proba(x) : null, output,
                spec.commandLine().getOut());
        return 0;
    }

    /** Every input's rows, in the model's dtype. */
    private Tensor rows(SavedModel m) {
        List<Tensor> parts = new ArrayList<>();
        for (Path in : inputs) {
            if (!Files.isRegularFile(in)) {
                throw new DataException(in + ": no such file");
            }
            String name = in.getFileName().toString().toLowerCase(Locale.ROOT);
            Tensor t;
            if (name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg")) {
                t = ImageFiles.readDigit(in, invert, m.dtype());
            } else if (name.endsWith(".npy")) {
                t = NumpyFiles.readNpy(in, m.dtype());
            } else if (name.endsWith(".npz")) {
                Map<String, Tensor> arrays = NumpyFiles.readNpz(in, m.dtype());
                t = arrays.containsKey("x") ? arrays.get("x") : arrays.get("X");
                if (t == null) {
                    throw new DataException(in + ": no array x in " + arrays.keySet());
                }
            } else if (name.endsWith(".csv") || name.endsWith(".csv.gz")) {
                t = csv(in, m.features()).to(m.dtype());
            } else {
                throw new IllegalArgumentException("--input " + in + ": use CSV, .npy, .npz, PNG or JPEG");
            }
            if (t.rank() == 1) {
                t = t.reshape(1, t.size());
            } else if (t.rank() > 2) {
                t = t.reshape(t.shape()[0], t.size() / t.shape()[0]);
            }
            parts.add(t);
        }
        int rows = parts.stream().mapToInt(Tensor::rows).sum();
        int cols = parts.get(0).cols();
        Tensor all = Tensor.zeros(m.dtype(), rows, cols);
        int at = 0;
        for (int i = 0; i < parts.size(); i++) {
            Tensor t = parts.get(i);
            if (t.cols() != cols) {
                throw new DataException(inputs.get(i) + ": " + t.cols() + " values per row, the first input has " + cols);
            }
            t.copy().copyInto(all, at);
            at += t.rows();
        }
        return all;
    }

    /** A CSV's features: all its columns, or all but a last label column when it has one more than the model. */
    private static Tensor csv(Path in, int features) {
        Samples s = CsvReader.read(in);
        if (s.x().cols() == features) {
            return s.x();
        }
        if (s.x().cols() + 1 != features) {
            throw new DataException(in + ": " + (s.x().cols() + 1) + " columns; the model takes " + features
                    + " features (a label column may follow them)");
        }
        Tensor x = Tensor.zeros(DType.FLOAT64, s.size(), features);
        for (int r = 0; r < s.size(); r++) {
            for (int c = 0; c < features - 1; c++) {
                x.set(s.x().get(r, c), r, c);
            }
            try {
                x.set(Double.parseDouble(s.labels()[r]), r, features - 1);
            } catch (NumberFormatException e) {
                throw new DataException(in + ": row " + (r + 1) + ", last column: '" + s.labels()[r]
                        + "' is not a number");
            }
        }
        return x;
    }
}
