package dev.jnn.selection;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.jnn.util.AtomicFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * scikit-learn's {@code cv_results_} (spec §6.9): one column per key, one entry per candidate, keys in
 * scikit-learn's order; with CSV and JSON export.
 */
public final class SearchResults {
    private final Map<String, List<Object>> columns;
    private final String first;

    /**
     * @param metrics the metric names ({@code score} for a single metric), with scores indexed
     *                [metric][candidate][split]
     */
    SearchResults(List<Map<String, Object>> candidates, List<String> metrics, double[][][] test, double[][][] train,
                  double[][] fitTimes, double[][] scoreTimes) {
        int k = test[0].length == 0 ? 0 : test[0][0].length;
        this.first = metrics.get(0);
        Map<String, List<Object>> c = new LinkedHashMap<>();
        c.put("mean_fit_time", list(means(fitTimes)));
        c.put("std_fit_time", list(stds(fitTimes)));
        c.put("mean_score_time", list(means(scoreTimes)));
        c.put("std_score_time", list(stds(scoreTimes)));
        Set<String> names = new LinkedHashSet<>();
        candidates.forEach(p -> names.addAll(p.keySet()));
        for (String name : names) {
            List<Object> values = new ArrayList<>();
            candidates.forEach(p -> values.add(p.get(name)));
            c.put("param_" + name, values);
        }
        c.put("params", new ArrayList<>(candidates));
        for (int m = 0; m < metrics.size(); m++) {
            String name = metrics.get(m);
            addScores(c, "test_" + name, test[m], k);
            c.put("rank_test_" + name, list(rank(means(test[m]))));
            if (train != null) {
                addScores(c, "train_" + name, train[m], k);
            }
        }
        this.columns = c;
    }

    private static void addScores(Map<String, List<Object>> c, String suffix, double[][] scores, int k) {
        for (int s = 0; s < k; s++) {
            List<Object> col = new ArrayList<>();
            for (double[] row : scores) {
                col.add(row[s]);
            }
            c.put("split" + s + "_" + suffix, col);
        }
        c.put("mean_" + suffix, list(means(scores)));
        c.put("std_" + suffix, list(stds(scores)));
    }

    /** The columns, in scikit-learn's key order. */
    public Map<String, List<Object>> asMap() {
        return columns;
    }

    /** One column. */
    public List<Object> get(String key) {
        List<Object> col = columns.get(key);
        if (col == null) {
            throw new IllegalArgumentException("no column '" + key + "'; columns: " + columns.keySet());
        }
        return col;
    }

    /** The mean test score of every candidate (of the first metric). */
    public double[] meanTestScore() {
        return get("mean_test_" + first).stream().mapToDouble(o -> (Double) o).toArray();
    }

    /** The standard deviation over the splits of every candidate's test score (of the first metric). */
    public double[] stdTestScore() {
        return get("std_test_" + first).stream().mapToDouble(o -> (Double) o).toArray();
    }

    /** The rank of every candidate (1 is best; by the first metric). */
    public int[] rankTestScore() {
        return get("rank_test_" + first).stream().mapToInt(o -> ((Number) o).intValue()).toArray();
    }

    /** Writes a CSV: a header of the keys, then one line per candidate ({@code params} as JSON). */
    public void writeCsv(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        StringBuilder sb = new StringBuilder(String.join(",", columns.keySet())).append('\n');
        int n = columns.get("params").size();
        for (int i = 0; i < n; i++) {
            List<String> cells = new ArrayList<>();
            for (List<Object> col : columns.values()) {
                Object v = col.get(i);
                String text = v == null ? "" : v instanceof Map<?, ?> || v instanceof List<?> || v instanceof int[]
                        ? json.writeValueAsString(v) : v.toString();
                cells.add(text.contains(",") || text.contains("\"") ? '"' + text.replace("\"", "\"\"") + '"' : text);
            }
            sb.append(String.join(",", cells)).append('\n');
        }
        AtomicFiles.write(file, sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Writes the columns as one JSON object, atomically. */
    public void writeJson(Path file) throws IOException {
        AtomicFiles.write(file, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsBytes(columns));
    }

    /** "min" ranking: 1 + the number of strictly better means; NaN ranks last (spec §6.9). */
    static int[] rank(double[] mean) {
        double finiteMin = Arrays.stream(mean).filter(Double::isFinite).min().orElse(Double.NaN);
        double[] m = new double[mean.length];
        for (int i = 0; i < m.length; i++) {
            m[i] = Double.isNaN(mean[i]) ? finiteMin - 1 : mean[i];
        }
        int[] rank = new int[m.length];
        for (int i = 0; i < m.length; i++) {
            int better = 0;
            for (double v : m) {
                better += v > m[i] ? 1 : 0;
            }
            rank[i] = Double.isNaN(finiteMin) ? 1 : 1 + better;
        }
        return rank;
    }

    static double[] means(double[][] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = Arrays.stream(rows[i]).sum() / rows[i].length;
        }
        return out;
    }

    static double[] stds(double[][] rows) {
        double[] m = means(rows);
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            double s = 0;
            for (double v : rows[i]) {
                s += (v - m[i]) * (v - m[i]);
            }
            out[i] = Math.sqrt(s / rows[i].length);
        }
        return out;
    }

    private static List<Object> list(double[] v) {
        List<Object> out = new ArrayList<>();
        for (double d : v) {
            out.add(d);
        }
        return out;
    }

    private static List<Object> list(int[] v) {
        List<Object> out = new ArrayList<>();
        for (int d : v) {
            out.add(d);
        }
        return out;
    }
}
