package dev.jnn.estimator;

import dev.jnn.util.PythonNamed;

/**
 * The columns of {@link SVC#decisionFunction}: one per class (one-vs-rest, votes plus a bounded confidence, as
 * scikit-learn's {@code _ovr_decision_function}) or one per pair of classes (LIBSVM's own one-vs-one values).
 */
public enum DecisionFunctionShape implements PythonNamed {
    OVR("ovr"),
    OVO("ovo");

    private final String pythonName;

    DecisionFunctionShape(String pythonName) {
        this.pythonName = pythonName;
    }

    @Override
    public String pythonName() {
        return pythonName;
    }

    /** scikit-learn's {@code _ovr_decision_function}: votes plus the summed confidences mapped into (−1/3, 1/3). */
    static double[][] ovr(double[][] ovo, int k) {
        double[][] out = new double[ovo.length][k];
        for (int r = 0; r < ovo.length; r++) {
            double[] votes = new double[k];
            double[] sum = new double[k];
            int p = 0;
            for (int i = 0; i < k; i++) {
                for (int j = i + 1; j < k; j++, p++) {
                    double conf = -ovo[r][p];
                    sum[i] -= conf;
                    sum[j] += conf;
                    if (ovo[r][p] < 0) {
                        votes[j] += 1;
                    } else {
                        votes[i] += 1;
                    }
                }
            }
            for (int c = 0; c < k; c++) {
                out[r][c] = votes[c] + sum[c] / (3 * (Math.abs(sum[c]) + 1));
            }
        }
        return out;
    }
}
