package dev.jnn.cli;

import dev.jnn.data.DataException;
import dev.jnn.data.DataFiles;
import dev.jnn.data.DataStore;
import dev.jnn.data.Dataset;
import dev.jnn.data.Datasets;
import dev.jnn.data.RemoteSet;
import dev.jnn.data.Samples;
import dev.jnn.data.TrainTestSplit;
import dev.jnn.tensor.DType;
import dev.jnn.tensor.Rng;
import dev.jnn.tensor.Tensor;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The data options that every training command shares: where the rows come from and how they are split. */
final class DataOptions {
    /** The command these options belong to, for its error stream. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--data", defaultValue = "digits", paramLabel = "NAME|PATH",
            description = {"A catalogue set (see `jnn datasets list`; generated sets take options, e.g."
                + " moons:n=500,noise=0.3) or a file: CSV (label column last by default), .npz with x and y arrays,"
                + " or .mat with X and y variables. Default: ${DEFAULT-VALUE}."})
    String data;

    @Option(names = "--test", paramLabel = "NAME|PATH",
            description = "Test set. Default: the set's official test split (mnist, fashion-mnist), else a split of --data.")
    String test;

    @Option(names = "--test-size", defaultValue = "0.25",
            description = "Test share (0, 1) or row count when --data is split. Default: ${DEFAULT-VALUE}.")
    double testSize;

    @Option(names = "--split-seed", defaultValue = "0",
            description = "Seed of the train/test split and of --max-train/--max-test. Default: ${DEFAULT-VALUE}.")
    long splitSeed;

    @Option(names = "--max-train", paramLabel = "N", description = "Train on a stratified random subset of N rows.")
    Integer maxTrain;

    @Option(names = "--max-test", paramLabel = "N", description = "Test on a stratified random subset of N rows.")
    Integer maxTest;

    /** The rows of an unlabelled --test file, once {@link #load} has found one; null otherwise. */
    private Tensor unlabelled;

    @Option(names = "--label-from-file", description = "--data (and --test) name several files, one class each"
            + " (class0.mat,class1.mat: .mat, .npz or .npy feature arrays); a row's label is its file's position.")
    boolean labelFromFile;

    @Option(names = "--columns", paramLabel = "I,J,...|NAME,...",
            description = "Keep these feature columns, in this order: 0-based indices among the features, or a CSV"
                    + " header's names.")
    String columns;

    @Option(names = "--first", paramLabel = "N", description = "Keep the first N rows of --data's training rows, in"
            + " file order (X[:N]), before any split.")
    Integer first;

    @Option(names = "--first-test", paramLabel = "N", description = "Keep the first N test rows, in file order.")
    Integer firstTest;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Directory with the IDX files of mnist or fashion-mnist (else JNN_DATA, the cache, system"
                + " locations, then a download).")
    Path dataDir;

    @Option(names = "--label-column", paramLabel = "NAME|INDEX", description = "CSV label column (default: the last).")
    String labelColumn;

    @Option(names = "--x-var", paramLabel = "NAME", description = "Feature array of an .npz or variable of a .mat (default x or X).")
    String xVar;

    @Option(names = "--y-var", paramLabel = "NAME", description = "Label array of an .npz or variable of a .mat (default y or Y).")
    String yVar;

