package dev.jnn.optim;

/**
 * The limited-memory BFGS matrix in compact form (Byrd, Nocedal &amp; Schnabel 1994), as L-BFGS-B keeps it for an
 * unbounded problem: {@code B = θI − W M Wᵀ} with {@code W = [Y θS]} over the last {@code m} pairs
 * {@code (s, y)}, their inner products {@code SᵀY} and {@code SᵀS}, and the triangular factors of the middle
 * matrix {@code K} through which the subspace step solves with {@code B}.
 *
 * <p>Pairs are stored in a ring; index {@code i} in the comments means the {@code i}-th oldest. Every sum runs in
 * index order, one term at a time, as the reference code's BLAS-1 loops do, so that iterates agree to the bit
 * wherever the function values do.
 */
final class CompactLbfgs {
    private final int m;
    private final double[][] ws;    // s pairs, ring
    private final double[][] wy;    // y pairs, ring
    private final double[][] sy;    // sy[i][j] = s_iᵀ y_j for i >= j (the diagonal is the line search's sᵀy)
    private final double[][] ss;    // ss[i][j] = s_iᵀ s_j for i <= j
    private final double[][] wt;    // Cholesky factor of θSᵀS + L D⁻¹ Lᵀ
    private final double[][] wn1;   // [YᵀY, Rᵀ; R, 0] kept across iterations, R the upper triangle of SᵀY
    private final double[][] wn;    // factors of K
    private int col;
    private int head;
    private int tail;
    private int updates;
    private double theta = 1;

    CompactLbfgs(int m, int n) {
        this.m = m;
        ws = new double[m][n];
        wy = new double[m][n];
        sy = new double[m][m];
        ss = new double[m][m];
        wt = new double[m][m];
        wn1 = new double[2 * m][2 * m];
        wn = new double[2 * m][2 * m];
    }

    /** Number of pairs held; 0 means B = I and the step is steepest descent. */
    int pairs() {
        return col;
    }

    /** Forgets every pair (the reference's restart after a failed line search or factorisation). */
    void reset() {
        col = 0;
        head = 0;
        theta = 1;
        updates = 0;
    }

    /**
     * Adds the pair {@code s = stp·d}, {@code y}: {@code yy = yᵀy}, {@code sy = sᵀy} and {@code dtd = dᵀd} come from
     * the line search. Returns false when {@code θSᵀS + L D⁻¹ Lᵀ} is not positive definite; the caller restarts.
     */
    boolean update(double[] s, double[] y, double yy, double sTy, double stp, double dtd) {
        updates++;
        if (updates <= m) {
            col = updates;
            tail = (head + updates - 1) % m;
        } else {
            tail = (tail + 1) % m;
            head = (head + 1) % m;
        }
        System.arraycopy(s, 0, ws[tail], 0, s.length);
        System.arraycopy(y, 0, wy[tail], 0, y.length);
        theta = yy / sTy;
        if (updates > m) {   // the oldest pair left: shift the products up and to the left
            for (int j = 0; j < col - 1; j++) {
                for (int i = 0; i <= j; i++) {
                    ss[i][j] = ss[i + 1][j + 1];
                }
                for (int i = j; i < col - 1; i++) {
                    sy[i][j] = sy[i + 1][j + 1];
                }
            }
        }
        int last = col - 1;
        for (int j = 0; j < last; j++) {
            int p = (head + j) % m;
            sy[last][j] = dot(s, wy[p]);
            ss[j][last] = dot(ws[p], s);
        }
        ss[last][last] = stp == 1 ? dtd : stp * stp * dtd;
        sy[last][last] = sTy;
        return factorT();
    }

    /** {@code wt = chol(θSᵀS + L D⁻¹ Lᵀ)}, L the strictly lower triangle of SᵀY and D its diagonal. */
    private boolean factorT() {
        for (int j = 0; j < col; j++) {
            wt[0][j] = theta * ss[0][j];
        }
        for (int i = 1; i < col; i++) {
            for (int j = i; j < col; j++) {
                double sum = 0;
                for (int k = 0; k < i; k++) {
                    sum = sum + sy[i][k] * sy[j][k] / sy[k][k];
                }
                wt[i][j] = sum + theta * ss[i][j];
            }
        }
        return Triangular.cholesky(wt, 0, col);
    }

