package dev.jnn.preprocess;

import dev.jnn.api.CheckArray;
import dev.jnn.api.Transformer;

import dev.jnn.tensor.Tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * scikit-learn's {@code OneHotEncoder} on numeric columns (dense output): each column's sorted distinct values
 * become indicator columns, in column order. {@code handle_unknown='error'} rejects a value not seen in fit;
 * {@code 'ignore'} encodes it as all zeros.
 */
public final class OneHotEncoder implements Transformer {
    private boolean ignoreUnknown;
    private double[][] categories;

    /** {@code handle_unknown='error'}. */
    public OneHotEncoder() {
        this(false);
    }

    public OneHotEncoder(boolean ignoreUnknown) {
        this.ignoreUnknown = ignoreUnknown;
    }

    @Override
    public OneHotEncoder fit(Tensor x) {
        CheckArray.check(x, "OneHotEncoder", false);
        categories = new double[x.cols()][];
        for (int c = 0; c < x.cols(); c++) {
            double[] col = new double[x.rows()];
            for (int r = 0; r < x.rows(); r++) {
                col[r] = x.get(r, c);
                if (Double.isNaN(col[r])) {
                    throw new IllegalArgumentException("Input X contains NaN.");
                }
            }
            categories[c] = Arrays.stream(col).distinct().sorted().toArray();
        }
        return this;
    }

    @Override
    public Tensor transform(Tensor x) {
        if (categories == null) {
            throw Transformer.notFitted("OneHotEncoder");
        }
        Transformer.checkColumns("OneHotEncoder", x, categories.length);
        CheckArray.check(x, "OneHotEncoder", false);
        int width = Arrays.stream(categories).mapToInt(a -> a.length).sum();
        Tensor out = Tensor.zeros(x.dtype(), x.rows(), width);
        for (int r = 0; r < x.rows(); r++) {
            int base = 0;
            for (int c = 0; c < categories.length; c++) {
                int k = Arrays.binarySearch(categories[c], x.get(r, c));
                if (k >= 0) {
                    out.set(1, r, base + k);
                } else if (!ignoreUnknown) {
                    throw new IllegalArgumentException("Found unknown categories [" + x.get(r, c) + "] in column " + c
                            + " during transform");
                }
                base += categories[c].length;
            }
        }
        return out;
    }

    /** {@code categories_}: each column's sorted values. */
    public List<double[]> categories() {
        if (categories == null) {
            throw Transformer.notFitted("OneHotEncoder");
        }
        List<double[]> out = new ArrayList<>();
        for (double[] c : categories) {
            out.add(c.clone());
        }
        return out;
    }

    @Override
    public Map<String, Object> getParams() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("handle_unknown", ignoreUnknown ? "ignore" : "error");
        return p;
    }

    @Override
    public OneHotEncoder setParams(Map<String, ?> params) {
        ParamValues.checkKnown("OneHotEncoder()", params, Set.of("handle_unknown"));
        if (params.containsKey("handle_unknown")) {
            String v = String.valueOf(params.get("handle_unknown"));
            if (!v.equals("error") && !v.equals("ignore")) {
                throw new IllegalArgumentException("The 'handle_unknown' parameter of OneHotEncoder must be a str among"
                        + " {'error', 'ignore'}. Got '" + v + "' instead.");
            }
            ignoreUnknown = v.equals("ignore");
        }
        return this;
    }

    @Override
    public OneHotEncoder copy() {
        return new OneHotEncoder(ignoreUnknown);
    }
}
