package dev.jnn.preprocess;

import dev.jnn.api.CheckArray;
import dev.jnn.api.Transformer;

import dev.jnn.tensor.Tensor;
import dev.jnn.util.PyFormat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * scikit-learn's {@code MinMaxScaler} (spec §7.2): per column {@code x·scale + min} with
 * {@code scale = (hi − lo) / (max − min)}, a range below {@code 10·eps} counting as 1, and optional clipping to
 * the feature range. NaN is ignored when fitting and kept when transforming.
 */
public final class MinMaxScaler implements Transformer {
    private double lo;
    private double hi;
    private boolean clip;
    private double[] dataMin;
    private double[] dataMax;
    private double[] scale;
    private double[] min;

    /** {@code feature_range=(0, 1), clip=False}. */
    public MinMaxScaler() {
        this(0, 1, false);
    }

    public MinMaxScaler(double lo, double hi, boolean clip) {
        this.lo = lo;
        this.hi = hi;
        this.clip = clip;
    }

    @Override
    public MinMaxScaler fit(Tensor x) {
        dataMin = null;
        return partialFit(x);
    }

    /** Updates the running minimum and maximum with more rows. */
    public MinMaxScaler partialFit(Tensor x) {
        if (lo >= hi) {
            throw new IllegalArgumentException("Minimum of desired feature range must be smaller than maximum. Got ("
                    + PyFormat.repr(lo) + ", " + PyFormat.repr(hi) + ").");
        }
        CheckArray.check(x, "MinMaxScaler", true);
        int cols = x.cols();
        if (dataMin == null) {
            dataMin = new double[cols];
            dataMax = new double[cols];
            java.util.Arrays.fill(dataMin, Double.NaN);
            java.util.Arrays.fill(dataMax, Double.NaN);
        } else {
            Transformer.checkColumns("MinMaxScaler", x, dataMin.length);
        }
        scale = new double[cols];
        min = new double[cols];
        for (int c = 0; c < cols; c++) {
            for (int r = 0; r < x.rows(); r++) {
                double v = x.get(r, c);
                if (!Double.isNaN(v)) {
                    dataMin[c] = Double.isNaN(dataMin[c]) ? v : Math.min(dataMin[c], v);
                    dataMax[c] = Double.isNaN(dataMax[c]) ? v : Math.max(dataMax[c], v);
                }
            }
            double range = dataMax[c] - dataMin[c];
            scale[c] = (hi - lo) / (range < 10 * Math.ulp(1.0) ? 1.0 : range);
            min[c] = lo - dataMin[c] * scale[c];
        }
        return this;
    }

    @Override
    public Tensor transform(Tensor x) {
        check(x);
        Tensor out = x.copy();
        for (int r = 0; r < x.rows(); r++) {
            for (int c = 0; c < scale.length; c++) {
                double v = x.get(r, c) * scale[c] + min[c];
                out.set(clip ? Math.min(hi, Math.max(lo, v)) : v, r, c);
            }
        }
        return out;
    }

    /** {@code (x − min) / scale}, undoing {@link #transform}. */
    public Tensor inverseTransform(Tensor x) {
        check(x);
        Tensor out = x.copy();
        for (int r = 0; r < x.rows(); r++) {
            for (int c = 0; c < scale.length; c++) {
                out.set((x.get(r, c) - min[c]) / scale[c], r, c);
            }
        }
        return out;
    }

    private void check(Tensor x) {
        requireFitted();
        Transformer.checkColumns("MinMaxScaler", x, scale.length);
        CheckArray.check(x, "MinMaxScaler", true);
    }

    /** {@code data_min_}. */
    public double[] dataMin() {
        requireFitted();
        return dataMin.clone();
    }

    /** {@code data_max_}. */
    public double[] dataMax() {
        requireFitted();
        return dataMax.clone();
    }

    /** {@code scale_}. */
    public double[] scale() {
        requireFitted();
        return scale.clone();
    }

    /** {@code min_}. */
    public double[] min() {
        requireFitted();
        return min.clone();
    }

    private void requireFitted() {
        if (scale == null) {
            throw Transformer.notFitted("MinMaxScaler");
        }
    }

    @Override
    public Map<String, Object> getParams() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("clip", clip);
        p.put("feature_range", List.of(lo, hi));
        return p;
    }

    @Override
    public MinMaxScaler setParams(Map<String, ?> params) {
        ParamValues.checkKnown("MinMaxScaler()", params, Set.of("clip", "feature_range"));
        if (params.containsKey("clip")) {
            clip = ParamValues.bool("clip", params.get("clip"));
        }
        if (params.containsKey("feature_range")) {
            Object v = params.get("feature_range");
            List<?> pair = v instanceof List<?> l ? l : List.of(String.valueOf(v).replaceAll("[()\\[\\] ]", "").split(","));
            if (pair.size() != 2) {
                throw new IllegalArgumentException("The 'feature_range' parameter must be a pair (min, max), got " + v);
            }
            lo = ParamValues.real("feature_range", pair.get(0));
            hi = ParamValues.real("feature_range", pair.get(1));
        }
        return this;
    }

    @Override
    public Map<String, double[]> fittedState() {
        if (scale == null) {
            throw Transformer.notFitted("MinMaxScaler");
        }
        return new java.util.LinkedHashMap<>(Map.of("data_min", dataMin.clone(), "data_max", dataMax.clone(),
                "scale", scale.clone(), "min", min.clone()));
    }

    @Override
    public MinMaxScaler restoreFittedState(Map<String, double[]> state) {
        double[] sc = Transformer.stateArray(state, "scale", -1);
        dataMin = Transformer.stateArray(state, "data_min", sc.length);
        dataMax = Transformer.stateArray(state, "data_max", sc.length);
        min = Transformer.stateArray(state, "min", sc.length);
        scale = sc;
        return this;
    }

    @Override
    public MinMaxScaler copy() {
        return new MinMaxScaler(lo, hi, clip);
    }
}