    /**
     * Factors {@code K = [D + YᵀY/θ, −Rᵀ... ; ..., 0]} after an update, in the reference's LELᵀ form: the (1,1)
     * block's Cholesky factor, the (1,2) block solved through it, and the factor of the resulting (2,2) block.
     * Returns false when a block is not positive definite; the caller restarts.
     */
    boolean factorK() {
        if (updates > m) {
            for (int j = 0; j < m - 1; j++) {
                for (int i = j; i < m - 1; i++) {
                    wn1[i][j] = wn1[i + 1][j + 1];
                    wn1[m + i][m + j] = wn1[m + i + 1][m + j + 1];
                }
                for (int i = m; i < 2 * m - 1; i++) {
                    wn1[i][j] = wn1[i + 1][j + 1];
                }
            }
        }
        int last = col - 1;
        int newest = (head + last) % m;
        for (int j = 0; j < col; j++) {
            wn1[last][j] = dot(wy[newest], wy[(head + j) % m]);
            wn1[m + last][m + j] = 0;   // SᵀAAᵀS and L_a vanish: no variable is ever at a bound
            wn1[m + last][j] = 0;
        }
        for (int i = 0; i < col; i++) {
            wn1[m + i][last] = dot(ws[(head + i) % m], wy[newest]);
        }
        for (int iy = 0; iy < col; iy++) {
            int is = col + iy;
            for (int jy = 0; jy <= iy; jy++) {
                wn[jy][iy] = wn1[iy][jy] / theta;
                wn[col + jy][is] = wn1[m + iy][m + jy] * theta;
            }
            for (int jy = 0; jy < iy; jy++) {
                wn[jy][is] = -wn1[m + iy][jy];
            }
            for (int jy = iy; jy < col; jy++) {
                wn[jy][is] = wn1[m + iy][jy];
            }
            wn[iy][iy] = wn[iy][iy] + sy[iy][iy];
        }
        if (!Triangular.cholesky(wn, 0, col)) {
            return false;
        }
        double[] column = new double[col];
        for (int js = col; js < 2 * col; js++) {
            for (int i = 0; i < col; i++) {
                column[i] = wn[i][js];
            }
            Triangular.solveTransposed(wn, col, column);
            for (int i = 0; i < col; i++) {
                wn[i][js] = column[i];
            }
        }
        for (int is = col; is < 2 * col; is++) {
            for (int js = is; js < 2 * col; js++) {
                double sum = 0;
                for (int k = 0; k < col; k++) {
                    sum = sum + wn[k][is] * wn[k][js];
                }
                wn[is][js] = wn[is][js] + sum;
            }
        }
        return Triangular.cholesky(wn, col, col);
    }

    /**
     * The subspace minimisation over all variables: turns {@code r = −g} into the quasi-Newton step
     * {@code −B⁻¹g} through the factors of K, and writes the trial point {@code z = x + step}. Returns false
     * when a factor has a zero on its diagonal; the caller restarts.
     */
    boolean newtonPoint(double[] r, double[] x, double[] z) {
        int n = r.length;
        int col2 = 2 * col;
        double[] wv = new double[col2];
        for (int i = 0; i < col; i++) {
            int p = (head + i) % m;
            wv[i] = dot(wy[p], r);
            wv[col + i] = theta * dot(ws[p], r);
        }
        for (int i = 0; i < col2; i++) {
            if (wn[i][i] == 0) {
                return false;
            }
        }
        Triangular.solveTransposed(wn, col2, wv);
        for (int i = 0; i < col; i++) {
            wv[i] = -wv[i];
        }
        Triangular.solve(wn, col2, wv);
        for (int jy = 0; jy < col; jy++) {
            double[] y = wy[(head + jy) % m];
            double[] s = ws[(head + jy) % m];
            double a = wv[jy];
            double b = wv[col + jy];
            for (int i = 0; i < n; i++) {
                r[i] = r[i] + y[i] * a / theta + s[i] * b;
            }
        }
        double scale = 1 / theta;
        for (int i = 0; i < n; i++) {
            r[i] = scale * r[i];
            z[i] = x[i] + r[i];
        }
        return true;
    }

    /** Σ aᵢbᵢ, summed in index order. */
    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s = s + a[i] * b[i];
        }
        return s;
    }
}
