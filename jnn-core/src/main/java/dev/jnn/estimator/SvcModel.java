package dev.jnn.estimator;

import libsvm.svm_model;
import libsvm.svm_node;

import java.util.Arrays;

/**
 * A fitted {@link SVC}: LIBSVM's model (for prediction, which must be LIBSVM's arithmetic for parity) and the
 * arrays scikit-learn shows, kept in LIBSVM's signs; {@link SVC} turns the signs of a two-class problem.
 */
final class SvcModel {
    private final svm_model model;
    private final int features;
    private final int[] support;
    private final double[][] supportVectors;
    private final int[] nIter;
    private final double gamma;
    private final double[] classWeight;

    private SvcModel(svm_model model, int features, int[] support, double[][] supportVectors, int[] nIter,
                     double gamma, double[] classWeight) {
        this.model = model;
        this.features = features;
        this.support = support;
        this.supportVectors = supportVectors;
        this.nIter = nIter;
        this.gamma = gamma;
        this.classWeight = classWeight;
    }

    static SvcModel of(Libsvm.Trained t, double[] rows, int d, double gamma, double[] classWeight) {
        double[][] sv = new double[t.support().length][];
        for (int i = 0; i < sv.length; i++) {
            sv[i] = Arrays.copyOfRange(rows, t.support()[i] * d, (t.support()[i] + 1) * d);
        }
        return new SvcModel(t.model(), d, t.support(), sv, t.nIter(), gamma, classWeight.clone());
    }

    /** A fitted model rebuilt from its arrays ({@link SVCState#restore}). */
    static SvcModel restored(svm_model model, int features, int[] support, double[][] supportVectors, int[] nIter,
                             double gamma, double[] classWeight) {
        double[][] sv = Arrays.stream(supportVectors).map(double[]::clone).toArray(double[][]::new);
        return new SvcModel(model, features, support, sv, nIter, gamma, classWeight.clone());
    }

    /** Fails as scikit-learn does when the solver produced non-finite coefficients. */
    void checkFinite() {
        boolean finite = Arrays.stream(model.rho).allMatch(Double::isFinite)
                && Arrays.stream(model.sv_coef).flatMapToDouble(Arrays::stream).allMatch(Double::isFinite);
        if (!finite) {
            throw new IllegalArgumentException("The dual coefficients or intercepts are not finite. The input data"
                    + " may contain large values and need to bepreprocessed.");
        }
    }

    svm_model model() {
        return model;
    }

    int features() {
        return features;
    }

    int[] support() {
        return support.clone();
    }

    double[][] supportVectors() {
        return Arrays.stream(supportVectors).map(double[]::clone).toArray(double[][]::new);
    }

    int[] nSupport() {
        return model.nSV.clone();
    }

    /** (classes − 1) × SVs; negated for two classes when {@code binary}. */
    double[][] dualCoef(boolean binary) {
        double[][] out = new double[model.sv_coef.length][];
        for (int i = 0; i < out.length; i++) {
            out[i] = model.sv_coef[i].clone();
            if (binary) {
                for (int j = 0; j < out[i].length; j++) {
                    out[i][j] = -out[i][j];
                }
            }
        }
        return out;
    }

    /** −rho per pair (never −0.0, as scikit-learn's copy avoids it); rho itself for two classes. */
    double[] intercept(boolean binary) {
        double[] out = new double[model.rho.length];
        for (int i = 0; i < out.length; i++) {
            double r = model.rho[i];
            double b = r != 0 ? -r : 0;
            out[i] = binary ? -b : b;
        }
        return out;
    }

    /** The linear kernel's weights of each pair, as scikit-learn's {@code coef_} (with {@code _one_vs_one_coef}). */
    double[][] coef(boolean binary) {
        double[][] dual = dualCoef(binary);
        int k = model.nr_class;
        int[] start = new int[k + 1];
        for (int c = 0; c < k; c++) {
            start[c + 1] = start[c] + model.nSV[c];
        }
        double[][] out = new double[k * (k - 1) / 2][features];
        int p = 0;
        for (int i = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++, p++) {
                // the coefficients of class i's vectors against j are in row j-1; of j's against i in row i
                for (int s = start[i]; s < start[i + 1]; s++) {
                    add(out[p], dual[j - 1][s], supportVectors[s]);
                }
                for (int s = start[j]; s < start[j + 1]; s++) {
                    add(out[p], dual[i][s], supportVectors[s]);
                }
            }
        }
        return out;
    }

    private static void add(double[] w, double a, double[] v) {
        for (int f = 0; f < w.length; f++) {
            w[f] += a * v[f];
        }
    }

    int[] nIter() {
        return nIter.clone();
    }

    double gamma() {
        return gamma;
    }

    double[] classWeight() {
        return classWeight.clone();
    }

    double[] probA() {
        return model.probA == null ? new double[0] : model.probA.clone();
    }

    double[] probB() {
        return model.probB == null ? new double[0] : model.probB.clone();
    }

    /** The support vectors as LIBSVM's nodes, for a model rebuilt from its arrays. */
    static svm_node[][] nodes(double[][] sv) {
        svm_node[][] out = new svm_node[sv.length][];
        for (int i = 0; i < sv.length; i++) {
            out[i] = Libsvm.row(sv[i], 0, sv[i].length);
        }
        return out;
    }
}
