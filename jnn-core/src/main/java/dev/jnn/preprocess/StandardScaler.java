package dev.jnn.preprocess;

import dev.jnn.api.CheckArray;
import dev.jnn.api.Transformer;

import dev.jnn.tensor.Tensor;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * scikit-learn's {@code StandardScaler} (spec §7.1): per column {@code (x − mean) / scale} with the population
 * variance. NaN is ignored when fitting and kept when transforming. {@code partialFit} merges batches as
 * scikit-learn does (Chan, Golub and LeVeque). A column whose variance is zero, or only round-off
 * ({@code var <= n·eps·var + (n·mean·eps)²}), gets scale 1.
 */
public final class StandardScaler implements Transformer {
    private boolean withMean;
    private boolean withStd;
    private double[] mean;
    private double[] var;
    private double[] count;
    private double[] scale;

    /** {@code with_mean=True, with_std=True}. */
    public StandardScaler() {
        this(true, true);
    }

    public StandardScaler(boolean withMean, boolean withStd) {
        this.withMean = withMean;
        this.withStd = withStd;
    }

    @Override
    public StandardScaler fit(Tensor x) {
        return fit(x, null);
    }

    /** Fits with per-row weights: weighted mean and variance, and counts that are sums of weights. */
    public StandardScaler fit(Tensor x, double[] sampleWeight) {
        mean = null;
        return partialFit(x, sampleWeight);
    }

    /** Updates the statistics with more rows. */
    public StandardScaler partialFit(Tensor x) {
        return partialFit(x, null);
    }

    /** Updates the statistics with more rows, weighted per row (null: all 1). */
    public StandardScaler partialFit(Tensor x, double[] sampleWeight) {
        CheckArray.check(x, "StandardScaler", true);
        if (sampleWeight != null && sampleWeight.length != x.rows()) {
            throw new IllegalArgumentException("sample_weight.shape == (" + sampleWeight.length + ",), expected ("
                    + x.rows() + ",)!");
        }
        int cols = x.cols();
        if (mean != null) {
            Transformer.checkColumns("StandardScaler", x, mean.length);
        } else {
            mean = new double[cols];
            var = new double[cols];
            count = new double[cols];
        }
        for (int c = 0; c < cols; c++) {
            double sum = 0;
            double n = 0;
            for (int r = 0; r < x.rows(); r++) {
                double v = x.get(r, c);
                if (!Double.isNaN(v)) {
                    double w = sampleWeight == null ? 1 : sampleWeight[r];
                    sum += sampleWeight == null ? v : w * v;
                    n += w;
                }
            }
            double m = sum / n;
            double sq = 0;
            double correction = 0;
            for (int r = 0; r < x.rows(); r++) {
                double v = x.get(r, c);
                if (!Double.isNaN(v)) {
                    double w = sampleWeight == null ? 1 : sampleWeight[r];
                    sq += w * (v - m) * (v - m);
                    correction += w * (v - m);
                }
            }
            double newUnnormalized = sq - correction * correction / n;
            double last = count[c];
            double total = last + n;
            if (last == 0) {
                mean[c] = m;
                var[c] = newUnnormalized / n;
            } else {
                double lastSum = mean[c] * last;
                double lastOverNew = last / n;
                double unnormalized = var[c] * last + newUnnormalized
                        + lastOverNew / total * (lastSum / lastOverNew - sum) * (lastSum / lastOverNew - sum);
                mean[c] = (lastSum + sum) / total;
                var[c] = n == 0 ? var[c] : unnormalized / total;
            }
            count[c] = total;
        }
        scale = new double[cols];
        double eps = Math.ulp(1.0);
        for (int c = 0; c < cols; c++) {
            double n = count[c];
            boolean constant = var[c] <= n * eps * var[c] + (n * mean[c] * eps) * (n * mean[c] * eps);
            scale[c] = constant ? 1.0 : Math.sqrt(var[c]);
        }
        return this;
    }

