package dev.jnn.preprocess;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A·v = λ·v, orthonormal vectors and descending values, on random symmetric and rank-deficient matrices. */
class SymmetricEigenTest {
    @Test
    void decomposesRandomSymmetricMatrices() {
        Random rnd = new Random(7);
        for (int n : new int[]{1, 2, 5, 40}) {
            for (boolean deficient : new boolean[]{false, true}) {
                double[][] b = new double[n][n];
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        b[i][j] = deficient && j >= n / 2 ? 0 : rnd.nextGaussian();
                    }
                }
                double[][] a = new double[n][n];
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        for (int k = 0; k < n; k++) {
                            a[i][j] += b[i][k] * b[j][k];
                        }
                    }
                }
                double[][] copy = new double[n][];
                for (int i = 0; i < n; i++) {
                    copy[i] = a[i].clone();
                }
                SymmetricEigen eig = SymmetricEigen.of(copy);
                for (int k = 0; k < n; k++) {
                    if (k > 0) {
                        assertTrue(eig.values[k] <= eig.values[k - 1]);
                    }
                    for (int i = 0; i < n; i++) {
                        double av = 0;
                        for (int j = 0; j < n; j++) {
                            av += a[i][j] * eig.vectors[k][j];
                        }
                        assertEquals(eig.values[k] * eig.vectors[k][i], av, 1e-9 * Math.max(1, eig.values[0]));
                    }
                    for (int q = 0; q < n; q++) {
                        double dot = 0;
                        for (int i = 0; i < n; i++) {
                            dot += eig.vectors[k][i] * eig.vectors[q][i];
                        }
                        assertEquals(k == q ? 1 : 0, dot, 1e-10);
                    }
                }
            }
        }
    }
}
