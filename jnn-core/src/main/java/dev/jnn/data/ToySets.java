package dev.jnn.data;

import dev.jnn.util.MemoryBudget;

import dev.jnn.tensor.Rng;
import dev.jnn.tensor.Tensor;

/**
 * The small 2-D sets of the course, generated from a seed. {@code moons}, {@code circles} and {@code blobs} draw
 * from the seed exactly as scikit-learn's {@code make_*} functions do with {@code random_state=seed}, so they give
 * the same points; {@code spirals} is CS231n's spiral set drawn the same way from numpy's {@code RandomState(seed)}.
 */
public final class ToySets {
    private ToySets() {
    }

    /** A logic gate's truth table: inputs (0,0), (0,1), (1,0), (1,1); {@code op} is and, or, xor, nand or nor. */
    public static Samples gate(String op) {
        int[] y = switch (op) {
            case "and" -> new int[]{0, 0, 0, 1};
            case "or" -> new int[]{0, 1, 1, 1};
            case "xor" -> new int[]{0, 1, 1, 0};
            case "nand" -> new int[]{1, 1, 1, 0};
            case "nor" -> new int[]{1, 0, 0, 0};
            default -> throw new IllegalArgumentException("unknown gate '" + op + "'; known: and, or, xor, nand, nor");
        };
        return Samples.of("gate-" + op, Tensor.of(new double[][]{{0, 0}, {0, 1}, {1, 0}, {1, 1}}), y);
    }

    /** scikit-learn's {@code make_moons(n, shuffle=True, noise=noise, random_state=seed)}. */
    public static Samples moons(int n, double noise, long seed) {
        checkCount(n, 1);
        int out = n / 2;
        int in = n - out;
        double[][] x = new double[n][];
        int[] y = new int[n];
        double[] a = linspace(0, Math.PI, out, true);
        double[] b = linspace(0, Math.PI, in, true);
        for (int i = 0; i < out; i++) {
            x[i] = new double[]{Math.cos(a[i]), Math.sin(a[i])};
        }
        for (int i = 0; i < in; i++) {
            x[out + i] = new double[]{1 - Math.cos(b[i]), 1 - Math.sin(b[i]) - 0.5};
            y[out + i] = 1;
        }
        return shuffleAndNoise("moons", x, y, noise, new Rng(seed));
    }

    /** scikit-learn's {@code make_circles(n, shuffle=True, noise=noise, random_state=seed, factor=factor)}. */
    public static Samples circles(int n, double noise, double factor, long seed) {
        checkCount(n, 1);
        if (factor >= 1 || factor < 0) {
            throw new IllegalArgumentException("'factor' has to be between 0 and 1.");
        }
        int out = n / 2;
        int in = n - out;
        double[][] x = new double[n][];
        int[] y = new int[n];
        double[] a = linspace(0, 2 * Math.PI, out, false);
        double[] b = linspace(0, 2 * Math.PI, in, false);
        for (int i = 0; i < out; i++) {
            x[i] = new double[]{Math.cos(a[i]), Math.sin(a[i])};
        }
        for (int i = 0; i < in; i++) {
            x[out + i] = new double[]{Math.cos(b[i]) * factor, Math.sin(b[i]) * factor};
            y[out + i] = 1;
        }
        return shuffleAndNoise("circles", x, y, noise, new Rng(seed));
    }

    /**
     * scikit-learn's {@code make_blobs(n, n_features=2, centers=centers, cluster_std=std, random_state=seed)}:
     * centres uniform in the box (-10, 10), then each cluster's rows, then a shuffle.
     */
    public static Samples blobs(int n, int centers, double std, long seed) {
        checkCount(n, 1);
        if (centers < 1) {
            throw new IllegalArgumentException("centers must be >= 1, got " + centers);
        }
        Rng rng = new Rng(seed);
        double[][] c = new double[centers][2];
        for (double[] row : c) {
            for (int j = 0; j < 2; j++) {
                row[j] = rng.uniform(-10.0, 10.0);
            }
        }
        double[][] x = new double[n][];
        int[] y = new int[n];
        int at = 0;
        for (int k = 0; k < centers; k++) {
            int count = n / centers + (k < n % centers ? 1 : 0);
            for (int i = 0; i < count; i++, at++) {
                x[at] = new double[]{rng.normal(c[k][0], std), rng.normal(c[k][1], std)};
                y[at] = k;
            }
        }
        return shuffleAndNoise("blobs", x, y, 0, rng);
    }

