package dev.jnn.tensor;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API FLOAT64 element-wise kernels. Each runs whole vectors and leaves the tail to
 * {@link ScalarKernelsF64}. The linear and piecewise kernels give the scalar kernels' bits; the transcendental
 * ones (exp, tanh) use the Vector API's versions, which may differ from {@link Math}'s in the last bit.
 */
final class VectorKernelsF64 {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private VectorKernelsF64() {
    }

    static void addRowVector(double[] x, int off, int rows, int cols, double[] bias, int bOff) {
        int ub = S.loopBound(cols);
        for (int r = 0; r < rows; r++) {
            int row = off + r * cols;
            for (int j = 0; j < ub; j += L) {
                DoubleVector.fromArray(S, x, row + j).add(DoubleVector.fromArray(S, bias, bOff + j))
                        .intoArray(x, row + j);
            }
        }
        ScalarKernelsF64.addRowVector(x, off, rows, cols, bias, bOff, ub);
    }

    static void logistic(double[] x, int off, int len) {
        int ub = S.loopBound(len);
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        for (int i = off; i < off + ub; i += L) {
            DoubleVector v = DoubleVector.fromArray(S, x, i);
            one.div(one.add(v.neg().lanewise(VectorOperators.EXP))).intoArray(x, i);
        }
        ScalarKernelsF64.logistic(x, off + ub, len - ub);
    }

    static void tanh(double[] x, int off, int len) {
        int ub = S.loopBound(len);
        for (int i = off; i < off + ub; i += L) {
            DoubleVector.fromArray(S, x, i).lanewise(VectorOperators.TANH).intoArray(x, i);
        }
        ScalarKernelsF64.tanh(x, off + ub, len - ub);
    }

    static void relu(double[] x, int off, int len) {
        int ub = S.loopBound(len);
        for (int i = off; i < off + ub; i += L) {
            DoubleVector v = DoubleVector.fromArray(S, x, i);
            v.blend(0.0, v.lt(0.0)).intoArray(x, i);
        }
        ScalarKernelsF64.relu(x, off + ub, len - ub);
    }

    static void leakyRelu(double[] x, int off, int len, double alpha) {
        int ub = S.loopBound(len);
        for (int i = off; i < off + ub; i += L) {
            DoubleVector v = DoubleVector.fromArray(S, x, i);
            v.blend(v.mul(alpha), v.lt(0.0)).intoArray(x, i);
        }
        ScalarKernelsF64.leakyRelu(x, off + ub, len - ub, alpha);
    }

    static void elu(double[] x, int off, int len, double alpha) {
        int ub = S.loopBound(len);
        for (int i = off; i < off + ub; i += L) {
            DoubleVector v = DoubleVector.fromArray(S, x, i);
            v.blend(v.lanewise(VectorOperators.EXPM1).mul(alpha), v.lt(0.0)).intoArray(x, i);
        }
        ScalarKernelsF64.elu(x, off + ub, len - ub, alpha);
    }

    static void step(double[] x, int off, int len) {
        int ub = S.loopBound(len);
        DoubleVector zero = DoubleVector.zero(S);
        for (int i = off; i < off + ub; i += L) {
            DoubleVector v = DoubleVector.fromArray(S, x, i);
            VectorMask<Double> nan = v.test(VectorOperators.IS_NAN);
            zero.blend(1.0, v.compare(VectorOperators.GT, 0.0)).blend(v, nan).intoArray(x, i);
        }
        ScalarKernelsF64.step(x, off + ub, len - ub);
    }

    static void logisticGrad(double[] a, int aOff, double[] d, int dOff, int len) {
        int ub = S.loopBound(len);
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        for (int i = 0; i < ub; i += L) {
            DoubleVector v = DoubleVector.fromArray(S, a, aOff + i);
            DoubleVector.fromArray(S, d, dOff + i).mul(v.mul(one.sub(v))).intoArray(d, dOff + i);
        }
        ScalarKernelsF64.logisticGrad(a, aOff + ub, d, dOff + ub, len - ub);
    }

    static void tanhGrad(double[] a, int aOff, double[] d, int dOff, int len) {
        int ub = S.loopBound(len);
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        for (int i = 0; i < ub; i += L) {
            DoubleVector v = DoubleVector.fromArray(S, a, aOff + i);
            DoubleVector.fromArray(S, d, dOff + i).mul(one.sub(v.mul(v))).intoArray(d, dOff + i);
        }
        ScalarKernelsF64.tanhGrad(a, aOff + ub, d, dOff + ub, len - ub);
    }

    static void reluGrad(double[] a, int aOff, double[] d, int dOff, int len) {
        int ub = S.loopBound(len);
        for (int i = 0; i < ub; i += L) {
            DoubleVector v = DoubleVector.fromArray(S, a, aOff + i);
            DoubleVector.fromArray(S, d, dOff + i).blend(0.0, v.eq(0.0)).intoArray(d, dOff + i);
        }
        ScalarKernelsF64.reluGrad(a, aOff + ub, d, dOff + ub, len - ub);
    }

