package dev.jnn.preprocess;

import dev.jnn.api.CheckArray;
import dev.jnn.api.Transformer;

import dev.jnn.tensor.DType;
import dev.jnn.tensor.Gemm;
import dev.jnn.tensor.Tensor;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * scikit-learn's {@code PCA} with the exact ({@code svd_solver='full'}) decomposition: the principal axes of the
 * centred data from the eigen-decomposition of {@code XᵀX} (the squared singular values and right singular
 * vectors), signs chosen as scikit-learn's {@code svd_flip} chooses them (the largest |entry| of each projected
 * column positive). {@code nComponents} is a count, a variance fraction in (0, 1), or 0 for all.
 */
public final class Pca implements Transformer {
    private double nComponents;
    private boolean whiten;
    private double[] mean;
    private double[][] components;
    private double[] explainedVariance;
    private double[] explainedVarianceRatio;
    private double[] singularValues;
    private double noiseVariance;

    /** All components, no whitening. */
    public Pca() {
        this(0, false);
    }

    /** {@code n_components} (a count, a fraction in (0, 1), or 0 for all) and {@code whiten}. */
    public Pca(double nComponents, boolean whiten) {
        this.nComponents = nComponents;
        this.whiten = whiten;
    }

    @Override
    public Pca fit(Tensor x) {
        CheckArray.check(x, "PCA", false);
        int n = x.rows();
        int d = x.cols();
        int max = Math.min(n, d);
        if (nComponents < 0 || (nComponents >= 1 && (nComponents != Math.rint(nComponents) || nComponents > max))) {
            throw new IllegalArgumentException("n_components=" + nComponents + " must be between 0 and min(n_samples,"
                    + " n_features)=" + max + " with svd_solver='full'");
        }
        Tensor xc = x.to(DType.FLOAT64).copy();
        double[] data = xc.doubleData();
        mean = new double[d];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < d; c++) {
                mean[c] += data[r * d + c];
            }
        }
        for (int c = 0; c < d; c++) {
            mean[c] /= n;
        }
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < d; c++) {
                data[r * d + c] -= mean[c];
            }
        }
        Tensor cov = Tensor.zeros(DType.FLOAT64, d, d);
        Gemm.gemm(true, false, 1.0, xc, xc, 0.0, cov);
        SymmetricEigen eig = SymmetricEigen.of(cov.toDoubleMatrix());
        double[] ev = new double[max];
        double total = 0;
        for (int k = 0; k < max; k++) {
            ev[k] = Math.max(0, eig.values[k]) / (n - 1);
            total += ev[k];
        }
        int keep = nComponents == 0 ? max : nComponents >= 1 ? (int) nComponents : byVariance(ev, total, nComponents);
        components = new double[keep][];
        explainedVariance = new double[keep];
        explainedVarianceRatio = new double[keep];
        singularValues = new double[keep];
        Tensor axes = Tensor.zeros(DType.FLOAT64, keep, d);
        for (int k = 0; k < keep; k++) {
            System.arraycopy(eig.vectors[k], 0, axes.doubleData(), k * d, d);
        }
        Tensor projected = Tensor.zeros(DType.FLOAT64, n, keep);
        Gemm.gemm(false, true, 1.0, xc, axes, 0.0, projected);
        for (int k = 0; k < keep; k++) {
            double[] axis = eig.vectors[k].clone();
            flipSign(axis, projected.doubleData(), n, keep, k);
            components[k] = axis;
            // The norm of the projection is accurate to round-off even for the tiny components, where the
            // eigenvalue of XᵀX (a square) has lost half its digits.
            double sq = 0;
            for (int r = 0; r < n; r++) {
                double u = projected.doubleData()[r * keep + k];
                sq += u * u;
            }
            singularValues[k] = Math.sqrt(sq);
            explainedVariance[k] = sq / (n - 1);
            explainedVarianceRatio[k] = explainedVariance[k] / total;
        }
        double rest = 0;
        for (int k = keep; k < max; k++) {
            rest += ev[k];
        }
        noiseVariance = keep < max ? rest / (max - keep) : 0;
        return this;
    }

    /** scikit-learn's rule: the fewest components whose cumulative ratio exceeds the fraction. */
    private static int byVariance(double[] ev, double total, double fraction) {
        double cum = 0;
        for (int k = 0; k < ev.length; k++) {
            cum += ev[k] / total;
            if (cum > fraction) {
                return k + 1;
            }
        }
        return ev.length;
    }

    /** svd_flip with u_based_decision: the projection's largest-magnitude entry becomes positive. */
    private static void flipSign(double[] axis, double[] projected, int n, int k, int j) {
        double best = -1;
        double sign = 1;
        for (int r = 0; r < n; r++) {
            double u = projected[r * k + j];
            if (Math.abs(u) > best) {
                best = Math.abs(u);
                sign = u < 0 ? -1 : 1;
            }
        }
        for (int c = 0; c < axis.length; c++) {
            axis[c] *= sign;
        }
    }

    @Override
    public Tensor transform(Tensor x) {
        check(x);
        int k = components.length;
        int d = mean.length;
        Tensor centred = x.to(DType.FLOAT64).copy();
        double[] c = centred.doubleData();
        for (int r = 0; r < x.rows(); r++) {
            for (int j = 0; j < d; j++) {
                c[r * d + j] -= mean[j];
            }
        }
        Tensor out = Tensor.zeros(DType.FLOAT64, x.rows(), k);
        Gemm.gemm(false, true, 1.0, centred, axes(false), 0.0, out);
        if (whiten) {
            double[] o = out.doubleData();
            for (int r = 0; r < x.rows(); r++) {
                for (int j = 0; j < k; j++) {
                    o[r * k + j] /= Math.sqrt(explainedVariance[j]);
                }
            }
        }
        return out.to(x.dtype());
    }

    /** Back to the input space: {@code x · components + mean} (undoing the whitening first). */
    public Tensor inverseTransform(Tensor x) {
        if (components == null) {
            throw Transformer.notFitted("PCA");
        }
        Transformer.checkColumns("PCA", x, components.length);
        int d = mean.length;
        Tensor out = Tensor.zeros(DType.FLOAT64, x.rows(), d);
        Gemm.gemm(false, false, 1.0, x.to(DType.FLOAT64).copy(), axes(whiten), 0.0, out);
        double[] o = out.doubleData();
        for (int r = 0; r < x.rows(); r++) {
            for (int j = 0; j < d; j++) {
                o[r * d + j] += mean[j];
            }
        }
        return out.to(x.dtype());
    }

    /** The components as a (k × d) tensor, each row scaled by its standard deviation when {@code scaled}. */
    private Tensor axes(boolean scaled) {
        int d = mean.length;
        Tensor t = Tensor.zeros(DType.FLOAT64, components.length, d);
        for (int j = 0; j < components.length; j++) {
            double w = scaled ? Math.sqrt(explainedVariance[j]) : 1;
            for (int c = 0; c < d; c++) {
                t.doubleData()[j * d + c] = components[j][c] * w;
            }
        }
        return t;
    }

    private void check(Tensor x) {
        if (components == null) {
            throw Transformer.notFitted("PCA");
        }
        Transformer.checkColumns("PCA", x, mean.length);
        CheckArray.check(x, "PCA", false);
    }

    /** {@code components_}: the principal axes as rows, by decreasing variance. */
    public double[][] components() {
        check0();
        return java.util.Arrays.stream(components).map(double[]::clone).toArray(double[][]::new);
    }

    /** {@code explained_variance_}. */
    public double[] explainedVariance() {
        check0();
        return explainedVariance.clone();
    }

    /** {@code explained_variance_ratio_}. */
    public double[] explainedVarianceRatio() {
        check0();
        return explainedVarianceRatio.clone();
    }

    /** {@code singular_values_}. */
    public double[] singularValues() {
        check0();
        return singularValues.clone();
    }

    /** {@code mean_}. */
    public double[] mean() {
        check0();
        return mean.clone();
    }

    /** {@code noise_variance_}: the mean variance of the components left out. */
    public double noiseVariance() {
        check0();
        return noiseVariance;
    }

    /** {@code n_components_}. */
    public int nComponentsFitted() {
        check0();
        return components.length;
    }

    private void check0() {
        if (components == null) {
            throw Transformer.notFitted("PCA");
        }
    }

    @Override
    public Map<String, Object> getParams() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("n_components", nComponents == 0 ? null : nComponents >= 1 ? (Object) (int) nComponents : nComponents);
        p.put("whiten", whiten);
        return p;
    }

    @Override
    public Pca setParams(Map<String, ?> params) {
        ParamValues.checkKnown("PCA()", params, Set.of("n_components", "whiten"));
        if (params.containsKey("n_components")) {
            Object v = params.get("n_components");
            nComponents = v == null || "None".equals(String.valueOf(v)) ? 0 : ParamValues.real("n_components", v);
        }
        if (params.containsKey("whiten")) {
            whiten = ParamValues.bool("whiten", params.get("whiten"));
        }
        return this;
    }

    @Override
    public Map<String, double[]> fittedState() {
        if (components == null) {
            throw Transformer.notFitted("PCA");
        }
        Map<String, double[]> s = new java.util.LinkedHashMap<>();
        int k = components.length;
        int d = mean.length;
        double[] flat = new double[k * d];
        for (int i = 0; i < k; i++) {
            System.arraycopy(components[i], 0, flat, i * d, d);
        }
        s.put("mean", mean.clone());
        s.put("components", flat);
        s.put("explained_variance", explainedVariance.clone());
        s.put("explained_variance_ratio", explainedVarianceRatio.clone());
        s.put("singular_values", singularValues.clone());
        s.put("noise_variance", new double[] {noiseVariance});
        return s;
    }

    @Override
    public Pca restoreFittedState(Map<String, double[]> state) {
        double[] m = Transformer.stateArray(state, "mean", -1);
        double[] ev = Transformer.stateArray(state, "explained_variance", -1);
        int k = ev.length;
        double[] flat = Transformer.stateArray(state, "components", k * m.length);
        double[] ratio = Transformer.stateArray(state, "explained_variance_ratio", k);
        double[] sv = Transformer.stateArray(state, "singular_values", k);
        double noise = Transformer.stateArray(state, "noise_variance", 1)[0];
        double[][] c = new double[k][m.length];
        for (int i = 0; i < k; i++) {
            System.arraycopy(flat, i * m.length, c[i], 0, m.length);
        }
        mean = m;
        components = c;
        explainedVariance = ev;
        explainedVarianceRatio = ratio;
        singularValues = sv;
        noiseVariance = noise;
        return this;
    }

    @Override
    public Pca copy() {
        return new Pca(nComponents, whiten);
    }
}
