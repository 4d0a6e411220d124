package dev.jnn.cli;

import dev.jnn.selection.RandomizedSearchCV;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses {@code --param NAME=V1,V2} options into a search space with scikit-learn's snake_case names. */
final class SearchSpace {
    private SearchSpace() {
    }

    /** Values stay text (the estimator parses them); with {@code random}, distributions are allowed. */
    static Map<String, Object> parse(List<String> params, boolean random) {
        Map<String, Object> space = new LinkedHashMap<>();
        for (String p : params) {
            int eq = p.indexOf('=');
            if (eq <= 0 || eq == p.length() - 1) {
                throw new IllegalArgumentException("--param takes NAME=V1,V2,..., got '" + p + "'");
            }
            String name = p.substring(0, eq).strip().replace('-', '_');
            String values = p.substring(eq + 1).strip();
            if (space.containsKey(name)) {
                throw new IllegalArgumentException("--param " + name + " is given twice");
            }
            if (values.matches("(uniform|loguniform|randint|norm|expon):[^:]+:[^:]+")) {
                if (!random) {
                    throw new IllegalArgumentException("--param " + name + "=" + values + ": distributions need"
                            + " --random-search N");
                }
                space.put(name, distribution(values));
                continue;
            }
            String sep = name.equals("hidden_layer_sizes") ? ";" : ",";
            List<String> list = new ArrayList<>(Arrays.stream(values.split(sep)).map(String::strip).toList());
            if (list.stream().anyMatch(String::isEmpty)) {
                throw new IllegalArgumentException("--param " + name + " has an empty value in '" + values + "'");
            }
            space.put(name, list);
        }
        return space;
    }

    private static RandomizedSearchCV.Distribution distribution(String spec) {
        String[] p = spec.split(":");
        try {
            return switch (p[0]) {
                case "uniform" -> RandomizedSearchCV.Distribution.uniform(Double.parseDouble(p[1]), Double.parseDouble(p[2]));
                case "loguniform" -> RandomizedSearchCV.Distribution.loguniform(Double.parseDouble(p[1]),
                        Double.parseDouble(p[2]));
                case "norm" -> RandomizedSearchCV.Distribution.norm(Double.parseDouble(p[1]), Double.parseDouble(p[2]));
                case "expon" -> RandomizedSearchCV.Distribution.expon(Double.parseDouble(p[1]), Double.parseDouble(p[2]));
                default -> RandomizedSearchCV.Distribution.randint(Integer.parseInt(p[1]), Integer.parseInt(p[2]));
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad distribution '" + spec + "': " + e.getMessage());
        }
    }

    /** The space as a grid (every value a list). */
    @SuppressWarnings("unchecked")
    static Map<String, List<?>> asGrid(Map<String, Object> space) {
        Map<String, List<?>> grid = new LinkedHashMap<>();
        space.forEach((k, v) -> grid.put(k, (List<Object>) v));
        return grid;
    }
}