    /**
     * Noisy XOR clouds: {@code n} points split over the corners (±1, ±1), each with Gaussian noise of standard
     * deviation {@code noise}; the label is 1 where the corner's coordinates differ in sign, as XOR of the signs.
     */
    public static Samples xor(int n, double noise, long seed) {
        checkCount(n, 4);
        Rng rng = new Rng(seed);
        double[][] corners = {{-1, -1}, {-1, 1}, {1, -1}, {1, 1}};
        double[][] x = new double[n][];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            double[] c = corners[i % 4];
            x[i] = new double[]{c[0], c[1]};
            y[i] = c[0] != c[1] ? 1 : 0;
        }
        return shuffleAndNoise("xor", x, y, noise, rng);
    }

    /**
     * CS231n's spirals: {@code perArm} points on each of {@code arms} arms; on arm j the radius runs over
     * linspace(0, 1) and the angle over linspace(4j, 4(j+1)) plus Gaussian noise of deviation {@code noise};
     * a point is (r·sin θ, r·cos θ) and its label is j.
     */
    public static Samples spirals(int perArm, int arms, double noise, long seed) {
        checkCount(perArm, 1);
        checkCount((int) Math.min(Integer.MAX_VALUE, (long) perArm * Math.max(1, arms)), 1);
        if (arms < 2) {
            throw new IllegalArgumentException("arms must be >= 2, got " + arms);
        }
        Rng rng = new Rng(seed);
        double[][] x = new double[perArm * arms][];
        int[] y = new int[perArm * arms];
        for (int j = 0; j < arms; j++) {
            double[] r = linspace(0, 1, perArm, true);
            double[] t = linspace(4.0 * j, 4.0 * (j + 1), perArm, true);
            for (int i = 0; i < perArm; i++) {
                double theta = t[i] + rng.gaussian() * noise;
                x[j * perArm + i] = new double[]{r[i] * Math.sin(theta), r[i] * Math.cos(theta)};
                y[j * perArm + i] = j;
            }
        }
        return Samples.of("spirals", Tensor.of(x), y);
    }

    /**
     * A linearly separable two-class set for the perceptron: points uniform in [-1, 1]², labelled by the side of a
     * random line through the square, with points closer than {@code margin} to the line left out.
     */
    public static Samples separable(int n, double margin, long seed) {
        checkCount(n, 2);
        if (!(margin >= 0 && margin < 0.5)) {
            throw new IllegalArgumentException("margin must be in [0, 0.5), got " + margin);
        }
        Rng rng = new Rng(seed);
        double angle = rng.uniform(0, 2 * Math.PI);
        double w0 = Math.cos(angle);
        double w1 = Math.sin(angle);
        double b = rng.uniform(-0.3, 0.3);
        double[][] x = new double[n][];
        int[] y = new int[n];
        for (int i = 0; i < n; ) {
            double p = rng.uniform(-1, 1);
            double q = rng.uniform(-1, 1);
            double d = w0 * p + w1 * q + b;
            if (Math.abs(d) >= margin) {
                x[i] = new double[]{p, q};
                y[i++] = d > 0 ? 1 : 0;
            }
        }
        return Samples.of("separable", Tensor.of(x), y);
    }

    /** numpy's {@code linspace}: {@code start + i·step}, with the end point set exactly when included. */
    static double[] linspace(double start, double stop, int num, boolean endpoint) {
        double[] out = new double[num];
        int div = endpoint ? num - 1 : num;
        double step = div > 0 ? (stop - start) / div : 0;
        for (int i = 0; i < num; i++) {
            out[i] = i * step + start;
        }
        if (endpoint && num > 1) {
            out[num - 1] = stop;
        }
        return out;
    }

    /** scikit-learn's {@code util.shuffle} (a permutation of the rows) then {@code normal(scale=noise)} per value. */
    private static Samples shuffleAndNoise(String name, double[][] x, int[] y, double noise, Rng rng) {
        int[] idx = new int[x.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        rng.shuffle(idx);
        double[][] xs = new double[x.length][];
        int[] ys = new int[y.length];
        for (int i = 0; i < idx.length; i++) {
            xs[i] = x[idx[i]].clone();
            ys[i] = y[idx[i]];
        }
        if (noise > 0) {
            for (double[] row : xs) {
                for (int j = 0; j < row.length; j++) {
                    row[j] += rng.normal(0, noise);
                }
            }
        } else if (noise < 0 || Double.isNaN(noise)) {
            throw new IllegalArgumentException("noise must be >= 0, got " + noise);
        }
        return Samples.of(name, Tensor.of(xs), ys);
    }

    private static void checkCount(int n, int min) {
        if (n < min) {
            throw new IllegalArgumentException("the number of samples must be >= " + min + ", got " + n);
        }
        // a row array, its label, the shuffled copy and the tensor: about 128 bytes a two-feature sample
        MemoryBudget.require("a generated set of " + n + " samples", n, 128);
    }
}
