package dev.jnn.selection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * scikit-learn's {@code ParameterGrid} (spec §6.8): the grids in list order; within a grid the names sorted
 * alphabetically and the Cartesian product enumerated with the last name varying fastest.
 */
public final class ParameterGrid {
    private ParameterGrid() {
    }

    /** Every candidate of the grids, in scikit-learn's order. */
    public static List<Map<String, Object>> of(List<? extends Map<String, ? extends List<?>>> grids) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, ? extends List<?>> grid : grids) {
            TreeMap<String, List<?>> sorted = new TreeMap<>();
            for (Map.Entry<String, ? extends List<?>> e : grid.entrySet()) {
                if (e.getValue() == null) {
                    throw new IllegalArgumentException("Parameter grid for parameter '" + e.getKey() + "' needs to be a"
                            + " list or a numpy array, but got None (of type NoneType) instead. Single values need to be"
                            + " wrapped in a list with one element.");
                }
                if (e.getValue().isEmpty()) {
                    throw new IllegalArgumentException("Parameter grid for parameter '" + e.getKey() + "' need to be a"
                            + " non-empty sequence, got: []");
                }
                sorted.put(e.getKey(), e.getValue());
            }
            List<String> names = new ArrayList<>(sorted.keySet());
            int[] index = new int[names.size()];
            while (true) {
                Map<String, Object> candidate = new LinkedHashMap<>();
                for (int i = 0; i < names.size(); i++) {
                    candidate.put(names.get(i), sorted.get(names.get(i)).get(index[i]));
                }
                out.add(candidate);
                int k = names.size() - 1;
                while (k >= 0 && ++index[k] == sorted.get(names.get(k)).size()) {
                    index[k--] = 0;
                }
                if (k < 0) {
                    break;
                }
            }
        }
        return out;
    }

    /** The candidates of one grid. */
    public static List<Map<String, Object>> of(Map<String, ? extends List<?>> grid) {
        return of(List.of(grid));
    }
}
