package dev.jnn.preprocess;

import dev.jnn.tensor.Tensor;

/**
 * scikit-learn's {@code MinMaxScaler} with the default range (0, 1): per column {@code x·scale + min} where
 * {@code scale = 1 / (max − min)}; a range below {@code 10·eps} counts as 1 (spec §7.2). NaN is ignored when
 * fitting and kept when transforming.
 */
public final class MinMaxScaler implements Scaler {
    private double[] scale;
    private double[] min;

    @Override
    public MinMaxScaler fit(Tensor x) {
        x.requireRank(2);
        int cols = x.cols();
        scale = new double[cols];
        min = new double[cols];
        for (int c = 0; c < cols; c++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int r = 0; r < x.rows(); r++) {
                double v = x.get(r, c);
                if (!Double.isNaN(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
            double range = hi - lo;
            scale[c] = 1.0 / (range < 10 * Math.ulp(1.0) ? 1.0 : range);
            min[c] = 0 - lo * scale[c];
        }
        return this;
    }

    @Override
    public Tensor transform(Tensor x) {
        if (scale == null) {
            throw new IllegalStateException("This MinMaxScaler instance is not fitted yet. Call 'fit' with"
                    + " appropriate arguments before using this estimator.");
        }
        Scaler.checkColumns("MinMaxScaler", x, scale.length);
        Tensor out = x.copy();
        for (int r = 0; r < x.rows(); r++) {
            for (int c = 0; c < scale.length; c++) {
                out.set(x.get(r, c) * scale[c] + min[c], r, c);
            }
        }
        return out;
    }
}
