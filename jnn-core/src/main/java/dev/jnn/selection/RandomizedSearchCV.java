package dev.jnn.selection;

import dev.jnn.api.Estimator;
import dev.jnn.tensor.Rng;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * scikit-learn's {@code RandomizedSearchCV}: {@code nIter} candidates drawn as its {@code ParameterSampler} draws
 * them, from numpy's {@code RandomState(seed)}, so that the same seed gives scikit-learn 1.2.1's candidates. Lists
 * are sampled by {@code rng.randint(len)} and distributions as scipy 1.10's {@code rvs(random_state=rng)} draws
 * ({@link Distribution#uniform}, {@link Distribution#loguniform}, {@link Distribution#randint},
 * {@link Distribution#norm}, {@link Distribution#expon}), names in sorted order for each candidate. With only
 * lists, distinct grid points are drawn without replacement by {@code sample_without_replacement}'s own methods.
 */
public final class RandomizedSearchCV extends GridSearchCV {
    /** A distribution to draw one parameter value from. */
    @FunctionalInterface
    public interface Distribution {
        Object draw(Rng rng);

        /** Uniform on [lo, hi): scipy's {@code uniform(loc=lo, scale=hi - lo)}. */
        static Distribution uniform(double lo, double hi) {
            check(lo < hi, "uniform needs lo < hi");
            return uniformLocScale(lo, hi - lo);
        }

        /** scipy's {@code uniform(loc, scale)} itself, on [loc, loc + scale): {@code u·scale + loc}. */
        static Distribution uniformLocScale(double loc, double scale) {
            check(scale > 0, "uniform needs scale > 0");
            return rng -> rng.nextDouble() * scale + loc;
        }

        /** Log-uniform on [lo, hi), for learning rates and penalties: scipy's {@code loguniform(lo, hi)}, lo·(hi/lo)ᵘ. */
        static Distribution loguniform(double lo, double hi) {
            check(lo > 0 && lo < hi, "loguniform needs 0 < lo < hi");
            return rng -> lo * Math.pow(hi / lo, rng.nextDouble());
        }

        /** scipy's {@code norm(loc, scale)}: numpy's legacy Gaussian, {@code z·scale + loc}. */
        static Distribution norm(double loc, double scale) {
            check(scale > 0, "norm needs scale > 0");
            return rng -> rng.gaussian() * scale + loc;
        }

        /** scipy's {@code expon(loc, scale)}: numpy's legacy exponential −ln(1 − u), times scale, plus loc. */
        static Distribution expon(double loc, double scale) {
            check(scale > 0, "expon needs scale > 0");
            return rng -> -Math.log(1.0 - rng.nextDouble()) * scale + loc;
        }

        /** An integer in [lo, hi). */
        static Distribution randint(int lo, int hi) {
            check(lo < hi, "randint needs lo < hi");
            return rng -> (int) rng.randint(lo, hi);
        }

        private static void check(boolean ok, String message) {
            if (!ok) {
                throw new IllegalArgumentException(message);
            }
        }
    }

    /** A search over {@code nIter} candidates drawn with {@code seed}; values are lists or distributions. */
    public RandomizedSearchCV(Estimator estimator, Map<String, ?> space, int nIter, long seed, Settings settings) {
        super(estimator, sample(space, nIter, new Rng(seed)), settings, true);
    }

    static List<Map<String, Object>> sample(Map<String, ?> space, int nIter, Rng rng) {
        if (nIter < 1) {
            throw new IllegalArgumentException("n_iter must be >= 1, got " + nIter);
        }
        TreeMap<String, Object> sorted = new TreeMap<>(space);
        boolean allLists = sorted.values().stream().allMatch(v -> v instanceof List<?>);
        if (allLists) {
            @SuppressWarnings("unchecked")
            Map<String, List<?>> grid = (Map<String, List<?>>) (Map<String, ?>) sorted;
            List<Map<String, Object>> all = ParameterGrid.of(grid);
            int take = Math.min(nIter, all.size());
            List<Map<String, Object>> out = new ArrayList<>();
            for (int i : sampleWithoutReplacement(all.size(), take, rng)) {
                out.add(all.get(i));
            }
            return out;
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < nIter; i++) {
            Map<String, Object> candidate = new LinkedHashMap<>();
            sorted.forEach((name, v) -> {
                if (v instanceof List<?> list) {
                    if (list.isEmpty()) {
                        throw new IllegalArgumentException("Parameter '" + name + "' has an empty list of values");
                    }
                    candidate.put(name, list.get((int) rng.randint(0, list.size())));
                } else if (v instanceof Distribution d) {
                    candidate.put(name, d.draw(rng));
                } else {
                    throw new IllegalArgumentException("Parameter '" + name + "' must be a list or a distribution, got "
                            + v);
                }
            });
            out.add(candidate);
        }
        return out;
    }

    /**
     * scikit-learn's {@code sample_without_replacement(n, k, method="auto")}: a permutation's first k when
     * 0.01 < k/n < 0.99; else tracking selection (redraw on a repeat) below 0.2, reservoir sampling above.
     */
    static int[] sampleWithoutReplacement(int n, int k, Rng rng) {
        double ratio = n == 0 ? 1 : (double) k / n;
        if (ratio > 0.01 && ratio < 0.99) {
            return java.util.Arrays.copyOf(rng.permutation(n), k);
        }
        int[] out = new int[k];
        if (ratio < 0.2) {
            java.util.Set<Integer> selected = new java.util.HashSet<>();
            for (int i = 0; i < k; i++) {
                int j = (int) rng.randint(0, n);
                while (!selected.add(j)) {
                    j = (int) rng.randint(0, n);
                }
                out[i] = j;
            }
            return out;
        }
        java.util.Arrays.setAll(out, i -> i);
        for (int i = k; i < n; i++) {
            int j = (int) rng.randint(0, i + 1);
            if (j < k) {
                out[j] = i;
            }
        }
        return out;
    }
}
