package dev.jnn.nn;

import dev.jnn.tensor.Rng;
import dev.jnn.tensor.Tensor;

import java.util.Locale;

/**
 * A weight initialiser, with Keras's names and formulas. The variance-scaling ones (Glorot, He, LeCun) use the
 * fans of the tensor: for a Dense kernel (inputs, units), for a Conv2D kernel {@code kh·kw·channels} in and
 * {@code kh·kw·filters} out. Their normal variants draw from a normal truncated at two standard deviations,
 * rescaled so the variance is the intended one, as Keras does.
 *
 * @param kind one of {@code zeros, ones, constant, random_uniform, random_normal, glorot_uniform, glorot_normal,
 *             he_uniform, he_normal, lecun_uniform, lecun_normal}
 * @param a    the constant, the lower bound (uniform) or the mean (normal)
 * @param b    the upper bound (uniform) or the standard deviation (normal)
 */
public record Init(String kind, double a, double b) {
    private static final double TRUNCATED_STD = 0.87962566103423978;

    public Init {
        kind = kind.toLowerCase(Locale.ROOT);
        switch (kind) {
            case "zeros", "ones", "constant", "glorot_uniform", "glorot_normal", "he_uniform", "he_normal",
                 "lecun_uniform", "lecun_normal" -> { }
            case "random_uniform" -> {
                if (!(a < b)) {
                    throw new IllegalArgumentException("random_uniform needs minval < maxval, got " + a + " and " + b);
                }
            }
            case "random_normal" -> {
                if (!(b > 0)) {
                    throw new IllegalArgumentException("random_normal needs stddev > 0, got " + b);
                }
            }
            default -> throw new IllegalArgumentException("unknown initializer '" + kind + "'; expected zeros, ones, "
                    + "constant, random_uniform, random_normal, glorot_uniform, glorot_normal, he_uniform, he_normal, "
                    + "lecun_uniform or lecun_normal");
        }
    }

    public static Init zeros() {
        return new Init("zeros", 0, 0);
    }

    public static Init ones() {
        return new Init("ones", 1, 0);
    }

    public static Init constant(double value) {
        return new Init("constant", value, 0);
    }

    /** Uniform on [min, max); Keras's default is ±0.05. */
    public static Init randomUniform(double min, double max) {
        return new Init("random_uniform", min, max);
    }

    /** Normal with the given mean and standard deviation; Keras's default is (0, 0.05). */
    public static Init randomNormal(double mean, double stddev) {
        return new Init("random_normal", mean, stddev);
    }

    /** Uniform on ±√(6 / (fanIn + fanOut)), Keras's default kernel initialiser. */
    public static Init glorotUniform() {
        return new Init("glorot_uniform", 0, 0);
    }

    public static Init glorotNormal() {
        return new Init("glorot_normal", 0, 0);
    }

    /** Uniform on ±√(6 / fanIn), suited to relu. */
    public static Init heUniform() {
        return new Init("he_uniform", 0, 0);
    }

    public static Init heNormal() {
        return new Init("he_normal", 0, 0);
    }

    public static Init lecunUniform() {
        return new Init("lecun_uniform", 0, 0);
    }

    public static Init lecunNormal() {
        return new Init("lecun_normal", 0, 0);
    }

    /** An initialiser by its Keras name with default arguments, e.g. {@code "he_normal"} or {@code "zeros"}. */
    public static Init named(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "random_uniform" -> randomUniform(-0.05, 0.05);
            case "random_normal" -> randomNormal(0, 0.05);
            case "ones" -> ones();
            default -> new Init(name, 0, 0);
        };
    }

    /** Fills {@code t} in place, element by element in row-major order, from {@code rng}. */
    public void fill(Tensor t, int fanIn, int fanOut, Rng rng) {
        int n = t.size();
        for (int i = 0; i < n; i++) {
            t.setFlat(i, draw(fanIn, fanOut, rng));
        }
    }

    private double draw(int fanIn, int fanOut, Rng rng) {
        return switch (kind) {
            case "zeros" -> 0;
            case "ones", "constant" -> a;
            case "random_uniform" -> rng.uniform(a, b);
            case "random_normal" -> rng.normal(a, b);
            case "glorot_uniform" -> uniform(rng, 6.0 / (fanIn + fanOut));
            case "he_uniform" -> uniform(rng, 6.0 / fanIn);
            case "lecun_uniform" -> uniform(rng, 3.0 / fanIn);
            case "glorot_normal" -> truncated(rng, 2.0 / (fanIn + fanOut));
            case "he_normal" -> truncated(rng, 2.0 / fanIn);
            case "lecun_normal" -> truncated(rng, 1.0 / fanIn);
            default -> throw new IllegalStateException(kind);
        };
    }

    private static double uniform(Rng rng, double limitSquared) {
        double limit = Math.sqrt(limitSquared);
        return rng.uniform(-limit, limit);
    }

    private static double truncated(Rng rng, double variance) {
        double std = Math.sqrt(variance) / TRUNCATED_STD;
        double z;
        do {
            z = rng.gaussian();
        } while (Math.abs(z) > 2);
        return z * std;
    }
}
