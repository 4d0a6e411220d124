package dev.jnn.preprocess;

/**
 * Eigenvalues and eigenvectors of a symmetric matrix by the cyclic Jacobi method: plane rotations zero the
 * off-diagonal entries one at a time until they vanish to round-off. Slower than tridiagonal QR for large
 * matrices, but simple, and accurate to a few ulps for the well-separated eigenvalues PCA cares about.
 */
final class SymmetricEigen {
    /** The eigenvalues in descending order. */
    final double[] values;
    /** The matching unit eigenvectors as rows. */
    final double[][] vectors;

    private SymmetricEigen(double[] values, double[][] vectors) {
        this.values = values;
        this.vectors = vectors;
    }

    /** Decomposes {@code a} (n × n, symmetric; it is overwritten). */
    static SymmetricEigen of(double[][] a) {
        int n = a.length;
        double[][] v = new double[n][n];
        for (int i = 0; i < n; i++) {
            v[i][i] = 1;
        }
        double norm = 0;
        for (double[] row : a) {
            for (double x : row) {
                norm += x * x;
            }
        }
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    off += Math.abs(a[p][q]);
                }
            }
            if (off * off <= 1e-32 * norm || off == 0) {
                break;
            }
            // Numerical Recipes' thresholds: early sweeps skip the small entries; later ones drop entries that
            // no longer change either diagonal element.
            double threshold = sweep < 3 ? 0.2 * off / ((double) n * n) : 0;
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    double g = 100 * Math.abs(a[p][q]);
                    if (sweep > 3 && Math.abs(a[p][p]) + g == Math.abs(a[p][p])
                            && Math.abs(a[q][q]) + g == Math.abs(a[q][q])) {
                        a[p][q] = 0;
                        a[q][p] = 0;
                    } else if (Math.abs(a[p][q]) > threshold && a[p][q] != 0) {
                        rotate(a, v, p, q);
                    }
                }
            }
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (i, j) -> Double.compare(a[j][j], a[i][i]));
        double[] values = new double[n];
        double[][] vectors = new double[n][n];
        for (int k = 0; k < n; k++) {
            values[k] = a[order[k]][order[k]];
            vectors[k] = v[order[k]].clone();
        }
        return new SymmetricEigen(values, vectors);
    }

    /**
     * Zeroes {@code a[p][q]} with the rotation {@code A ← JᵀAJ}, accumulating the eigenvectors as rows
     * ({@code Vᵀ ← JᵀVᵀ}). Only rows p and q are computed; symmetry gives columns p and q.
     */
    private static void rotate(double[][] a, double[][] vt, int p, int q) {
        double apq = a[p][q];
        double theta = (a[q][q] - a[p][p]) / (2 * apq);
        double t = theta == 0 ? 1 : Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        double c = 1 / Math.sqrt(t * t + 1);
        double s = t * c;
        double[] rp = a[p];
        double[] rq = a[q];
        int n = a.length;
        for (int k = 0; k < n; k++) {
            if (k == p || k == q) {
                continue;
            }
            double x = rp[k];
            double y = rq[k];
            double nx = c * x - s * y;
            double ny = s * x + c * y;
            rp[k] = nx;
            rq[k] = ny;
            a[k][p] = nx;
            a[k][q] = ny;
        }
        rp[p] -= t * apq;
        rq[q] += t * apq;
        rp[q] = 0;
        rq[p] = 0;
        double[] vp = vt[p];
        double[] vq = vt[q];
        for (int k = 0; k < n; k++) {
            double x = vp[k];
            double y = vq[k];
            vp[k] = c * x - s * y;
            vq[k] = s * x + c * y;
        }
    }
}
