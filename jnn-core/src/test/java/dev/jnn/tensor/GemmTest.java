package dev.jnn.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GemmTest {
    private static final int[] EDGE = {1, 7, 17, 33, 255};

    /** Edge sizes in every position, tall and skinny shapes, K = 1, and the MLP/LeNet shapes. */
    static Stream<Arguments> shapes() {
        List<Arguments> out = new ArrayList<>();
        for (int m : EDGE) {
            for (int n : EDGE) {
                out.add(Arguments.of(m, n, m == n ? 1 : 17));
            }
        }
        for (int k : EDGE) {
            out.add(Arguments.of(9, 40, k));
        }
        out.add(Arguments.of(1000, 3, 5));
        out.add(Arguments.of(3, 1000, 5));
        out.add(Arguments.of(2, 2, 1000));
        out.add(Arguments.of(200, 100, 784));
        out.add(Arguments.of(128, 120, 400));
        out.add(Arguments.of(130, 530, 300));
        // A few rows read op(B) in place (Gemm.FEW_ROWS): several k blocks, tails of every width, one column.
        out.add(Arguments.of(1, 100, 784));
        out.add(Arguments.of(2, 10, 100));
        out.add(Arguments.of(3, 130, 600));
        out.add(Arguments.of(4, 257, 513));
        out.add(Arguments.of(1, 1, 300));
        return out.stream();
    }

    @ParameterizedTest(name = "m={0} n={1} k={2}")
    @MethodSource("shapes")
    void matchesNaiveProductInAllCases(int m, int n, int k) {
        Random rnd = new Random(31L * m + 7L * n + k);
        for (boolean ta : new boolean[] {false, true}) {
            for (boolean tb : new boolean[] {false, true}) {
                double alpha = rnd.nextBoolean() ? 1.0 : -0.75;
                double beta = switch (rnd.nextInt(3)) {
                    case 0 -> 0.0;
                    case 1 -> 1.0;
                    default -> 0.5;
                };
                checkDouble(ta, tb, m, n, k, alpha, beta, rnd);
                checkFloat(ta, tb, m, n, k, (float) alpha, (float) beta, rnd);
            }
        }
    }

    private static void checkDouble(boolean ta, boolean tb, int m, int n, int k, double alpha, double beta, Random rnd) {
        // Padded leading dimensions and offsets: the kernels must honour them.
        int lda = (ta ? m : k) + 3;
        int ldb = (tb ? k : n) + 1;
        int ldc = n + 2;
        double[] a = randomD(5 + (ta ? k : m) * lda, rnd);
        double[] b = randomD(2 + (tb ? n : k) * ldb, rnd);
        double[] c0 = randomD(4 + m * ldc, rnd);
        double[] want = c0.clone();
        naive(ta, tb, m, n, k, alpha, a, 5, lda, b, 2, ldb, beta, want, 4, ldc);
        double[] vec = c0.clone();
        double[] plain = c0.clone();
        Gemm.dgemm(ta, tb, m, n, k, alpha, a, 5, lda, b, 2, ldb, beta, vec, 4, ldc, true, 2);
        Gemm.dgemm(ta, tb, m, n, k, alpha, a, 5, lda, b, 2, ldb, beta, plain, 4, ldc, false, 1);
        for (int i = 0; i < want.length; i++) {
            assertEquals(want[i], vec[i], 1e-12 * (k + 1), () -> "double ta=" + ta + " tb=" + tb);
        }
        // Both paths use one fused multiply-add per term in the same order: the same bits.
        assertArrayEquals(vec, plain, "vector and plain-Java paths differ");
    }

    private static void checkFloat(boolean ta, boolean tb, int m, int n, int k, float alpha, float beta, Random rnd) {
        int lda = (ta ? m : k) + 1;
        int ldb = (tb ? k : n) + 2;
        int ldc = n + 3;
        float[] a = randomF(3 + (ta ? k : m) * lda, rnd);
        float[] b = randomF(1 + (tb ? n : k) * ldb, rnd);
        float[] c0 = randomF(2 + m * ldc, rnd);
        double[] want = new double[c0.length];
        for (int i = 0; i < c0.length; i++) {
            want[i] = c0[i];
        }
        naive(ta, tb, m, n, k, alpha, toD(a), 3, lda, toD(b), 1, ldb, beta, want, 2, ldc);
        float[] vec = c0.clone();
        float[] plain = c0.clone();
        Gemm.sgemm(ta, tb, m, n, k, alpha, a, 3, lda, b, 1, ldb, beta, vec, 2, ldc, true, 2);
        Gemm.sgemm(ta, tb, m, n, k, alpha, a, 3, lda, b, 1, ldb, beta, plain, 2, ldc, false, 1);
        for (int i = 0; i < want.length; i++) {
            assertEquals(want[i], vec[i], 2e-6 * (k + 1), () -> "float ta=" + ta + " tb=" + tb);
        }
        assertArrayEquals(vec, plain, "vector and plain-Java paths differ");
    }

    @Test
    void resultBitsDoNotDependOnThreadCount() {
        Random rnd = new Random(5);
        // The 200x10x1200 and 33x20x7000 products are small enough that the flops, not the thread count, limit
        // their tasks (2 and 4); the few-row ones split their columns.
        int[][] shapes = {{200, 100, 784}, {784, 100, 200}, {16, 900, 300}, {300, 45, 1000}, {257, 259, 263},
            {200, 10, 1200}, {33, 20, 7000}, {3, 2000, 1200}, {1, 700, 784}};
        for (int[] s : shapes) {
            int m = s[0];
            int n = s[1];
            int k = s[2];
            for (boolean ta : new boolean[] {false, true}) {
                for (boolean tb : new boolean[] {false, true}) {
                    float[] a = randomF(m * k, rnd);
                    float[] b = randomF(k * n, rnd);
                    double[] ad = randomD(m * k, rnd);
                    double[] bd = randomD(k * n, rnd);
                    float[] ref = null;
                    double[] refD = null;
                    for (int threads : new int[] {1, 2, 4}) {
                        float[] c = new float[m * n];
                        double[] cd = new double[m * n];
                        Gemm.sgemm(ta, tb, m, n, k, 1f, a, 0, ta ? m : k, b, 0, tb ? k : n, 0f, c, 0, n, true, threads);
                        Gemm.dgemm(ta, tb, m, n, k, 1.0, ad, 0, ta ? m : k, bd, 0, tb ? k : n, 0.0, cd, 0, n, true,
                                threads);
                        if (ref == null) {
                            ref = c;
                            refD = cd;
                        } else {
                            assertArrayEquals(ref, c, "float32 with " + threads + " threads");
                            assertArrayEquals(refD, cd, "float64 with " + threads + " threads");
                        }
                    }
                }
            }
        }
    }

    /**
     * Rows of A that are mostly zeros, as MNIST's pixels, with -0.0 in A and B, NaN in A, and a NaN or an infinity
     * in B where A's whole column is zero (whose products with zero are NaN): the vector path's bits equal the
     * plain-Java path's, as a kernel that skipped zero terms would have to keep them.
     */
    @Test
    void mostlyZeroRowsAndNonFiniteValuesKeepTheBits() {
        Random rnd = new Random(9);
        int[][] shapes = {{200, 100, 784}, {784, 100, 200}, {64, 10, 300}, {37, 50, 513}};
        for (int[] sh : shapes) {
            int m = sh[0], n = sh[1], k = sh[2];
            for (boolean ta : new boolean[] {false, true}) {
                for (int poison = 0; poison < 3; poison++) {
                    int lda = ta ? m : k;
                    float[] a = new float[m * k];
                    double[] ad = new double[m * k];
                    for (int i = 0; i < m; i++) {
                        for (int p = 0; p < k; p++) {
                            // a blank border (p % 7 < 4) and 80% zeros elsewhere; some -0.0
                            double v = p % 7 < 4 || rnd.nextInt(5) > 0 ? (rnd.nextInt(9) == 0 ? -0.0 : 0.0)
                                    : rnd.nextDouble() * 2 - 1;
                            int at = ta ? p * lda + i : i * lda + p;
                            a[at] = (float) v;
                            ad[at] = v;
                        }
                    }
                    if (poison == 1) {
                        a[5] = Float.NaN;
                        ad[5] = Double.NaN;
                    }
                    float[] b = randomF(k * n, rnd);
                    double[] bd = randomD(k * n, rnd);
                    b[3 * n + 1] = -0f;
                    if (poison == 2) {
                        b[7 * n + 2] = Float.POSITIVE_INFINITY;   // row 7 of B: A's term 7 is a blank one
                        bd[7 * n + 2] = Double.NaN;
                    }
                    for (float beta : new float[] {0f, 0.5f}) {
                        float[] c0 = randomF(m * n, rnd);
                        float[] vec = c0.clone();
                        float[] plain = c0.clone();
                        Gemm.sgemm(ta, false, m, n, k, 0.75f, a, 0, lda, b, 0, n, beta, vec, 0, n, true, 2);
                        Gemm.sgemm(ta, false, m, n, k, 0.75f, a, 0, lda, b, 0, n, beta, plain, 0, n, false, 1);
                        assertArrayEquals(plain, vec, "float32 " + m + "x" + n + "x" + k + " ta=" + ta + " poison "
                                + poison);
                        double[] d0 = randomD(m * n, rnd);
                        double[] vd = d0.clone();
                        double[] pd = d0.clone();
                        Gemm.dgemm(ta, false, m, n, k, 0.75, ad, 0, lda, bd, 0, n, beta, vd, 0, n, true, 2);
                        Gemm.dgemm(ta, false, m, n, k, 0.75, ad, 0, lda, bd, 0, n, beta, pd, 0, n, false, 1);
                        assertArrayEquals(pd, vd, "float64 " + m + "x" + n + "x" + k + " ta=" + ta + " poison "
                                + poison);
                    }
                }
            }
        }
    }

    @Test
    void betaZeroIgnoresOldNaNButInputNaNPropagates() {
        double[] a = {1, 2, 3, 4};
        double[] b = {1, 0, 0, 1};
        double[] c = {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        Gemm.dgemm(false, false, 2, 2, 2, 1.0, a, 0, 2, b, 0, 2, 0.0, c, 0, 2);
        assertArrayEquals(new double[] {1, 2, 3, 4}, c);
        a[0] = Double.NaN;
        Gemm.dgemm(false, false, 2, 2, 2, 1.0, a, 0, 2, b, 0, 2, 0.0, c, 0, 2);
        assertTrue(Double.isNaN(c[0]) && Double.isNaN(c[1]));
        assertEquals(3.0, c[2]);
    }

    @Test
    void kZeroScalesC() {
        double[] c = {1, 2};
        Gemm.dgemm(false, false, 1, 2, 0, 1.0, new double[0], 0, 1, new double[0], 0, 2, 0.5, c, 0, 2);
        assertArrayEquals(new double[] {0.5, 1}, c);
    }

    @Test
    void tensorApiChecksShapesAndNamesThem() {
        Tensor a = Tensor.zeros(DType.FLOAT64, 200, 784);
        Tensor b = Tensor.zeros(DType.FLOAT64, 100, 10);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Gemm.matmul(a, b));
        assertTrue(e.getMessage().contains("[200, 784]") && e.getMessage().contains("[100, 10]"), e.getMessage());
        Tensor c = Tensor.zeros(DType.FLOAT64, 3, 3);
        e = assertThrows(IllegalArgumentException.class,
                () -> Gemm.gemm(false, false, 1, a, Tensor.zeros(DType.FLOAT64, 784, 10), 0, c));
        assertTrue(e.getMessage().contains("[3, 3]") && e.getMessage().contains("[200, 10]"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Gemm.matmul(Tensor.zeros(DType.FLOAT32, 2, 2), Tensor.zeros(DType.FLOAT64, 2, 2)));
        assertThrows(IllegalArgumentException.class,
                () -> Gemm.sgemm(false, false, 2, 2, 2, 1f, new float[3], 0, 2, new float[4], 0, 2, 0f, new float[4], 0, 2));
    }

    @Test
    void tensorProductOnRowViews() {
        Tensor x = Tensor.of(new double[][] {{9, 9}, {1, 2}, {3, 4}, {9, 9}});
        Tensor w = Tensor.of(new double[][] {{1, 0, 2}, {0, 1, 1}});
        Tensor y = Gemm.matmul(x.rows(1, 3), w);
        assertArrayEquals(new double[] {1, 2, 4, 3, 4, 10}, y.toDoubleArray());
        Tensor yt = Tensor.zeros(DType.FLOAT64, 2, 2);
        Gemm.gemm(false, true, 2.0, x.rows(1, 3), x.rows(1, 3), 0.0, yt);
        assertArrayEquals(new double[] {10, 22, 22, 50}, yt.toDoubleArray());
    }

    static void naive(boolean ta, boolean tb, int m, int n, int k, double alpha, double[] a, int ao, int lda,
                      double[] b, int bo, int ldb, double beta, double[] c, int co, int ldc) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    double x = ta ? a[ao + p * lda + i] : a[ao + i * lda + p];
                    double y = tb ? b[bo + j * ldb + p] : b[bo + p * ldb + j];
                    s += x * y;
                }
                int idx = co + i * ldc + j;
                c[idx] = alpha * s + (beta == 0 ? 0 : beta * c[idx]);
            }
        }
    }

    static double[] randomD(int n, Random rnd) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rnd.nextDouble() * 2 - 1;
        }
        return x;
    }

    static float[] randomF(int n, Random rnd) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = rnd.nextFloat() * 2 - 1;
        }
        return x;
    }

    private static double[] toD(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }
}
