package dev.jnn.tensor;

/**
 * Plain-Java FLOAT64 element-wise and reduction kernels: the fallback without the Vector API and the tail loops
 * of the vector kernels. Ranges are {@code [off, off + len)} of the array; matrices are row-major.
 */
final class ScalarKernelsF64 {
    private ScalarKernelsF64() {
    }

    static void addRowVector(double[] x, int off, int rows, int cols, double[] bias, int bOff, int from) {
        for (int r = 0; r < rows; r++) {
            int row = off + r * cols;
            for (int j = from; j < cols; j++) {
                x[row + j] += bias[bOff + j];
            }
        }
    }

    static void logistic(double[] x, int off, int len) {
        for (int i = off; i < off + len; i++) {
            x[i] = (1.0 / (1.0 + Math.exp(-x[i])));
        }
    }

    static void tanh(double[] x, int off, int len) {
        for (int i = off; i < off + len; i++) {
            x[i] = Math.tanh(x[i]);
        }
    }

    static void relu(double[] x, int off, int len) {
        for (int i = off; i < off + len; i++) {
            x[i] = x[i] < 0.0 ? 0.0 : x[i];
        }
    }

    static void leakyRelu(double[] x, int off, int len, double alpha) {
        for (int i = off; i < off + len; i++) {
            x[i] = x[i] < 0.0 ? alpha * x[i] : x[i];
        }
    }

    static void elu(double[] x, int off, int len, double alpha) {
        for (int i = off; i < off + len; i++) {
            x[i] = x[i] < 0.0 ? (alpha * Math.expm1(x[i])) : x[i];
        }
    }

    static void step(double[] x, int off, int len) {
        for (int i = off; i < off + len; i++) {
            x[i] = x[i] > 0.0 ? 1.0 : (x[i] <= 0.0 ? 0.0 : x[i]);
        }
    }

    static void logisticGrad(double[] a, int aOff, double[] d, int dOff, int len) {
        for (int i = 0; i < len; i++) {
            double v = a[aOff + i];
            d[dOff + i] *= v * (1.0 - v);
        }
    }

    static void tanhGrad(double[] a, int aOff, double[] d, int dOff, int len) {
        for (int i = 0; i < len; i++) {
            double v = a[aOff + i];
            d[dOff + i] *= 1.0 - v * v;
        }
    }

    static void reluGrad(double[] a, int aOff, double[] d, int dOff, int len) {
        for (int i = 0; i < len; i++) {
            if (a[aOff + i] == 0.0) {
                d[dOff + i] = 0.0;
            }
        }
    }

    static void leakyReluGrad(double[] a, int aOff, double[] d, int dOff, int len, double alpha) {
        for (int i = 0; i < len; i++) {
            if (!(a[aOff + i] > 0.0)) {
                d[dOff + i] *= alpha;
            }
        }
    }

    static void eluGrad(double[] a, int aOff, double[] d, int dOff, int len, double alpha) {
        for (int i = 0; i < len; i++) {
            double v = a[aOff + i];
            if (!(v > 0.0)) {
                d[dOff + i] *= v + alpha;
            }
        }
    }

    static void axpy(double alpha, double[] x, int xOff, double[] y, int yOff, int len) {
        for (int i = 0; i < len; i++) {
            y[yOff + i] += alpha * x[xOff + i];
        }
    }

    /** One Adam update: m, s moments (offset mOff) and w -= lr·m/(√s + eps), in scikit-learn's operation order. */
    static void adam(double[] w, int wOff, double[] g, int gOff, double[] m, double[] s, int mOff, int len, double b1,
                     double b2, double c1, double c2, double lr, double eps) {
        for (int i = 0; i < len; i++) {
            double gi = g[gOff + i];
            double mi = b1 * m[mOff + i] + c1 * gi;
            double si = b2 * s[mOff + i] + c2 * (gi * gi);
            m[mOff + i] = mi;
            s[mOff + i] = si;
            w[wOff + i] += -lr * mi / (Math.sqrt(si) + eps);
        }
    }

