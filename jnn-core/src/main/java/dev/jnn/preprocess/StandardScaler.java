package dev.jnn.preprocess;

import dev.jnn.tensor.Tensor;

/**
 * scikit-learn's {@code StandardScaler}: per column {@code (x − mean) / scale} with the population variance
 * (spec §7.1). NaN is ignored when fitting and kept when transforming. A column whose variance is zero, or only
 * round-off ({@code var <= n·eps·var + (n·mean·eps)²}), gets scale 1.
 */
public final class StandardScaler implements Scaler {
    private double[] mean;
    private double[] scale;

    @Override
    public StandardScaler fit(Tensor x) {
        x.requireRank(2);
        int cols = x.cols();
        mean = new double[cols];
        double[] var = new double[cols];
        scale = new double[cols];
        double eps = Math.ulp(1.0);
        for (int c = 0; c < cols; c++) {
            double sum = 0;
            int n = 0;
            for (int r = 0; r < x.rows(); r++) {
                double v = x.get(r, c);
                if (!Double.isNaN(v)) {
                    sum += v;
                    n++;
                }
            }
            double m = n == 0 ? Double.NaN : sum / n;
            double sq = 0;
            double correction = 0;
            for (int r = 0; r < x.rows(); r++) {
                double v = x.get(r, c);
                if (!Double.isNaN(v)) {
                    sq += (v - m) * (v - m);
                    correction += v - m;
                }
            }
            mean[c] = m;
            var[c] = (sq - correction * correction / n) / n;
            boolean constant = var[c] <= n * eps * var[c] + (n * m * eps) * (n * m * eps);
            scale[c] = constant ? 1.0 : Math.sqrt(var[c]);
        }
        return this;
    }

    @Override
    public Tensor transform(Tensor x) {
        if (mean == null) {
            throw new IllegalStateException("This StandardScaler instance is not fitted yet. Call 'fit' with"
                    + " appropriate arguments before using this estimator.");
        }
        Scaler.checkColumns("StandardScaler", x, mean.length);
        Tensor out = x.copy();
        for (int r = 0; r < x.rows(); r++) {
            for (int c = 0; c < mean.length; c++) {
                out.set((x.get(r, c) - mean[c]) / scale[c], r, c);
            }
        }
        return out;
    }

    /** {@code mean_}. */
    public double[] mean() {
        return mean.clone();
    }

    /** {@code scale_}. */
    public double[] scale() {
        return scale.clone();
    }
}
