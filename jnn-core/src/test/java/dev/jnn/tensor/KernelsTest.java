package dev.jnn.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.Consumer;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class KernelsTest {
    private static final int[] LENGTHS = {1, 7, 17, 33, 255};

    @AfterEach
    void restore() {
        Kernels.vector = VectorSupport.available();
        Parallel.setThreads(0);
    }

    @ParameterizedTest(name = "vector={0}")
    @ValueSource(booleans = {true, false})
    void adamStepsEveryElementByTheFormulaAtAnyThreadCount(boolean vector) {
        Kernels.vector = vector && VectorSupport.available();
        Random r = new Random(11);
        int n = 40_007; // pieces of a parallel step at 2 and 3 threads, with a ragged end
        for (DType dt : DType.values()) {
            Tensor w0 = Tensor.zeros(dt, n + 5, 1).rows(3, n + 3); // offset views, as a layer's parameters
            Tensor g = Tensor.zeros(dt, n + 2, 1).rows(1, n + 1);
            Tensor m0 = Tensor.zeros(dt, n, 1);
            Tensor s0 = Tensor.zeros(dt, n, 1);
            for (int i = 0; i < n; i++) {
                w0.setFlat(i, r.nextGaussian());
                g.setFlat(i, r.nextGaussian());
                m0.setFlat(i, r.nextGaussian() * 0.1);
                s0.setFlat(i, r.nextDouble() * 0.01);
            }
            for (int threads : new int[] {1, 2, 3}) {
                Parallel.setThreads(threads);
                Tensor w = w0.copy();
                Tensor m = m0.copy();
                Tensor s = s0.copy();
                Kernels.adam(w, g, m, s, 0.9, 0.999, 0.003, 1e-7);
                for (int i = 0; i < n; i++) {
                    double gi = g.getFlat(i);
                    double mi;
                    double si;
                    double wi;
                    if (dt == DType.FLOAT32) {
                        float gf = (float) gi;
                        float mf = 0.9f * (float) m0.getFlat(i) + (float) (1 - 0.9) * gf;
                        float sf = 0.999f * (float) s0.getFlat(i) + (float) (1 - 0.999) * (gf * gf);
                        mi = mf;
                        si = sf;
                        wi = (float) w0.getFlat(i) + -0.003f * mf / ((float) Math.sqrt(sf) + 1e-7f);
                    } else {
                        mi = 0.9 * m0.getFlat(i) + (1 - 0.9) * gi;
                        si = 0.999 * s0.getFlat(i) + (1 - 0.999) * (gi * gi);
                        wi = w0.getFlat(i) + -0.003 * mi / (Math.sqrt(si) + 1e-7);
                    }
                    String at = dt + ", " + threads + " threads, element " + i;
                    assertEquals(Double.doubleToLongBits(mi), Double.doubleToLongBits(m.getFlat(i)), at);
                    assertEquals(Double.doubleToLongBits(si), Double.doubleToLongBits(s.getFlat(i)), at);
                    assertEquals(Double.doubleToLongBits(wi), Double.doubleToLongBits(w.getFlat(i)), at);
                }
            }
        }
    }

    @ParameterizedTest(name = "vector={0}")
    @ValueSource(booleans = {true, false})
    void activationsMatchTheirDefinitions(boolean vector) {
        Kernels.vector = vector && VectorSupport.available();
        unary(Kernels::logistic, z -> 1 / (1 + Math.exp(-z)));
        unary(Kernels::tanh, Math::tanh);
        unary(Kernels::relu, z -> Math.max(z, 0));
        unary(t -> Kernels.leakyRelu(t, 0.1), z -> z < 0 ? 0.1 * z : z);
        unary(t -> Kernels.elu(t, 1.5), z -> z < 0 ? 1.5 * (Math.exp(z) - 1) : z);
        unary(Kernels::step, z -> z > 0 ? 1 : 0);
    }

    @ParameterizedTest(name = "vector={0}")
    @ValueSource(booleans = {true, false})
    void derivativesThroughTheOutputMatchFiniteDifferences(boolean vector) {
        Kernels.vector = vector && VectorSupport.available();
        derivative(Kernels::logistic, Kernels::logisticGrad, z -> 1 / (1 + Math.exp(-z)));
        derivative(Kernels::tanh, Kernels::tanhGrad, Math::tanh);
        derivative(Kernels::relu, Kernels::reluGrad, z -> Math.max(z, 0));
        derivative(t -> Kernels.leakyRelu(t, 0.2), (a, d) -> Kernels.leakyReluGrad(a, d, 0.2), z -> z < 0 ? 0.2 * z : z);
        derivative(t -> Kernels.elu(t, 0.7), (a, d) -> Kernels.eluGrad(a, d, 0.7), z -> z < 0 ? 0.7 * Math.expm1(z) : z);
    }

    /** Applies op in both dtypes to random inputs of edge lengths and compares with f in double. */
    private static void unary(Consumer<Tensor> op, DoubleUnaryOperator f) {
        Random rnd = new Random(1);
        for (int len : LENGTHS) {
            double[] x = new double[len];
            for (int i = 0; i < len; i++) {
                x[i] = rnd.nextGaussian() * 3;
            }
            x[0] = len > 1 ? 0.0 : x[0];
            Tensor d = Tensor.wrap(x.clone(), len);
            op.accept(d);
            Tensor f32 = Tensor.wrap(x.clone(), len).to(DType.FLOAT32);
            op.accept(f32);
            for (int i = 0; i < len; i++) {
                double want = f.applyAsDouble(x[i]);
                assertEquals(want, d.get(i), 1e-15 * Math.max(1, Math.abs(want)) * 4);
                assertEquals(want, f32.get(i), 1e-6 * Math.max(1, Math.abs(want)));
            }
        }
    }

    private static void derivative(Consumer<Tensor> fwd, java.util.function.BiConsumer<Tensor, Tensor> grad,
                                   DoubleUnaryOperator f) {
        Random rnd = new Random(2);
        for (int len : LENGTHS) {
            double[] z = new double[len];
            double[] g = new double[len];
            for (int i = 0; i < len; i++) {
                z[i] = rnd.nextGaussian() * 2;
                if (Math.abs(z[i]) < 1e-3) {
                    z[i] = 0.5;
                }
                g[i] = rnd.nextGaussian();
            }
            Tensor a = Tensor.wrap(z.clone(), len);
            fwd.accept(a);
            Tensor delta = Tensor.wrap(g.clone(), len);
            grad.accept(a, delta);
            for (int i = 0; i < len; i++) {
                double h = 1e-6;
                double fd = (f.applyAsDouble(z[i] + h) - f.applyAsDouble(z[i] - h)) / (2 * h);
                assertEquals(g[i] * fd, delta.get(i), 1e-7 * Math.max(1, Math.abs(g[i])));
            }
        }
    }

    @ParameterizedTest(name = "vector={0}")
    @ValueSource(booleans = {true, false})
    void biasAxpyScaleAndColumnSums(boolean vector) {
        Kernels.vector = vector && VectorSupport.available();
        for (DType dt : DType.values()) {
            for (int cols : LENGTHS) {
                int rows = 5;
                Tensor x = Tensor.zeros(dt, rows + 2, cols).rows(1, rows + 1);
                Tensor bias = Tensor.zeros(dt, cols);
                for (int j = 0; j < cols; j++) {
                    bias.set(j * 0.5, j);
                    for (int r = 0; r < rows; r++) {
                        x.set(r + j, r, j);
                    }
                }
                Kernels.addRowVector(x, bias);
                Tensor sums = Kernels.columnSums(x);
                for (int j = 0; j < cols; j++) {
                    assertEquals(rows * (j * 0.5 + j) + 10, sums.get(j), 1e-9);
                    assertEquals(2 + j * 1.5, x.get(2, j), 1e-9);
                }
                Tensor y = Tensor.zeros(dt, rows, cols);
                Kernels.axpy(2.0, x, y);
                Kernels.scale(y, 0.25);
                assertEquals(0.5 * x.get(rows - 1, cols - 1), y.get(rows - 1, cols - 1), 1e-9);
            }
        }
    }

    @ParameterizedTest(name = "vector={0}")
    @ValueSource(booleans = {true, false})
    void keepScalesKeptValuesAndZeroesDroppedOnesEvenNaN(boolean vector) {
        Kernels.vector = vector && VectorSupport.available();
        Random r = new Random(5);
        for (DType dt : DType.values()) {
            for (int n : LENGTHS) {
                Tensor in = Tensor.zeros(dt, n + 3, 1).rows(2, n + 2);
                boolean[] kept = new boolean[n];
                for (int i = 0; i < n; i++) {
                    in.setFlat(i, i % 5 == 0 ? Double.NaN : r.nextGaussian());
                    kept[i] = r.nextBoolean();
                }
                Tensor out = Tensor.zeros(dt, n, 1);
                Kernels.keep(in, kept, 2.5, out);
                for (int i = 0; i < n; i++) {
                    double want = kept[i] ? (dt == DType.FLOAT32 ? (float) in.getFlat(i) * 2.5f : in.getFlat(i) * 2.5)
                            : 0.0;
                    assertEquals(Double.doubleToLongBits(want), Double.doubleToLongBits(out.getFlat(i)), "element " + i);
                }
            }
        }
    }

    @Test
    void softmaxArgmaxAndNaN() {
        Tensor p = Tensor.of(new double[][] {{1000, 1001, 1002}, {0, 0, 0}, {1, Double.NaN, 2}});
        Tensor copy = p.copy();
        Kernels.softmaxRows(p);
        double e1 = Math.exp(-1);
        double e2 = Math.exp(-2);
        assertEquals(1 / (1 + e1 + e2), p.get(0, 2), 1e-15);
        assertEquals(1.0 / 3, p.get(1, 0), 1e-15);
        assertTrue(Double.isNaN(p.get(2, 0)));
        assertArrayEquals(new int[] {2, 0, 1}, Kernels.argmaxRows(copy));
        Tensor f = Tensor.of(new float[][] {{3, 1, 3}, {Float.NaN, 5, Float.NaN}});
        assertArrayEquals(new int[] {0, 0}, Kernels.argmaxRows(f));
        Tensor n = Tensor.of(new double[][] {{Double.NaN, -1}});
        Kernels.relu(n);
        assertTrue(Double.isNaN(n.get(0, 0)));
        assertEquals(0.0, n.get(0, 1));
    }

    /** The worked values of the parity spec, section 2.4. */
    @Test
    void crossEntropyTermsMatchTheSpec() {
        Tensor y = Tensor.of(new double[][] {{1}, {0}, {1}});
        Tensor p = Tensor.of(new double[][] {{0.9}, {0.2}, {0.6}});
        assertEquals(0.2797765635793423, -Kernels.sumBinaryLogTerms(y, p) / 3, 1e-16);
        Tensor y2 = Tensor.of(new double[][] {{1, 0, 0}, {0, 1, 0}});
        Tensor p2 = Tensor.of(new double[][] {{.7, .2, .1}, {.3, .3, .4}});
        assertEquals(0.7803238741323343, -Kernels.sumXLogY(y2, p2) / 2, 1e-16);
        assertEquals(36.04365338911715, -Kernels.sumXLogY(Tensor.of(new double[][] {{1}}),
                Tensor.of(new double[][] {{0}})), 1e-12);
        assertEquals(0.3125, Kernels.sumSquaredDiff(Tensor.of(new double[][] {{1}, {2}}),
                Tensor.of(new double[][] {{1.5}, {1}})) / 4, 0);
        assertEquals(-Math.log(Math.ulp(1f)), -Kernels.sumXLogY(Tensor.of(new float[][] {{1}}),
                Tensor.of(new float[][] {{0}})), 1e-6);
        assertTrue(Double.isNaN(Kernels.sumXLogY(Tensor.of(new double[][] {{0}}),
                Tensor.of(new double[][] {{Double.NaN}}))));
        assertEquals(14.0, Kernels.sumOfSquares(Tensor.of(new float[][] {{1, 2, 3}})));
    }

    @Test
    void mismatchedShapesAreRejected() {
        Tensor a = Tensor.zeros(DType.FLOAT64, 2, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Kernels.reluGrad(a, Tensor.zeros(DType.FLOAT64, 3, 2)));
        assertTrue(e.getMessage().contains("[2, 3]") && e.getMessage().contains("[3, 2]"));
        assertThrows(IllegalArgumentException.class, () -> Kernels.addRowVector(a, Tensor.zeros(DType.FLOAT64, 2)));
        assertThrows(IllegalArgumentException.class, () -> Kernels.axpy(1, a, Tensor.zeros(DType.FLOAT32, 2, 3)));
    }

    @org.junit.jupiter.api.Test
    void allFiniteFindsEveryNaNAndInfinityInBothPathsAndDtypes() {
        boolean saved = Kernels.vector;
        try {
            for (boolean vectorPath : new boolean[] {true, false}) {
                Kernels.vector = vectorPath && VectorSupport.available();
                for (DType t : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
                    for (int n : new int[] {1, 7, 16, 33, 100, 257}) {
                        Tensor x = Tensor.zeros(t, 3, n);
                        for (int i = 0; i < x.size(); i++) {
                            x.setFlat(i, (i % 5) - 2.5e30);
                        }
                        Tensor row = x.rows(1, 2);                     // a view with an offset
                        org.junit.jupiter.api.Assertions.assertTrue(Kernels.allFinite(row));
                        for (int at = 0; at < n; at++) {
                            for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY,
                                Double.NEGATIVE_INFINITY}) {
                                Tensor y = row.copy();
                                y.setFlat(at, bad);
                                org.junit.jupiter.api.Assertions.assertFalse(Kernels.allFinite(y),
                                        t + " n " + n + " at " + at + " " + bad + " vector " + Kernels.vector);
                            }
                        }
                        x.setFlat(0, Double.NaN);                      // outside the view: not its business
                        x.setFlat(3 * n - 1, Double.NaN);
                        org.junit.jupiter.api.Assertions.assertTrue(Kernels.allFinite(row));
                    }
                }
            }
        } finally {
            Kernels.vector = saved;
        }
    }
}
