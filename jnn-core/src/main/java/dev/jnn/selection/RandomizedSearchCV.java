package dev.jnn.selection;

import dev.jnn.api.Estimator;
import dev.jnn.tensor.Rng;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * scikit-learn's {@code RandomizedSearchCV}: {@code nIter} candidates drawn from lists (uniform choice) and
 * distributions ({@link Distribution#uniform}, {@link Distribution#loguniform}, {@link Distribution#randint}),
 * names taken in sorted order for each candidate; with only lists, distinct grid points are drawn without
 * replacement. The draws come from the seed's generator (not scipy's streams, so the candidates differ from
 * scikit-learn's for the same seed).
 */
public final class RandomizedSearchCV extends GridSearchCV {
    /** A distribution to draw one parameter value from. */
    @FunctionalInterface
    public interface Distribution {
        Object draw(Rng rng);

        /** Uniform on [lo, hi). */
        static Distribution uniform(double lo, double hi) {
            check(lo < hi, "uniform needs lo < hi");
            return rng -> rng.uniform(lo, hi);
        }

        /** Log-uniform on [lo, hi), for learning rates and penalties. */
        static Distribution loguniform(double lo, double hi) {
            check(lo > 0 && lo < hi, "loguniform needs 0 < lo < hi");
            return rng -> Math.exp(rng.uniform(Math.log(lo), Math.log(hi)));
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
            for (int i : rng.choiceWithoutReplacement(all.size(), take)) {
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
}
