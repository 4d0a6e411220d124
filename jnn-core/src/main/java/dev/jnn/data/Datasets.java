package dev.jnn.data;

import dev.jnn.tensor.DType;
import dev.jnn.tensor.Tensor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The dataset catalogue. Bundled: {@code digits}, {@code iris}, {@code breast-cancer}, {@code diabetes}
 * (regression) and the logic gates; generated from a seed: {@code xor}, {@code moons}, {@code circles},
 * {@code spirals}, {@code blobs}, {@code separable} (see {@link ToySets}); found or downloaded through a
 * {@link DataStore}: {@code mnist} and {@code fashion-mnist}, with their official test split and pixels in [0, 1].
 */
public final class Datasets {
    private Datasets() {
    }

    /** Names that {@link #byName} knows, in catalogue order. */
    public static final List<String> NAMES = Catalogue.ENTRIES.stream().map(Catalogue.Entry::name).toList();

    /** A catalogue set by name, with the defaults of {@link #byName(String, DType, DataStore)}. */
    public static Dataset byName(String spec) {
        return byName(spec, DType.FLOAT64, DataStore.fromEnvironment(null));
    }

    /**
     * A catalogue set by name. Generated sets take options after a colon, e.g. {@code moons:n=500,noise=0.3,seed=1}
     * (see {@code jnn datasets info NAME} for each set's options and defaults).
     */
    public static Dataset byName(String spec, DType dtype, DataStore store) {
        return Catalogue.load(spec, dtype, store);
    }

    /** One line about a catalogue set. */
    public static String description(String name) {
        return Catalogue.entry(name).description();
    }

