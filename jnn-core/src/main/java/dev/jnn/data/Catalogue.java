package dev.jnn.data;

import dev.jnn.tensor.DType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The entries of {@link Datasets}: names, descriptions, options with defaults, and how each set is made. */
final class Catalogue {
    private Catalogue() {
    }

    /**
     * One catalogue set.
     *
     * @param name        the catalogue name
     * @param description one line for {@code jnn datasets list}
     * @param options     option names and default values (generated sets only), in order
     * @param remote      the files it is made of, for the large sets; else null
     */
    record Entry(String name, String description, Map<String, String> options, RemoteSet remote,
                 Function<Options, Dataset> make) {
    }

    /** Option values of one request, the defaults filled in. */
    record Options(Map<String, String> values, DType dtype, DataStore store) {
        int i(String key) {
            String v = values.get(key);
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("option " + key + " must be an integer, got '" + v + "'");
            }
        }

        double d(String key) {
            String v = values.get(key);
            try {
                return Double.parseDouble(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("option " + key + " must be a number, got '" + v + "'");
            }
        }
    }

    private static Map<String, String> opts(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    static final List<Entry> ENTRIES = List.of(
            new Entry("mnist", "handwritten digits, 60,000 + 10,000 test, 28x28 in [0,1], 10 classes", Map.of(),
                    RemoteSet.MNIST, o -> Datasets.idx(RemoteSet.MNIST, o.store().locate(RemoteSet.MNIST, null),
                    o.dtype(), true)),
            new Entry("fashion-mnist", "clothing images, 60,000 + 10,000 test, 28x28 in [0,1], 10 classes", Map.of(),
                    RemoteSet.FASHION_MNIST, o -> Datasets.idx(RemoteSet.FASHION_MNIST,
                    o.store().locate(RemoteSet.FASHION_MNIST, null), o.dtype(), true)),
            new Entry("digits", "scikit-learn's digits: 1,797 8x8 images, values 0..16, 10 classes (bundled)",
                    Map.of(), null, o -> Datasets.digits()),
            new Entry("iris", "Fisher's iris: 150 flowers, 4 features, 3 classes (bundled)", Map.of(), null,
                    o -> Datasets.iris()),
            new Entry("breast-cancer", "Wisconsin breast cancer: 569 rows, 30 features, 2 classes (bundled)", Map.of(),
                    null, o -> Datasets.breastCancer()),
            new Entry("diabetes", "diabetes progression: 442 rows, 10 scaled features, regression (bundled)",
                    opts("scaled", "true"), null, o -> Datasets.diabetes(Boolean.parseBoolean(o.values().get("scaled")))),
            new Entry("gate-and", "AND truth table: 4 rows, 2 inputs", Map.of(), null,
                    o -> Dataset.of(ToySets.gate("and"))),
            new Entry("gate-or", "OR truth table: 4 rows, 2 inputs", Map.of(), null,
                    o -> Dataset.of(ToySets.gate("or"))),
            new Entry("gate-xor", "XOR truth table: 4 rows, 2 inputs", Map.of(), null,
                    o -> Dataset.of(ToySets.gate("xor"))),
            new Entry("xor", "noisy XOR clouds around (+-1, +-1), 2 classes (generated)",
                    opts("n", "200", "noise", "0.3", "seed", "0"), null,
                    o -> Dataset.of(ToySets.xor(o.i("n"), o.d("noise"), o.i("seed")))),
            new Entry("moons", "two interleaving half circles, as make_moons (generated)",
                    opts("n", "200", "noise", "0.2", "seed", "0"), null,
                    o -> Dataset.of(ToySets.moons(o.i("n"), o.d("noise"), o.i("seed")))),
            new Entry("circles", "a small circle inside a large one, as make_circles (generated)",
                    opts("n", "200", "noise", "0.1", "factor", "0.5", "seed", "0"), null,
                    o -> Dataset.of(ToySets.circles(o.i("n"), o.d("noise"), o.d("factor"), o.i("seed")))),
            new Entry("spirals", "k interleaved spiral arms, CS231n's set (generated; n points per arm)",
                    opts("n", "100", "arms", "3", "noise", "0.2", "seed", "0"), null,
                    o -> Dataset.of(ToySets.spirals(o.i("n"), o.i("arms"), o.d("noise"), o.i("seed")))),
            new Entry("blobs", "Gaussian clusters, as make_blobs (generated)",
                    opts("n", "200", "centers", "3", "std", "1.0", "seed", "0"), null,
                    o -> Dataset.of(ToySets.blobs(o.i("n"), o.i("centers"), o.d("std"), o.i("seed")))),
            new Entry("separable", "a linearly separable 2-class set for the perceptron (generated)",
                    opts("n", "100", "margin", "0.1", "seed", "0"), null,
                    o -> Dataset.of(ToySets.separable(o.i("n"), o.d("margin"), o.i("seed")))));

    static Entry entry(String name) {
        for (Entry e : ENTRIES) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        throw new DataException("unknown dataset '" + name + "'; known: " + String.join(", ", Datasets.NAMES));
    }

    static Dataset load(String spec, DType dtype, DataStore store) {
        int colon = spec.indexOf(':');
        Entry e = entry(colon < 0 ? spec : spec.substring(0, colon));
        Map<String, String> values = new LinkedHashMap<>(e.options());
        if (colon >= 0) {
            for (String kv : spec.substring(colon + 1).split(",")) {
                int eq = kv.indexOf('=');
                String key = eq < 0 ? kv.strip() : kv.substring(0, eq).strip();
                if (eq < 0 || !values.containsKey(key)) {
                    throw new IllegalArgumentException("dataset " + e.name() + ": unknown option '" + kv + "'; it takes "
                            + (e.options().isEmpty() ? "no options" : String.join(", ", e.options().keySet())));
                }
                values.put(key, kv.substring(eq + 1).strip());
            }
        }
        return e.make().apply(new Options(values, dtype, store)).to(dtype);
    }
}