    /** Loads, splits and subsets: the training and test rows in the given dtype. */
    Dataset load(DType dtype, boolean stratify, boolean progress) {
        if (maxTrain != null && maxTrain < 1) {
            throw new IllegalArgumentException("--max-train must be >= 1, got " + maxTrain);
        }
        if (maxTest != null && maxTest < 1) {
            throw new IllegalArgumentException("--max-test must be >= 1, got " + maxTest);
        }
        if (first != null && first < 1) {
            throw new IllegalArgumentException("--first must be >= 1, got " + first);
        }
        if (firstTest != null && firstTest < 1) {
            throw new IllegalArgumentException("--first-test must be >= 1, got " + firstTest);
        }
        if (data.isBlank()) {
            throw new IllegalArgumentException("--data is empty: give a file or a dataset name (jnn datasets lists"
                    + " them)");
        }
        if (test != null && test.isBlank()) {
            throw new IllegalArgumentException("--test is empty: give a file or a dataset name");
        }
        DataStore store = DataStore.fromEnvironment(new DownloadProgress(progress));
        Dataset set = open(data, dtype, store);
        requireFinite(set.train().x(), data);   // rows as the file numbers them, before any split shuffles them
        if (set.hasTest()) {
            requireFinite(set.test().x(), data + " (test rows)");
        }
        if (stratify) {   // a classifier: numbers with fractions are targets, not classes
            set.train().requireClassLabels();
            if (set.hasTest()) {
                set.test().requireClassLabels();
            }
        }
        if (first != null) {
            set = new Dataset(set.name(), head(set.train(), first), set.hasTest() ? set.test() : null);
        }
        if (test != null) {
            int features = set.train().x().cols();
            Samples testRows;
            if (Datasets.isCatalogueName(test) || labelFromFile) {
                Dataset t = open(test, dtype, store);
                testRows = t.hasTest() ? t.test() : t.train();
            } else {
                DataFiles.TestFile f = DataFiles.testFile(Path.of(test), new DataFiles.Options(xVar, yVar, labelColumn),
                        dtype, features);
                testRows = f.labelled();
                unlabelled = f.features();
            }
            if (testRows != null) {
                requireFinite(testRows.x(), test);
            }
            if (unlabelled != null) {
                requireFinite(unlabelled, test);
            }
            if (stratify && testRows != null) {
                testRows.requireClassLabels();
            }
            if (unlabelled != null) {
                if (unlabelled.cols() != features) {
                    throw new DataException(test + " has " + unlabelled.cols() + " features per row, but " + data
                            + " has " + features);
                }
                note("--test " + test + " has no labels: training on all of --data, then writing the test rows'"
                        + " predictions instead of a report");
                set = new Dataset(set.name(), set.train(), set.train());
            } else {
                if (testRows.x().cols() != features) {
                    throw new DataException(test + " has " + testRows.x().cols() + " features, but " + data + " has "
                            + features);
                }
                set = new Dataset(set.name(), set.train(), testRows);
            }
        } else if (!set.hasTest()) {
            int n = set.train().size();
            int nTest = TrainTestSplit.testCount(n, testSize);
            int classes = stratify ? set.train().classes().length : 1;
            if (n - nTest < classes || nTest < classes) {
                // the course trains and scores the logic gates on their four rows
                note(data + " has " + n + " rows, too few to split by --test-size " + dev.jnn.util.PyFormat.repr(testSize)
                        + (stratify ? " with every class on both sides" : "") + ": training and testing on all of them");
                set = new Dataset(set.name(), set.train(), set.train());
            } else {
                TrainTestSplit.Split split = TrainTestSplit.split(n, testSize, new Rng(splitSeed),
                        stratify ? set.train().classIndices() : null);
                set = new Dataset(set.name(), set.train().subset(split.train()), set.train().subset(split.test()));
            }
        }
        if (firstTest != null) {
            set = new Dataset(set.name(), set.train(), head(set.test(), firstTest));
            unlabelled = unlabelled == null ? null : unlabelled.rows(0, Math.min(firstTest, unlabelled.rows()));
        }
        if (columns != null) {
            int[] keep = columnIndices(set.train().x().cols());
            set = new Dataset(set.name(), set.train().withX(set.train().x().takeColumns(keep)),
                    set.test().withX(set.test().x().takeColumns(keep)));
            unlabelled = unlabelled == null ? null : unlabelled.takeColumns(keep);
        }
        return set.limit(maxTrain == null ? 0 : maxTrain, maxTest == null ? 0 : maxTest, splitSeed);
    }

    /** Fails on the first NaN or infinite feature, naming the file's row and column (1-based). */
    private static void requireFinite(Tensor x, String source) {
        if (dev.jnn.tensor.Kernels.allFinite(x)) {
            return;   // the usual case, in one vectorised pass; the scan below only locates the culprit
        }
        int cols = x.cols();
        for (int r = 0; r < x.rows(); r++) {
            for (int c = 0; c < cols; c++) {
                double v = x.get(r, c);
                if (!Double.isFinite(v)) {
                    throw new DataException(source + ": row " + (r + 1) + ", column " + (c + 1) + " is "
                            + dev.jnn.util.PyFormat.repr(v) + "; features must be finite numbers");
                }
            }
        }
    }