    private static final java.util.Map<String, List<String>> CLASS_NAMES = java.util.Map.of(
            "fashion-mnist", List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt",
                    "Sneaker", "Bag", "Ankle boot"),
            "iris", List.of("setosa", "versicolor", "virginica"),
            "breast-cancer", List.of("malignant", "benign"));

    /**
     * The names of a catalogue set's classes, by label (Fashion-MNIST's "T-shirt/top"..., scikit-learn's
     * {@code target_names}), or null for sets whose labels are their own names.
     */
    public static String[] classNames(String name) {
        String base = name.contains(":") ? name.substring(0, name.indexOf(':')) : name;
        List<String> names = CLASS_NAMES.get(base);
        return names == null ? null : names.toArray(new String[0]);
    }

    /** The options a generated set takes, with their defaults, in order (empty for the others). */
    public static java.util.Map<String, String> options(String name) {
        return Catalogue.entry(name).options();
    }

    /** The files of a set that is found or downloaded rather than bundled or generated. */
    public static java.util.Optional<RemoteSet> remote(String name) {
        return java.util.Optional.ofNullable(Catalogue.entry(name).remote());
    }

    /** True when {@code spec} names a catalogue set (with or without options). */
    public static boolean isCatalogueName(String spec) {
        return NAMES.contains(spec.contains(":") ? spec.substring(0, spec.indexOf(':')) : spec);
    }

    /** MNIST in float64, found or downloaded through the environment's store. */
    public static Dataset mnist() {
        return mnist(DType.FLOAT64);
    }

    /** MNIST: 60,000 training and 10,000 test images of 28×28 pixels scaled to [0, 1], labels 0..9. */
    public static Dataset mnist(DType dtype) {
        return idx(RemoteSet.MNIST, DataStore.fromEnvironment(null).locate(RemoteSet.MNIST, null), dtype, true);
    }

    /** Fashion-MNIST in float64. */
    public static Dataset fashionMnist() {
        return fashionMnist(DType.FLOAT64);
    }

    /** Fashion-MNIST: 60,000 training and 10,000 test images of clothing, 28×28 in [0, 1], labels 0..9. */
    public static Dataset fashionMnist(DType dtype) {
        return idx(RemoteSet.FASHION_MNIST, DataStore.fromEnvironment(null).locate(RemoteSet.FASHION_MNIST, null),
                dtype, true);
    }

    /**
     * An MNIST-format set from a directory with the four standard IDX files (raw or {@code .gz}): images
     * flattened to rows, divided by 255 when {@code scale}.
     */
    public static Dataset idx(RemoteSet set, Path dir, DType dtype, boolean scale) {
        Samples train = idxPart(set.name(), dir, "train", dtype, scale);
        Samples test = idxPart(set.name(), dir, "t10k", dtype, scale);
        return new Dataset(set.name(), train, test);
    }

    private static Samples idxPart(String name, Path dir, String part, DType dtype, boolean scale) {
        Path images = DataStore.file(dir, part + "-images-idx3-ubyte");
        Path labels = DataStore.file(dir, part + "-labels-idx1-ubyte");
        if (images == null || labels == null) {
            throw new DataException(dir + ": " + part + "-images-idx3-ubyte or " + part
                    + "-labels-idx1-ubyte is missing");
        }
        Tensor x = IdxReader.read(images, dtype);
        int[] y = IdxReader.readLabels(labels);
        int n = x.dim(0);
        if (n != y.length) {
            throw new DataException(images + " holds " + n + " images but " + labels + " holds " + y.length + " labels");
        }
        x = x.reshape(n, x.size() / Math.max(1, n));
        if (scale) {
            if (dtype == DType.FLOAT32) {
                float[] d = x.floatData();
                for (int i = 0; i < d.length; i++) {
                    d[i] /= 255f;
                }
            } else {
                double[] d = x.doubleData();
                for (int i = 0; i < d.length; i++) {
                    d[i] /= 255.0;
                }
            }
        }
        return Samples.of(name + (part.equals("train") ? "" : " test"), x, y);
    }

    /** scikit-learn's digits: 1,797 8×8 images with pixel values 0..16, labels 0..9 (bundled, UCI). */
    public static Dataset digits() {
        return Dataset.of(bundledCsv("digits", "digits.csv.gz", false));
    }

    /** Fisher's iris: 150 flowers, 4 features, classes 0..2 (setosa, versicolor, virginica). */
    public static Dataset iris() {
        return Dataset.of(bundledCsv("iris", "iris.csv", true));
    }

    /** Wisconsin diagnostic breast cancer: 569 rows, 30 features, 0 = malignant, 1 = benign. */
    public static Dataset breastCancer() {
        return Dataset.of(bundledCsv("breast-cancer", "breast_cancer.csv", true));
    }

    /** The diabetes regression set, scaled as scikit-learn's {@code load_diabetes()} does by default. */
    public static Dataset diabetes() {
        return diabetes(true);
    }

    /**
     * The diabetes regression set: 442 rows, 10 features, a continuous target. With {@code scaled}, each column
     * is centred and divided by its standard deviation times √442, as {@code load_diabetes(scaled=True)}.
     */
    public static Dataset diabetes(boolean scaled) {
        double[][] x = readSpaced("diabetes_data_raw.csv.gz");
        double[][] t = readSpaced("diabetes_target.csv.gz");
        if (x.length != t.length) {
            throw new DataException("bundled diabetes data: " + x.length + " rows but " + t.length + " targets");
        }
        if (scaled) {
            int n = x.length;
            for (int c = 0; c < x[0].length; c++) {
                double mean = 0;
                for (double[] row : x) {
                    mean += row[c];
                }
                mean /= n;
                double var = 0;
                for (double[] row : x) {
                    var += (row[c] - mean) * (row[c] - mean);
                }
                double std = Math.sqrt(var / n);
                for (double[] row : x) {
                    row[c] = (row[c] - mean) / std / Math.sqrt(n);
                }
            }
        }
        double[] y = new double[t.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = t[i][0];
        }
        return Dataset.of(Samples.of("diabetes", Tensor.of(x), y));
    }

    private static Samples bundledCsv(String name, String resource, boolean skipFirstLine) {
        try (InputStream raw = open(resource)) {
            InputStream in = resource.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
            if (skipFirstLine) {
                int ch;
                while ((ch = in.read()) != '\n' && ch >= 0) {
                    // the first line holds counts and class names, not data
                }
            }
            Samples s = CsvReader.read(in, name, -1);
            return new Samples(name, s.x(), s.labels());
        } catch (IOException e) {
            throw new DataException("cannot read the bundled " + resource + ": " + e.getMessage(), e);
        }
    }

    private static double[][] readSpaced(String resource) {
        List<double[]> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(open(resource)),
                StandardCharsets.US_ASCII))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank()) {
                    String[] f = line.trim().split("\\s+");
                    double[] row = new double[f.length];
                    for (int i = 0; i < f.length; i++) {
                        row[i] = Double.parseDouble(f[i]);
                    }
                    rows.add(row);
                }
            }
        } catch (IOException | NumberFormatException e) {
            throw new DataException("cannot read the bundled " + resource + ": " + e.getMessage(), e);
        }
        return rows.toArray(new double[0][]);
    }

    private static InputStream open(String resource) {
        InputStream in = Datasets.class.getResourceAsStream(resource);
        if (in == null) {
            throw new DataException("the bundled " + resource + " is missing from the jnn-core jar");
        }
        return in;
    }
}
