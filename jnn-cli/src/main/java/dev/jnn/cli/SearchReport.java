package dev.jnn.cli;

import dev.jnn.selection.GridSearchCV;
import dev.jnn.selection.SearchResults;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** The text {@code jnn search} prints: the best candidate, the top candidates, and a 2-D table of mean scores. */
final class SearchReport {
    private static final int TOP = 5;

    private SearchReport() {
    }

    static String text(GridSearchCV search, String prefix, double seconds, double testScore, int testRows) {
        SearchResults r = search.cvResults();
        List<Map<String, Object>> candidates = search.candidates();
        double[] mean = r.meanTestScore();
        double[] std = r.stdTestScore();
        int[] rank = r.rankTestScore();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%nSearched in %.1f s.%n", seconds));
        sb.append("Best parameters: ").append(show(search.bestParams(), prefix)).append('\n');
        sb.append(String.format("Best mean CV score: %.4f; refitted on all training rows, test score %.4f (%d rows)%n%n",
                search.bestScore(), testScore, testRows));
        sb.append("rank  mean     std      parameters\n");
        IntStream.range(0, mean.length).boxed().sorted(Comparator.comparingInt((Integer i) -> rank[i]).thenComparing(i -> i))
                .limit(TOP).forEach(i -> sb.append(String.format("%4d  %.4f   %.4f   %s%n", rank[i], mean[i],
                        std[i], show(candidates.get(i), prefix))));
        List<String> varying = new ArrayList<>();
        for (String name : new LinkedHashSet<>(candidates.get(0).keySet())) {
            if (candidates.stream().map(c -> String.valueOf(c.get(name))).distinct().count() > 1) {
                varying.add(name);
            }
        }
        if (varying.size() == 2) {
            sb.append('\n').append(table(candidates, mean, varying.get(0), varying.get(1), prefix));
        }
        return sb.toString();
    }

    /** Mean test scores with the first parameter's values as rows and the second's as columns. */
    private static String table(List<Map<String, Object>> candidates, double[] mean, String rowName, String colName,
                                String prefix) {
        List<String> rows = candidates.stream().map(c -> String.valueOf(c.get(rowName))).distinct().toList();
        List<String> cols = candidates.stream().map(c -> String.valueOf(c.get(colName))).distinct().toList();
        int width = Math.max(8, cols.stream().mapToInt(String::length).max().orElse(0) + 2);
        int first = Math.max(rowName.length() - prefix.length(), rows.stream().mapToInt(String::length).max().orElse(0)) + 2;
        StringBuilder sb = new StringBuilder("Mean test score (rows: " + rowName.substring(prefix.length())
                + ", columns: " + colName.substring(prefix.length()) + ")\n");
        sb.append(" ".repeat(first));
        cols.forEach(c -> sb.append(String.format("%" + width + "s", c)));
        sb.append('\n');
        for (String row : rows) {
            sb.append(String.format("%-" + first + "s", row));
            for (String col : cols) {
                double v = Double.NaN;
                for (int i = 0; i < candidates.size(); i++) {
                    if (String.valueOf(candidates.get(i).get(rowName)).equals(row)
                            && String.valueOf(candidates.get(i).get(colName)).equals(col)) {
                        v = mean[i];
                    }
                }
                sb.append(String.format("%" + width + "s", Double.isNaN(v) ? "-" : String.format("%.4f", v)));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String show(Map<String, Object> params, String prefix) {
        List<String> parts = new ArrayList<>();
        params.forEach((k, v) -> parts.add(k.substring(prefix.length()) + "=" + (v instanceof Double d
                ? dev.jnn.util.PyFormat.repr(d) : v)));
        return String.join(", ", parts);
    }
}