    @Override
    public Tensor transform(Tensor x) {
        check(x);
        Tensor out = x.copy();
        for (int r = 0; r < x.rows(); r++) {
            for (int c = 0; c < mean.length; c++) {
                double v = x.get(r, c);
                if (withMean) {
                    v -= mean[c];
                }
                if (withStd) {
                    v /= scale[c];
                }
                out.set(v, r, c);
            }
        }
        return out;
    }

    /** {@code x · scale + mean}, undoing {@link #transform}. */
    public Tensor inverseTransform(Tensor x) {
        check(x);
        Tensor out = x.copy();
        for (int r = 0; r < x.rows(); r++) {
            for (int c = 0; c < mean.length; c++) {
                double v = x.get(r, c);
                if (withStd) {
                    v *= scale[c];
                }
                if (withMean) {
                    v += mean[c];
                }
                out.set(v, r, c);
            }
        }
        return out;
    }

    private void check(Tensor x) {
        if (mean == null) {
            throw Transformer.notFitted("StandardScaler");
        }
        Transformer.checkColumns("StandardScaler", x, mean.length);
        CheckArray.check(x, "StandardScaler", true);
    }

    /** {@code mean_} (null with {@code with_mean=False} and {@code with_std=False}, as scikit-learn). */
    public double[] mean() {
        requireFitted();
        return withMean || withStd ? mean.clone() : null;
    }

    /** {@code var_}: the population variance (null with {@code with_std=False}). */
    public double[] var() {
        requireFitted();
        return withStd ? var.clone() : null;
    }

    /** {@code scale_} (null with {@code with_std=False}). */
    public double[] scale() {
        requireFitted();
        return withStd ? scale.clone() : null;
    }

    /** {@code n_samples_seen_} per column: the count (or weight sum) of non-NaN values seen. */
    public double[] nSamplesSeen() {
        requireFitted();
        return count.clone();
    }

    private void requireFitted() {
        if (mean == null) {
            throw Transformer.notFitted("StandardScaler");
        }
    }

    @Override
    public Map<String, Object> getParams() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("with_mean", withMean);
        p.put("with_std", withStd);
        return p;
    }

    @Override
    public StandardScaler setParams(Map<String, ?> params) {
        ParamValues.checkKnown("StandardScaler()", params, Set.of("with_mean", "with_std"));
        if (params.containsKey("with_mean")) {
            withMean = ParamValues.bool("with_mean", params.get("with_mean"));
        }
        if (params.containsKey("with_std")) {
            withStd = ParamValues.bool("with_std", params.get("with_std"));
        }
        return this;
    }

    @Override
    public StandardScaler copy() {
        return new StandardScaler(withMean, withStd);
    }

    @Override
    public Map<String, double[]> fittedState() {
        if (count == null) {
            throw Transformer.notFitted("StandardScaler");
        }
        Map<String, double[]> s = new java.util.LinkedHashMap<>();
        s.put("n_samples_seen", count.clone());
        s.put("mean", mean == null ? new double[0] : mean.clone());
        s.put("var", var == null ? new double[0] : var.clone());
        s.put("scale", scale == null ? new double[0] : scale.clone());
        return s;
    }

    @Override
    public StandardScaler restoreFittedState(Map<String, double[]> state) {
        double[] n = Transformer.stateArray(state, "n_samples_seen", -1);
        double[] m = Transformer.stateArray(state, "mean", withMean || withStd ? n.length : -1);
        double[] v = Transformer.stateArray(state, "var", withStd ? n.length : -1);
        double[] sc = Transformer.stateArray(state, "scale", withStd ? n.length : -1);
        count = n;
        mean = m.length == 0 ? null : m;
        var = v.length == 0 ? null : v;
        scale = sc.length == 0 ? null : sc;
        return this;
    }

    @Override
    public String toString() {
        return "StandardScaler(with_mean=" + withMean + ", with_std=" + withStd + ")"
                + (mean == null ? "" : " mean " + Arrays.toString(mean));
    }
}