    static void keep(double[] in, int inOff, boolean[] kept, double scale, double[] out, int outOff, int from, int len) {
        for (int i = from; i < len; i++) {
            out[outOff + i] = kept[i] ? in[inOff + i] * scale : 0.0;
        }
    }

    static void scale(double alpha, double[] x, int off, int len) {
        for (int i = off; i < off + len; i++) {
            x[i] *= alpha;
        }
    }

    /** out[j] = sum over rows of x[r, j], accumulated row after row (numpy's order for an axis-0 sum). */
    static void columnSums(double[] x, int off, int rows, int cols, double[] out, int oOff, int from) {
        for (int j = from; j < cols; j++) {
            out[oOff + j] = 0.0;
        }
        for (int r = 0; r < rows; r++) {
            int row = off + r * cols;
            for (int j = from; j < cols; j++) {
                out[oOff + j] += x[row + j];
            }
        }
    }

    static void softmaxRows(double[] x, int off, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            int row = off + r * cols;
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < cols; j++) {
                double v = x[row + j];
                max = v > max || v != v ? v : max;
            }
            double sum = 0.0;
            for (int j = 0; j < cols; j++) {
                double e = Math.exp(x[row + j] - max);
                x[row + j] = e;
                sum += e;
            }
            for (int j = 0; j < cols; j++) {
                x[row + j] /= sum;
            }
        }
    }

    static void argmaxRows(double[] x, int off, int rows, int cols, int[] out) {
        for (int r = 0; r < rows; r++) {
            int row = off + r * cols;
            int best = 0;
            for (int j = 1; j < cols; j++) {
                double v = x[row + j];
                double b = x[row + best];
                if (b != b) {
                    break;
                }
                if (v > b || v != v) {
                    best = j;
                }
            }
            out[r] = best;
        }
    }

    static double sumOfSquares(double[] x, int off, int len) {
        double s = 0.0;
        for (int i = off; i < off + len; i++) {
            double v = x[i];
            s += v * v;
        }
        return s;
    }

    static double sumSquaredDiff(double[] y, int yOff, double[] p, int pOff, int len) {
        double s = 0.0;
        for (int i = 0; i < len; i++) {
            double v = y[yOff + i] - p[pOff + i];
            s += v * v;
        }
        return s;
    }

    /** Sum of y * ln(clip(p, eps, 1 - eps)), a term being 0 where y == 0 (scipy's xlogy) unless p is NaN. */
    static double sumXLogY(double[] y, int yOff, double[] p, int pOff, int len, double eps) {
        double s = 0.0;
        for (int i = 0; i < len; i++) {
            s += xlogy(y[yOff + i], clip(p[pOff + i], eps));
        }
        return s;
    }

    /** Sum of y ln(pc) + (1 - y) ln(1 - pc) with pc = clip(p, eps, 1 - eps): the binary cross-entropy terms. */
    static double sumBinaryLogTerms(double[] y, int yOff, double[] p, int pOff, int len, double eps) {
        double s = 0.0;
        for (int i = 0; i < len; i++) {
            double pc = clip(p[pOff + i], eps);
            double yi = y[yOff + i];
            s += xlogy(yi, pc) + xlogy(1.0 - yi, 1.0 - pc);
        }
        return s;
    }

    private static double clip(double p, double eps) {
        return p < eps ? eps : (p > 1.0 - eps ? 1.0 - eps : p);
    }

    private static double xlogy(double y, double p) {
        return y == 0.0 && p == p ? 0.0 : y * Math.log(p);
    }

    /** Whether every value is finite: x·0 is 0 for finite x and NaN for NaN or infinity, and NaN spreads. */
    static boolean allFinite(double[] a, int off, int len) {
        double s = 0;
        for (int i = 0; i < len; i++) {
            s += a[off + i] * 0.0;
        }
        return s == 0;
    }
}
