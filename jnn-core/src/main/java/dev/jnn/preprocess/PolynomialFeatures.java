package dev.jnn.preprocess;

import dev.jnn.util.MemoryBudget;

import dev.jnn.api.CheckArray;
import dev.jnn.api.Transformer;

import dev.jnn.tensor.Tensor;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * scikit-learn's {@code PolynomialFeatures}: every product of the input columns up to {@code degree}, ordered by
 * degree and then as {@code itertools.combinations_with_replacement} (or {@code combinations} when
 * {@code interaction_only}) lists them, with a leading column of ones when {@code include_bias}.
 */
public final class PolynomialFeatures implements Transformer {
    private int degree;
    private boolean interactionOnly;
    private boolean includeBias;
    private int nFeaturesIn = -1;
    private List<int[]> terms;

    /** {@code degree=2, interaction_only=False, include_bias=True}. */
    public PolynomialFeatures() {
        this(2, false, true);
    }

    public PolynomialFeatures(int degree, boolean interactionOnly, boolean includeBias) {
        this.degree = degree;
        this.interactionOnly = interactionOnly;
        this.includeBias = includeBias;
    }

    @Override
    public PolynomialFeatures fit(Tensor x) {
        if (degree < 0) {
            throw new IllegalArgumentException("degree must be a non-negative integer, got " + degree + ".");
        }
        if (degree == 0 && !includeBias) {
            throw new IllegalArgumentException("Setting degree to zero and include_bias to False would result in an"
                    + " empty output array.");
        }
        CheckArray.check(x, "PolynomialFeatures", false);
        long outputs = outputCount(x.cols());
        if (outputs > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("PolynomialFeatures(degree=" + degree + ") on " + x.cols()
                    + " features would make " + (outputs == Long.MAX_VALUE ? "more than 2^63" : outputs)
                    + " output features, more than one array can index");
        }
        // the terms, and the transformed rows that follow
        MemoryBudget.require("PolynomialFeatures(degree=" + degree + ") on " + x.cols() + " features: " + outputs
                + " output features for " + x.rows() + " rows", MemoryBudget.bytes(outputs, x.rows() + 4L),
                x.dtype().bytes());
        nFeaturesIn = x.cols();
        terms = new ArrayList<>();
        for (int d = includeBias ? 0 : 1; d <= degree; d++) {
            combine(new int[d], 0, 0, nFeaturesIn);
        }
        return this;
    }

    /** The number of output columns for n inputs: Σ over degrees of C(n + d − 1, d), or C(n, d) for interactions. */
    private long outputCount(int n) {
        long total = 0;
        for (int d = includeBias ? 0 : 1; d <= degree; d++) {
            long c = 1;   // C(top, d) built up as C(top − d + k, k), exact at every step
            long top = interactionOnly ? n : (long) n + d - 1;
            for (int k = 1; k <= d && c > 0; k++) {
                if (top - d + k <= 0) {
                    c = 0;
                    break;
                }
                BigInteger next = BigInteger.valueOf(c).multiply(BigInteger.valueOf(top - d + k))
                        .divide(BigInteger.valueOf(k));
                if (next.bitLength() > 62) {
                    return Long.MAX_VALUE;
                }
                c = next.longValue();
            }
            total += c;
            if (total > Long.MAX_VALUE / 2) {
                return Long.MAX_VALUE;
            }
        }
        return total;
    }

    private void combine(int[] term, int at, int from, int n) {
        if (at == term.length) {
            terms.add(term.clone());
            return;
        }
        for (int f = from; f < n; f++) {
            term[at] = f;
            combine(term, at + 1, interactionOnly ? f + 1 : f, n);
        }
    }

    @Override
    public Tensor transform(Tensor x) {
        if (terms == null) {
            throw Transformer.notFitted("PolynomialFeatures");
        }
        Transformer.checkColumns("PolynomialFeatures", x, nFeaturesIn);
        CheckArray.check(x, "PolynomialFeatures", false);
        Tensor out = Tensor.zeros(x.dtype(), x.rows(), terms.size());
        for (int r = 0; r < x.rows(); r++) {
            for (int k = 0; k < terms.size(); k++) {
                double v = 1;
                for (int f : terms.get(k)) {
                    v *= x.get(r, f);
                }
                out.set(v, r, k);
            }
        }
        return out;
    }

    /** {@code powers_}: the exponent of each input column in each output column. */
    public int[][] powers() {
        if (terms == null) {
            throw Transformer.notFitted("PolynomialFeatures");
        }
        int[][] p = new int[terms.size()][nFeaturesIn];
        for (int k = 0; k < terms.size(); k++) {
            for (int f : terms.get(k)) {
                p[k][f]++;
            }
        }
        return p;
    }

    /** {@code get_feature_names_out()}, e.g. {@code 1, x0, x1, x0^2, x0 x1, x1^2}. */
    public List<String> featureNames() {
        List<String> names = new ArrayList<>();
        for (int[] row : powers()) {
            List<String> parts = new ArrayList<>();
            for (int f = 0; f < row.length; f++) {
                if (row[f] > 0) {
                    parts.add("x" + f + (row[f] > 1 ? "^" + row[f] : ""));
                }
            }
            names.add(parts.isEmpty() ? "1" : String.join(" ", parts));
        }
        return names;
    }

    @Override
    public Map<String, Object> getParams() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("degree", degree);
        p.put("include_bias", includeBias);
        p.put("interaction_only", interactionOnly);
        return p;
    }

    @Override
    public PolynomialFeatures setParams(Map<String, ?> params) {
        ParamValues.checkKnown("PolynomialFeatures()", params, Set.of("degree", "include_bias", "interaction_only"));
        if (params.containsKey("degree")) {
            degree = ParamValues.integer("degree", params.get("degree"));
        }
        if (params.containsKey("include_bias")) {
            includeBias = ParamValues.bool("include_bias", params.get("include_bias"));
        }
        if (params.containsKey("interaction_only")) {
            interactionOnly = ParamValues.bool("interaction_only", params.get("interaction_only"));
        }
        return this;
    }

    @Override
    public Map<String, double[]> fittedState() {
        if (terms == null) {
            throw Transformer.notFitted("PolynomialFeatures");
        }
        return Map.of("n_features_in", new double[] {nFeaturesIn});
    }

    /** The terms follow from the parameters and the column count alone, so that count is the whole state. */
    @Override
    public PolynomialFeatures restoreFittedState(Map<String, double[]> state) {
        // the terms depend only on the width: one row of zeros stands for the data
        return fit(Tensor.zeros(dev.jnn.tensor.DType.FLOAT64, 1, Transformer.stateCount(state, "n_features_in")));
    }

    @Override
    public PolynomialFeatures copy() {
        return new PolynomialFeatures(degree, interactionOnly, includeBias);
    }
}
