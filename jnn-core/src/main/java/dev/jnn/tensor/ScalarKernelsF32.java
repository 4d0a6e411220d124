package dev.jnn.tensor;

/**
 * Plain-Java FLOAT32 element-wise and reduction kernels: the fallback without the Vector API and the tail loops
 * of the vector kernels. Ranges are {@code [off, off + len)} of the array; matrices are row-major.
 */
final class ScalarKernelsF32 {
    private ScalarKernelsF32() {
    }

    static void addRowVector(float[] x, int off, int rows, int cols, float[] bias, int bOff, int from) {
        for (int r = 0; r < rows; r++) {
            int row = off + r * cols;
            for (int j = from; j < cols; j++) {
                x[row + j] += bias[bOff + j];
            }
        }
    }

    static void logistic(float[] x, int off, int len) {
        for (int i = off; i < off + len; i++) {
            x[i] = (float) (1.0 / (1.0 + Math.exp(-x[i])));
        }
    }

    static void tanh(float[] x, int off, int len) {
        for (int i = off; i < off + len; i++) {
            x[i] = (float) Math.tanh(x[i]);
        }
    }

    static void relu(float[] x, int off, int len) {
        for (int i = off; i < off + len; i++) {
            x[i] = x[i] < 0f ? 0f : x[i];
        }
    }

    static void leakyRelu(float[] x, int off, int len, float alpha) {
        for (int i = off; i < off + len; i++) {
            x[i] = x[i] < 0f ? alpha * x[i] : x[i];
        }
    }

    static void elu(float[] x, int off, int len, float alpha) {
        for (int i = off; i < off + len; i++) {
            x[i] = x[i] < 0f ? (float) (alpha * Math.expm1(x[i])) : x[i];
        }
    }

    static void step(float[] x, int off, int len) {
        for (int i = off; i < off + len; i++) {
            x[i] = x[i] > 0f ? 1f : (x[i] <= 0f ? 0f : x[i]);
        }
    }

    static void logisticGrad(float[] a, int aOff, float[] d, int dOff, int len) {
        for (int i = 0; i < len; i++) {
            float v = a[aOff + i];
            d[dOff + i] *= v * (1f - v);
        }
    }

    static void tanhGrad(float[] a, int aOff, float[] d, int dOff, int len) {
        for (int i = 0; i < len; i++) {
            float v = a[aOff + i];
            d[dOff + i] *= 1f - v * v;
        }
    }

    static void reluGrad(float[] a, int aOff, float[] d, int dOff, int len) {
        for (int i = 0; i < len; i++) {
            if (a[aOff + i] == 0f) {
                d[dOff + i] = 0f;
            }
        }
    }

    static void leakyReluGrad(float[] a, int aOff, float[] d, int dOff, int len, float alpha) {
        for (int i = 0; i < len; i++) {
            if (!(a[aOff + i] > 0f)) {
                d[dOff + i] *= alpha;
            }
        }
    }

    static void eluGrad(float[] a, int aOff, float[] d, int dOff, int len, float alpha) {
        for (int i = 0; i < len; i++) {
            float v = a[aOff + i];
            if (!(v > 0f)) {
                d[dOff + i] *= v + alpha;
            }
        }
    }