    static void leakyReluGrad(double[] a, int aOff, double[] d, int dOff, int len, double alpha) {
        int ub = S.loopBound(len);
        for (int i = 0; i < ub; i += L) {
            DoubleVector v = DoubleVector.fromArray(S, a, aOff + i);
            DoubleVector g = DoubleVector.fromArray(S, d, dOff + i);
            g.blend(g.mul(alpha), v.compare(VectorOperators.GT, 0.0).not()).intoArray(d, dOff + i);
        }
        ScalarKernelsF64.leakyReluGrad(a, aOff + ub, d, dOff + ub, len - ub, alpha);
    }

    static void eluGrad(double[] a, int aOff, double[] d, int dOff, int len, double alpha) {
        int ub = S.loopBound(len);
        for (int i = 0; i < ub; i += L) {
            DoubleVector v = DoubleVector.fromArray(S, a, aOff + i);
            DoubleVector g = DoubleVector.fromArray(S, d, dOff + i);
            g.blend(g.mul(v.add(alpha)), v.compare(VectorOperators.GT, 0.0).not()).intoArray(d, dOff + i);
        }
        ScalarKernelsF64.eluGrad(a, aOff + ub, d, dOff + ub, len - ub, alpha);
    }

    static void axpy(double alpha, double[] x, int xOff, double[] y, int yOff, int len) {
        int ub = S.loopBound(len);
        for (int i = 0; i < ub; i += L) {
            DoubleVector.fromArray(S, x, xOff + i).mul(alpha).add(DoubleVector.fromArray(S, y, yOff + i))
                    .intoArray(y, yOff + i);
        }
        ScalarKernelsF64.axpy(alpha, x, xOff + ub, y, yOff + ub, len - ub);
    }

    static void adam(double[] w, int wOff, double[] g, int gOff, double[] m, double[] s, int mOff, int len, double b1, double b2,
                     double c1, double c2, double lr, double eps) {
        int ub = S.loopBound(len);
        for (int i = 0; i < ub; i += L) {
            DoubleVector gv = DoubleVector.fromArray(S, g, gOff + i);
            DoubleVector mv = DoubleVector.fromArray(S, m, mOff + i).mul(b1).add(gv.mul(c1));
            DoubleVector sv = DoubleVector.fromArray(S, s, mOff + i).mul(b2).add(gv.mul(gv).mul(c2));
            mv.intoArray(m, mOff + i);
            sv.intoArray(s, mOff + i);
            DoubleVector step = mv.mul(-lr).div(sv.sqrt().add(eps));
            DoubleVector.fromArray(S, w, wOff + i).add(step).intoArray(w, wOff + i);
        }
        ScalarKernelsF64.adam(w, wOff + ub, g, gOff + ub, m, s, mOff + ub, len - ub, b1, b2, c1, c2, lr, eps);
    }

    static void keep(double[] in, int inOff, boolean[] kept, double scale, double[] out, int outOff, int len) {
        int ub = S.loopBound(len);
        DoubleVector zero = DoubleVector.zero(S);
        for (int i = 0; i < ub; i += L) {
            zero.blend(DoubleVector.fromArray(S, in, inOff + i).mul(scale), VectorMask.fromArray(S, kept, i))
                    .intoArray(out, outOff + i);
        }
        ScalarKernelsF64.keep(in, inOff, kept, scale, out, outOff, ub, len);
    }

    static void scale(double alpha, double[] x, int off, int len) {
        int ub = S.loopBound(len);
        for (int i = off; i < off + ub; i += L) {
            DoubleVector.fromArray(S, x, i).mul(alpha).intoArray(x, i);
        }
        ScalarKernelsF64.scale(alpha, x, off + ub, len - ub);
    }

    static void columnSums(double[] x, int off, int rows, int cols, double[] out, int oOff) {
        int ub = S.loopBound(cols);
        for (int j = 0; j < ub; j += L) {
            DoubleVector.zero(S).intoArray(out, oOff + j);
        }
        for (int r = 0; r < rows; r++) {
            int row = off + r * cols;
            for (int j = 0; j < ub; j += L) {
                DoubleVector.fromArray(S, out, oOff + j).add(DoubleVector.fromArray(S, x, row + j))
                        .intoArray(out, oOff + j);
            }
        }
        ScalarKernelsF64.columnSums(x, off, rows, cols, out, oOff, ub);
    }

    static boolean allFinite(double[] a, int off, int len) {
        DoubleVector acc0 = DoubleVector.zero(S);
        DoubleVector acc1 = DoubleVector.zero(S);
        int ub = (len / (2 * L)) * (2 * L);
        for (int i = 0; i < ub; i += 2 * L) {
            acc0 = acc0.add(DoubleVector.fromArray(S, a, off + i).mul(0.0));
            acc1 = acc1.add(DoubleVector.fromArray(S, a, off + i + L).mul(0.0));
        }
        return !acc0.add(acc1).test(VectorOperators.IS_NAN).anyTrue()
                && ScalarKernelsF64.allFinite(a, off + ub, len - ub);
    }
}
