package dev.jnn.tensor;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API FLOAT32 element-wise kernels. Each runs whole vectors and leaves the tail to
 * {@link ScalarKernelsF32}. The linear and piecewise kernels give the scalar kernels' bits; the transcendental
 * ones (exp, tanh) use the Vector API's versions, which may differ from {@link Math}'s in the last bit.
 */
final class VectorKernelsF32 {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private VectorKernelsF32() {
    }

    static void addRowVector(float[] x, int off, int rows, int cols, float[] bias, int bOff) {
        int ub = S.loopBound(cols);
        for (int r = 0; r < rows; r++) {
            int row = off + r * cols;
            for (int j = 0; j < ub; j += L) {
                FloatVector.fromArray(S, x, row + j).add(FloatVector.fromArray(S, bias, bOff + j))
                        .intoArray(x, row + j);
            }
        }
        ScalarKernelsF32.addRowVector(x, off, rows, cols, bias, bOff, ub);
    }

    static void logistic(float[] x, int off, int len) {
        int ub = S.loopBound(len);
        FloatVector one = FloatVector.broadcast(S, 1f);
        for (int i = off; i < off + ub; i += L) {
            FloatVector v = FloatVector.fromArray(S, x, i);
            one.div(one.add(v.neg().lanewise(VectorOperators.EXP))).intoArray(x, i);
        }
        ScalarKernelsF32.logistic(x, off + ub, len - ub);
    }

    static void tanh(float[] x, int off, int len) {
        int ub = S.loopBound(len);
        for (int i = off; i < off + ub; i += L) {
            FloatVector.fromArray(S, x, i).lanewise(VectorOperators.TANH).intoArray(x, i);
        }
        ScalarKernelsF32.tanh(x, off + ub, len - ub);
    }

    static void relu(float[] x, int off, int len) {
        int ub = S.loopBound(len);
        for (int i = off; i < off + ub; i += L) {
            FloatVector v = FloatVector.fromArray(S, x, i);
            v.blend(0f, v.lt(0f)).intoArray(x, i);
        }
        ScalarKernelsF32.relu(x, off + ub, len - ub);
    }

    static void leakyRelu(float[] x, int off, int len, float alpha) {
        int ub = S.loopBound(len);
        for (int i = off; i < off + ub; i += L) {
            FloatVector v = FloatVector.fromArray(S, x, i);
            v.blend(v.mul(alpha), v.lt(0f)).intoArray(x, i);
        }
        ScalarKernelsF32.leakyRelu(x, off + ub, len - ub, alpha);
    }

    static void elu(float[] x, int off, int len, float alpha) {
        int ub = S.loopBound(len);
        for (int i = off; i < off + ub; i += L) {
            FloatVector v = FloatVector.fromArray(S, x, i);
            v.blend(v.lanewise(VectorOperators.EXPM1).mul(alpha), v.lt(0f)).intoArray(x, i);
        }
        ScalarKernelsF32.elu(x, off + ub, len - ub, alpha);
    }

    static void step(float[] x, int off, int len) {
        int ub = S.loopBound(len);
        FloatVector zero = FloatVector.zero(S);
        for (int i = off; i < off + ub; i += L) {
            FloatVector v = FloatVector.fromArray(S, x, i);
            VectorMask<Float> nan = v.test(VectorOperators.IS_NAN);
            zero.blend(1f, v.compare(VectorOperators.GT, 0f)).blend(v, nan).intoArray(x, i);
        }
        ScalarKernelsF32.step(x, off + ub, len - ub);
    }

    static void logisticGrad(float[] a, int aOff, float[] d, int dOff, int len) {
        int ub = S.loopBound(len);
        FloatVector one = FloatVector.broadcast(S, 1f);
        for (int i = 0; i < ub; i += L) {
            FloatVector v = FloatVector.fromArray(S, a, aOff + i);
            FloatVector.fromArray(S, d, dOff + i).mul(v.mul(one.sub(v))).intoArray(d, dOff + i);
        }
        ScalarKernelsF32.logisticGrad(a, aOff + ub, d, dOff + ub, len - ub);
    }

    static void tanhGrad(float[] a, int aOff, float[] d, int dOff, int len) {
        int ub = S.loopBound(len);
        FloatVector one = FloatVector.broadcast(S, 1f);
        for (int i = 0; i < ub; i += L) {
            FloatVector v = FloatVector.fromArray(S, a, aOff + i);
            FloatVector.fromArray(S, d, dOff + i).mul(one.sub(v.mul(v))).intoArray(d, dOff + i);
        }
        ScalarKernelsF32.tanhGrad(a, aOff + ub, d, dOff + ub, len - ub);
    }

    static void reluGrad(float[] a, int aOff, float[] d, int dOff, int len) {
        int ub = S.loopBound(len);
        for (int i = 0; i < ub; i += L) {
            FloatVector v = FloatVector.fromArray(S, a, aOff + i);
            FloatVector.fromArray(S, d, dOff + i).blend(0f, v.eq(0f)).intoArray(d, dOff + i);
        }
        ScalarKernelsF32.reluGrad(a, aOff + ub, d, dOff + ub, len - ub);
    }