    static void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int len) {
        for (int i = 0; i < len; i++) {
            y[yOff + i] += alpha * x[xOff + i];
        }
    }

    /** One Adam update: m, s moments (offset mOff) and w -= lr·m/(√s + eps), in scikit-learn's operation order. */
    static void adam(float[] w, int wOff, float[] g, int gOff, float[] m, float[] s, int mOff, int len, float b1,
                     float b2, float c1, float c2, float lr, float eps) {
        for (int i = 0; i < len; i++) {
            float gi = g[gOff + i];
            float mi = b1 * m[mOff + i] + c1 * gi;
            float si = b2 * s[mOff + i] + c2 * (gi * gi);
            m[mOff + i] = mi;
            s[mOff + i] = si;
            w[wOff + i] += -lr * mi / ((float) Math.sqrt(si) + eps);
        }
    }

    static void keep(float[] in, int inOff, boolean[] kept, float scale, float[] out, int outOff, int from, int len) {
        for (int i = from; i < len; i++) {
            out[outOff + i] = kept[i] ? in[inOff + i] * scale : 0f;
        }
    }

    static void scale(float alpha, float[] x, int off, int len) {
        for (int i = off; i < off + len; i++) {
            x[i] *= alpha;
        }
    }

    /** out[j] = sum over rows of x[r, j], accumulated row after row (numpy's order for an axis-0 sum). */
    static void columnSums(float[] x, int off, int rows, int cols, float[] out, int oOff, int from) {
        for (int j = from; j < cols; j++) {
            out[oOff + j] = 0f;
        }
        for (int r = 0; r < rows; r++) {
            int row = off + r * cols;
            for (int j = from; j < cols; j++) {
                out[oOff + j] += x[row + j];
            }
        }
    }

    static void softmaxRows(float[] x, int off, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            int row = off + r * cols;
            float max = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < cols; j++) {
                float v = x[row + j];
                max = v > max || v != v ? v : max;
            }
            float sum = 0f;
            for (int j = 0; j < cols; j++) {
                float e = (float) Math.exp(x[row + j] - max);
                x[row + j] = e;
                sum += e;
            }
            for (int j = 0; j < cols; j++) {
                x[row + j] /= sum;
            }
        }
    }

    static void argmaxRows(float[] x, int off, int rows, int cols, int[] out) {
        for (int r = 0; r < rows; r++) {
            int row = off + r * cols;
            int best = 0;
            for (int j = 1; j < cols; j++) {
                float v = x[row + j];
                float b = x[row + best];
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

    static double sumOfSquares(float[] x, int off, int len) {
        double s = 0.0;
        for (int i = off; i < off + len; i++) {
            double v = x[i];
            s += v * v;
        }
        return s;
    }

    static double sumSquaredDiff(float[] y, int yOff, float[] p, int pOff, int len) {
        double s = 0.0;
        for (int i = 0; i < len; i++) {
            double v = (double) y[yOff + i] - p[pOff + i];
            s += v * v;
        }
        return s;
    }

    /** Sum of y * ln(clip(p, eps, 1 - eps)), a term being 0 where y == 0 (scipy's xlogy) unless p is NaN. */
    static double sumXLogY(float[] y, int yOff, float[] p, int pOff, int len, float eps) {
        double s = 0.0;
        for (int i = 0; i < len; i++) {
            s += xlogy(y[yOff + i], clip(p[pOff + i], eps));
        }
        return s;
    }

    /** Sum of y ln(pc) + (1 - y) ln(1 - pc) with pc = clip(p, eps, 1 - eps): the binary cross-entropy terms. */
    static double sumBinaryLogTerms(float[] y, int yOff, float[] p, int pOff, int len, float eps) {
        double s = 0.0;
        for (int i = 0; i < len; i++) {
            float pc = clip(p[pOff + i], eps);
            float yi = y[yOff + i];
            s += xlogy(yi, pc) + xlogy(1f - yi, 1f - pc);
        }
        return s;
    }

    private static float clip(float p, float eps) {
        return p < eps ? eps : (p > 1f - eps ? 1f - eps : p);
    }

    private static double xlogy(float y, float p) {
        return y == 0f && p == p ? 0.0 : y * Math.log(p);
    }

    /** Whether every value is finite: x·0 is 0 for finite x and NaN for NaN or infinity, and NaN spreads. */
    static boolean allFinite(float[] a, int off, int len) {
        float s = 0;
        for (int i = 0; i < len; i++) {
            s += a[off + i] * 0f;
        }
        return s == 0;
    }
}
