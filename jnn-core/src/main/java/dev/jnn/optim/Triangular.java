package dev.jnn.optim;

/**
 * Small dense triangular algebra on upper triangles stored in {@code a[row][column]}: the Cholesky factorisation
 * {@code A = RᵀR} and the two solves with R, in the column-oriented order of LINPACK's {@code dpofa} and
 * {@code dtrsl}, which L-BFGS-B's matrices are factored with.
 */
final class Triangular {
    private Triangular() {
    }

    /**
     * Overwrites the upper triangle of the {@code n × n} block at {@code (off, off)} with R, {@code A = RᵀR}.
     * Returns false, leaving the block partly overwritten, when A is not positive definite.
     */
    static boolean cholesky(double[][] a, int off, int n) {
        for (int j = 0; j < n; j++) {
            double s = 0;
            for (int k = 0; k < j; k++) {
                double dot = 0;
                for (int i = 0; i < k; i++) {
                    dot = dot + a[off + i][off + k] * a[off + i][off + j];
                }
                double t = (a[off + k][off + j] - dot) / a[off + k][off + k];
                a[off + k][off + j] = t;
                s = s + t * t;
            }
            s = a[off + j][off + j] - s;
            if (s <= 0) {
                return false;
            }
            a[off + j][off + j] = Math.sqrt(s);
        }
        return true;
    }

    /** Solves {@code Rᵀx = b} in place, R the leading {@code n × n} upper triangle of {@code r}. */
    static void solveTransposed(double[][] r, int n, double[] b) {
        b[0] = b[0] / r[0][0];
        for (int j = 1; j < n; j++) {
            double dot = 0;
            for (int i = 0; i < j; i++) {
                dot = dot + r[i][j] * b[i];
            }
            b[j] = (b[j] - dot) / r[j][j];
        }
    }

    /** Solves {@code Rx = b} in place, R the leading {@code n × n} upper triangle of {@code r}. */
    static void solve(double[][] r, int n, double[] b) {
        b[n - 1] = b[n - 1] / r[n - 1][n - 1];
        for (int j = n - 2; j >= 0; j--) {
            double t = -b[j + 1];
            for (int i = 0; i <= j; i++) {
                b[i] = b[i] + t * r[i][j + 1];
            }
            b[j] = b[j] / r[j][j];
        }
    }
}