    /** {@link #load} for a command that scores on labelled test rows: a --test file without labels is an error. */
    Dataset loadLabelled(DType dtype, boolean stratify, boolean progress, String command) {
        Dataset set = load(dtype, stratify, progress);
        if (unlabelled != null) {
            throw new IllegalArgumentException(command + " needs a labelled test set; --test " + test + " has no"
                    + " labels (jnn fit and jnn predict take one without)");
        }
        return set;
    }

    /** The rows of an unlabelled --test file (see {@link #load}), or null when the test set has labels. */
    Tensor unlabelledTest() {
        return unlabelled;
    }

    /** The class names of a catalogue --data set (Fashion-MNIST's "T-shirt/top"...), or null. */
    String[] classNames() {
        return Datasets.isCatalogueName(data) ? Datasets.classNames(data) : null;
    }

    /** {@code --columns} as feature indices: numbers as they are, names looked up in --data's CSV header. */
    private int[] columnIndices(int features) {
        String[] parts = columns.split(",");
        List<String> names = null;
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i].strip();
            if (p.matches("\\d+")) {
                out[i] = Integer.parseInt(p);
            } else {
                if (names == null) {
                    Path file = Path.of(data);
                    names = Files.isRegularFile(file) && file.getFileName().toString().matches("(?i).*\\.csv(\\.gz)?")
                            ? dev.jnn.data.CsvReader.featureNames(file, labelColumn) : List.of();
                    if (names.isEmpty()) {
                        throw new IllegalArgumentException("--columns " + p + ": names need --data to be a CSV file"
                                + " with a header; give 0-based indices instead");
                    }
                }
                out[i] = names.indexOf(p);
                if (out[i] < 0) {
                    throw new IllegalArgumentException("--columns: no feature column named '" + p + "'; the header"
                            + " has " + names);
                }
            }
            if (out[i] >= features) {
                throw new IllegalArgumentException("--columns: column " + out[i] + " does not exist; the data have "
                        + features + " features (0 to " + (features - 1) + ")");
            }
        }
        return out;
    }

    /** The first {@code n} rows (all of them when there are fewer). */
    private static Samples head(Samples s, int n) {
        int[] rows = new int[Math.min(n, s.size())];
        java.util.Arrays.setAll(rows, i -> i);
        return s.subset(rows);
    }

    private void note(String line) {
        java.io.PrintWriter err = command != null ? command.commandLine().getErr() : new java.io.PrintWriter(System.err);
        err.println("jnn: " + line);
        err.flush();
    }

    private Dataset open(String spec, DType dtype, DataStore store) {
        if (labelFromFile || spec.contains(",") && !Datasets.isCatalogueName(spec)) {
            if (!labelFromFile) {
                throw new IllegalArgumentException("'" + spec + "' names several files: add --label-from-file to take"
                        + " one class from each");
            }
            List<Path> files = java.util.Arrays.stream(spec.split(",")).map(String::strip).map(Path::of).toList();
            return Dataset.of(DataFiles.byFile(files, xVar, dtype));
        }
        if (Datasets.isCatalogueName(spec)) {
            String base = spec.contains(":") ? spec.substring(0, spec.indexOf(':')) : spec;
            if (dataDir != null && (base.equals("mnist") || base.equals("fashion-mnist"))) {
                RemoteSet remote = base.equals("mnist") ? RemoteSet.MNIST : RemoteSet.FASHION_MNIST;
                return Datasets.idx(remote, store.locate(remote, dataDir), dtype, true);
            }
            return Datasets.byName(spec, dtype, store);
        }
        Path p = Path.of(spec);
        if (!Files.exists(p)) {
            throw new DataException("'" + spec + "' is neither a catalogue set (" + String.join(", ", Datasets.NAMES)
                    + ") nor an existing file");
        }
        return DataFiles.dataset(p, new DataFiles.Options(xVar, yVar, labelColumn), dtype);
    }
}