    static void leakyReluGrad(float[] a, int aOff, float[] d, int dOff, int len, float alpha) {
        int ub = S.loopBound(len);
        for (int i = 0; i < ub; i += L) {
            FloatVector v = FloatVector.fromArray(S, a, aOff + i);
            FloatVector g = FloatVector.fromArray(S, d, dOff + i);
            g.blend(g.mul(alpha), v.compare(VectorOperators.GT, 0f).not()).intoArray(d, dOff + i);
        }
        ScalarKernelsF32.leakyReluGrad(a, aOff + ub, d, dOff + ub, len - ub, alpha);
    }

    static void eluGrad(float[] a, int aOff, float[] d, int dOff, int len, float alpha) {
        int ub = S.loopBound(len);
        for (int i = 0; i < ub; i += L) {
            FloatVector v = FloatVector.fromArray(S, a, aOff + i);
            FloatVector g = FloatVector.fromArray(S, d, dOff + i);
            g.blend(g.mul(v.add(alpha)), v.compare(VectorOperators.GT, 0f).not()).intoArray(d, dOff + i);
        }
        ScalarKernelsF32.eluGrad(a, aOff + ub, d, dOff + ub, len - ub, alpha);
    }

    static void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int len) {
        int ub = S.loopBound(len);
        for (int i = 0; i < ub; i += L) {
            FloatVector.fromArray(S, x, xOff + i).mul(alpha).add(FloatVector.fromArray(S, y, yOff + i))
                    .intoArray(y, yOff + i);
        }
        ScalarKernelsF32.axpy(alpha, x, xOff + ub, y, yOff + ub, len - ub);
    }

    static void adam(float[] w, int wOff, float[] g, int gOff, float[] m, float[] s, int mOff, int len, float b1, float b2,
                     float c1, float c2, float lr, float eps) {
        int ub = S.loopBound(len);
        for (int i = 0; i < ub; i += L) {
            FloatVector gv = FloatVector.fromArray(S, g, gOff + i);
            FloatVector mv = FloatVector.fromArray(S, m, mOff + i).mul(b1).add(gv.mul(c1));
            FloatVector sv = FloatVector.fromArray(S, s, mOff + i).mul(b2).add(gv.mul(gv).mul(c2));
            mv.intoArray(m, mOff + i);
            sv.intoArray(s, mOff + i);
            FloatVector step = mv.mul(-lr).div(sv.sqrt().add(eps));
            FloatVector.fromArray(S, w, wOff + i).add(step).intoArray(w, wOff + i);
        }
        ScalarKernelsF32.adam(w, wOff + ub, g, gOff + ub, m, s, mOff + ub, len - ub, b1, b2, c1, c2, lr, eps);
    }

    static void keep(float[] in, int inOff, boolean[] kept, float scale, float[] out, int outOff, int len) {
        int ub = S.loopBound(len);
        FloatVector zero = FloatVector.zero(S);
        for (int i = 0; i < ub; i += L) {
            zero.blend(FloatVector.fromArray(S, in, inOff + i).mul(scale), VectorMask.fromArray(S, kept, i))
                    .intoArray(out, outOff + i);
        }
        ScalarKernelsF32.keep(in, inOff, kept, scale, out, outOff, ub, len);
    }

    static void scale(float alpha, float[] x, int off, int len) {
        int ub = S.loopBound(len);
        for (int i = off; i < off + ub; i += L) {
            FloatVector.fromArray(S, x, i).mul(alpha).intoArray(x, i);
        }
        ScalarKernelsF32.scale(alpha, x, off + ub, len - ub);
    }

    static void columnSums(float[] x, int off, int rows, int cols, float[] out, int oOff) {
        int ub = S.loopBound(cols);
        for (int j = 0; j < ub; j += L) {
            FloatVector.zero(S).intoArray(out, oOff + j);
        }
        for (int r = 0; r < rows; r++) {
            int row = off + r * cols;
            for (int j = 0; j < ub; j += L) {
                FloatVector.fromArray(S, out, oOff + j).add(FloatVector.fromArray(S, x, row + j))
                        .intoArray(out, oOff + j);
            }
        }
        ScalarKernelsF32.columnSums(x, off, rows, cols, out, oOff, ub);
    }

    static boolean allFinite(float[] a, int off, int len) {
        FloatVector acc0 = FloatVector.zero(S);
        FloatVector acc1 = FloatVector.zero(S);
        int ub = (len / (2 * L)) * (2 * L);
        for (int i = 0; i < ub; i += 2 * L) {
            acc0 = acc0.add(FloatVector.fromArray(S, a, off + i).mul(0f));
            acc1 = acc1.add(FloatVector.fromArray(S, a, off + i + L).mul(0f));
        }
        return !acc0.add(acc1).test(VectorOperators.IS_NAN).anyTrue()
                && ScalarKernelsF32.allFinite(a, off + ub, len - ub);
    }
}
