package dev.jnn.tensor;

import java.util.Arrays;

/**
 * Fused element-wise and reduction kernels on tensors, in both dtypes: the bias add, the activations and their
 * derivatives, the row softmax, the clipped log terms of the cross-entropy losses, axpy/scale and the reductions
 * the networks need. They run on the Vector API when it is present, else in plain Java.
 *
 * <p>Activation derivatives are written through the activation's output {@code a}, as scikit-learn does:
 * {@code xxxGrad(a, delta)} multiplies {@code delta} in place by f'(z) expressed from a = f(z). Reductions that a
 * user sees (losses) accumulate in double. NaN propagates; nothing is silently clamped.
 */
public final class Kernels {
    /** Package-private switch so that tests can run both paths in one JVM. */
    static volatile boolean vector = VectorSupport.available();

    private Kernels() {
    }

    /** {@code x[r, :] += bias} for every row of a matrix. */
    public static void addRowVector(Tensor x, Tensor bias) {
        int cols = x.cols();
        if (bias.size() != cols || x.dtype() != bias.dtype()) {
            throw new IllegalArgumentException("addRowVector: bias " + shape(bias) + " " + bias.dtype()
                    + " does not match the rows of " + shape(x) + " " + x.dtype());
        }
        if (x.dtype() == DType.FLOAT32) {
            if (vector) {
                VectorKernelsF32.addRowVector(x.floatData(), x.offset(), x.rows(), cols, bias.floatData(), bias.offset());
            } else {
                ScalarKernelsF32.addRowVector(x.floatData(), x.offset(), x.rows(), cols, bias.floatData(), bias.offset(), 0);
            }
        } else if (vector) {
            VectorKernelsF64.addRowVector(x.doubleData(), x.offset(), x.rows(), cols, bias.doubleData(), bias.offset());
        } else {
            ScalarKernelsF64.addRowVector(x.doubleData(), x.offset(), x.rows(), cols, bias.doubleData(), bias.offset(), 0);
        }
    }

    /** Logistic sigmoid {@code 1 / (1 + exp(-x))} in place. */
    public static void logistic(Tensor x) {
        if (x.dtype() == DType.FLOAT32) {
            if (vector) VectorKernelsF32.logistic(x.floatData(), x.offset(), x.size());
            else ScalarKernelsF32.logistic(x.floatData(), x.offset(), x.size());
        } else if (vector) VectorKernelsF64.logistic(x.doubleData(), x.offset(), x.size());
        else ScalarKernelsF64.logistic(x.doubleData(), x.offset(), x.size());
    }

    /** Hyperbolic tangent in place. */
    public static void tanh(Tensor x) {
        if (x.dtype() == DType.FLOAT32) {
            if (vector) VectorKernelsF32.tanh(x.floatData(), x.offset(), x.size());
            else ScalarKernelsF32.tanh(x.floatData(), x.offset(), x.size());
        } else if (vector) VectorKernelsF64.tanh(x.doubleData(), x.offset(), x.size());
        else ScalarKernelsF64.tanh(x.doubleData(), x.offset(), x.size());
    }

    /** {@code max(x, 0)} in place. */
    public static void relu(Tensor x) {
        if (x.dtype() == DType.FLOAT32) {
            if (vector) VectorKernelsF32.relu(x.floatData(), x.offset(), x.size());
            else ScalarKernelsF32.relu(x.floatData(), x.offset(), x.size());
        } else if (vector) VectorKernelsF64.relu(x.doubleData(), x.offset(), x.size());
        else ScalarKernelsF64.relu(x.doubleData(), x.offset(), x.size());
    }

    /** {@code x < 0 ? alpha * x : x} in place. */
    public static void leakyRelu(Tensor x, double alpha) {
        if (x.dtype() == DType.FLOAT32) {
            if (vector) VectorKernelsF32.leakyRelu(x.floatData(), x.offset(), x.size(), (float) alpha);
            else ScalarKernelsF32.leakyRelu(x.floatData(), x.offset(), x.size(), (float) alpha);
        } else if (vector) VectorKernelsF64.leakyRelu(x.doubleData(), x.offset(), x.size(), alpha);
        else ScalarKernelsF64.leakyRelu(x.doubleData(), x.offset(), x.size(), alpha);
    }

    /** {@code x < 0 ? alpha * (exp(x) - 1) : x} in place. */
    public static void elu(Tensor x, double alpha) {
        if (x.dtype() == DType.FLOAT32) {
            if (vector) VectorKernelsF32.elu(x.floatData(), x.offset(), x.size(), (float) alpha);
            else ScalarKernelsF32.elu(x.floatData(), x.offset(), x.size(), (float) alpha);
        } else if (vector) VectorKernelsF64.elu(x.doubleData(), x.offset(), x.size(), alpha);
        else ScalarKernelsF64.elu(x.doubleData(), x.offset(), x.size(), alpha);
    }

    /** Heaviside step in place: 1 where x &gt; 0, else 0 (NaN stays NaN). */
    public static void step(Tensor x) {
        if (x.dtype() == DType.FLOAT32) {
            if (vector) VectorKernelsF32.step(x.floatData(), x.offset(), x.size());
            else ScalarKernelsF32.step(x.floatData(), x.offset(), x.size());
        } else if (vector) VectorKernelsF64.step(x.doubleData(), x.offset(), x.size());
        else ScalarKernelsF64.step(x.doubleData(), x.offset(), x.size());
    }

    /** {@code delta *= a (1 - a)}. */
    public static void logisticGrad(Tensor a, Tensor delta) {
        check("logisticGrad", a, delta);
        if (a.dtype() == DType.FLOAT32) {
            if (vector) VectorKernelsF32.logisticGrad(a.floatData(), a.offset(), delta.floatData(), delta.offset(), a.size());
            else ScalarKernelsF32.logisticGrad(a.floatData(), a.offset(), delta.floatData(), delta.offset(), a.size());
        } else if (vector) VectorKernelsF64.logisticGrad(a.doubleData(), a.offset(), delta.doubleData(), delta.offset(), a.size());
        else ScalarKernelsF64.logisticGrad(a.doubleData(), a.offset(), delta.doubleData(), delta.offset(), a.size());
    }

    /** {@code delta *= 1 - a^2}. */
    public static void tanhGrad(Tensor a, Tensor delta) {
        check("tanhGrad", a, delta);
        if (a.dtype() == DType.FLOAT32) {
            if (vector) VectorKernelsF32.tanhGrad(a.floatData(), a.offset(), delta.floatData(), delta.offset(), a.size());
            else ScalarKernelsF32.tanhGrad(a.floatData(), a.offset(), delta.floatData(), delta.offset(), a.size());
        } else if (vector) VectorKernelsF64.tanhGrad(a.doubleData(), a.offset(), delta.doubleData(), delta.offset(), a.size());
        else ScalarKernelsF64.tanhGrad(a.doubleData(), a.offset(), delta.doubleData(), delta.offset(), a.size());
    }

    /** {@code delta = 0} where {@code a == 0} exactly (scikit-learn's rule). */
    public static void reluGrad(Tensor a, Tensor delta) {
        check("reluGrad", a, delta);
        if (a.dtype() == DType.FLOAT32) {
            if (vector) VectorKernelsF32.reluGrad(a.floatData(), a.offset(), delta.floatData(), delta.offset(), a.size());
            else ScalarKernelsF32.reluGrad(a.floatData(), a.offset(), delta.floatData(), delta.offset(), a.size());
        } else if (vector) VectorKernelsF64.reluGrad(a.doubleData(), a.offset(), delta.doubleData(), delta.offset(), a.size());
        else ScalarKernelsF64.reluGrad(a.doubleData(), a.offset(), delta.doubleData(), delta.offset(), a.size());
    }

    /** {@code delta *= alpha} where {@code a <= 0}. */
    public static void leakyReluGrad(Tensor a, Tensor delta, double alpha) {
        check("leakyReluGrad", a, delta);
        if (a.dtype() == DType.FLOAT32) {
            if (vector) VectorKernelsF32.leakyReluGrad(a.floatData(), a.offset(), delta.floatData(), delta.offset(), a.size(), (float) alpha);
            else ScalarKernelsF32.leakyReluGrad(a.floatData(), a.offset(), delta.floatData(), delta.offset(), a.size(), (float) alpha);
        } else if (vector) VectorKernelsF64.leakyReluGrad(a.doubleData(), a.offset(), delta.doubleData(), delta.offset(), a.size(), alpha);
        else ScalarKernelsF64.leakyReluGrad(a.doubleData(), a.offset(), delta.doubleData(), delta.offset(), a.size(), alpha);
    }

    /** {@code delta *= a + alpha} where {@code a <= 0} (the ELU derivative alpha e^z written through a). */
    public static void eluGrad(Tensor a, Tensor delta, double alpha) {
        check("eluGrad", a, delta);
        if (a.dtype() == DType.FLOAT32) {
            if (vector) VectorKernelsF32.eluGrad(a.floatData(), a.offset(), delta.floatData(), delta.offset(), a.size(), (float) alpha);
            else ScalarKernelsF32.eluGrad(a.floatData(), a.offset(), delta.floatData(), delta.offset(), a.size(), (float) alpha);
        } else if (vector) VectorKernelsF64.eluGrad(a.doubleData(), a.offset(), delta.doubleData(), delta.offset(), a.size(), alpha);
        else ScalarKernelsF64.eluGrad(a.doubleData(), a.offset(), delta.doubleData(), delta.offset(), a.size(), alpha);
    }

    /** The step function's derivative, 0 almost everywhere: {@code delta = 0} (NaN in delta stays). */
    public static void stepGrad(Tensor a, Tensor delta) {
        check("stepGrad", a, delta);
        scale(delta, 0.0);
    }

    /** Row-wise softmax in place, stable: each row's maximum is subtracted before exponentiating. */
    public static void softmaxRows(Tensor x) {
        if (x.dtype() == DType.FLOAT32) {
            ScalarKernelsF32.softmaxRows(x.floatData(), x.offset(), x.rows(), x.cols());
        } else {
            ScalarKernelsF64.softmaxRows(x.doubleData(), x.offset(), x.rows(), x.cols());
        }
    }

    /** {@code y += alpha * x}. */
    public static void axpy(double alpha, Tensor x, Tensor y) {
        check("axpy", x, y);
        if (x.dtype() == DType.FLOAT32) {
            if (vector) VectorKernelsF32.axpy((float) alpha, x.floatData(), x.offset(), y.floatData(), y.offset(), x.size());
            else ScalarKernelsF32.axpy((float) alpha, x.floatData(), x.offset(), y.floatData(), y.offset(), x.size());
        } else if (vector) VectorKernelsF64.axpy(alpha, x.doubleData(), x.offset(), y.doubleData(), y.offset(), x.size());
        else ScalarKernelsF64.axpy(alpha, x.doubleData(), x.offset(), y.doubleData(), y.offset(), x.size());
    }

    /** Whether every element of {@code x} (its {@code size()} values from its offset) is finite, neither NaN nor infinite. */
    public static boolean allFinite(Tensor x) {
        int o = x.offset();
        int n = x.size();
        if (x.dtype() == DType.FLOAT32) {
            return vector ? VectorKernelsF32.allFinite(x.floatData(), o, n) : ScalarKernelsF32.allFinite(x.floatData(), o, n);
        }
        return vector ? VectorKernelsF64.allFinite(x.doubleData(), o, n) : ScalarKernelsF64.allFinite(x.doubleData(), o, n);
    }

    /**
     * One Adam step on {@code w} with gradient {@code g} and moments {@code m}, {@code s} (contiguous, offset 0):
     * {@code m = β₁m + (1−β₁)g}, {@code s = β₂s + (1−β₂)g²}, {@code w += −lr·m/(√s + ε)}. Both paths give the same
     * bits (no fused multiply-add), so training does not depend on the Vector API.
     */
    public static void adam(Tensor w, Tensor g, Tensor m, Tensor s, double beta1, double beta2, double lr, double eps) {
        check("adam", w, g);
        check("adam", w, m);
        check("adam", w, s);
        if (m.offset() != 0 || s.offset() != 0) {
            throw new IllegalArgumentException("adam: the moment tensors must start at offset 0");
        }
        int n = w.size();
        // Element-wise, so pieces on the kernel threads give the same bits as one pass. Pieces start at multiples
        // of 64 elements, so only the last one ends in a scalar tail.
        int pieces = Math.min(Parallel.tasksFor(n / ADAM_PIECE), Parallel.threads());
        if (pieces <= 1) {
            adam(w, g, m, s, beta1, beta2, lr, eps, 0, n);
            return;
        }
        Parallel.forEach(pieces, p -> {
            int from = (int) ((long) n * p / pieces) & -64;
            int to = p == pieces - 1 ? n : (int) ((long) n * (p + 1) / pieces) & -64;
            adam(w, g, m, s, beta1, beta2, lr, eps, from, to);
        });
    }

    /** Elements at least this many per piece of a parallel Adam step (about 100 KB of float32 state each). */
    private static final int ADAM_PIECE = 1 << 13;

    private static void adam(Tensor w, Tensor g, Tensor m, Tensor s, double beta1, double beta2, double lr, double eps,
                             int from, int to) {
        int wo = w.offset() + from;
        int go = g.offset() + from;
        int n = to - from;
        if (w.dtype() == DType.FLOAT32) {
            float b1 = (float) beta1;
            float b2 = (float) beta2;
            float c1 = (float) (1 - beta1);
            float c2 = (float) (1 - beta2);
            if (vector) VectorKernelsF32.adam(w.floatData(), wo, g.floatData(), go, m.floatData(), s.floatData(), from,
                    n, b1, b2, c1, c2, (float) lr, (float) eps);
            else ScalarKernelsF32.adam(w.floatData(), wo, g.floatData(), go, m.floatData(), s.floatData(), from, n,
                    b1, b2, c1, c2, (float) lr, (float) eps);
        } else if (vector) VectorKernelsF64.adam(w.doubleData(), wo, g.doubleData(), go, m.doubleData(),
                s.doubleData(), from, n, beta1, beta2, 1 - beta1, 1 - beta2, lr, eps);
        else ScalarKernelsF64.adam(w.doubleData(), wo, g.doubleData(), go, m.doubleData(), s.doubleData(), from, n,
                beta1, beta2, 1 - beta1, 1 - beta2, lr, eps);
    }

    /**
     * {@code out[i] = kept[i] ? in[i]·scale : 0} (inverted dropout's mask); a dropped value is exactly zero, even NaN.
     * {@code out} may be {@code in}.
     */
    public static void keep(Tensor in, boolean[] kept, double scale, Tensor out) {
        check("keep", in, out);
        int n = in.size();
        if (kept.length < n) {
            throw new IllegalArgumentException("keep: " + kept.length + " mask values for " + n + " elements");
        }
        if (in.dtype() == DType.FLOAT32) {
            if (vector) VectorKernelsF32.keep(in.floatData(), in.offset(), kept, (float) scale, out.floatData(),
                    out.offset(), n);
            else ScalarKernelsF32.keep(in.floatData(), in.offset(), kept, (float) scale, out.floatData(), out.offset(),
                    0, n);
        } else if (vector) VectorKernelsF64.keep(in.doubleData(), in.offset(), kept, scale, out.doubleData(),
                out.offset(), n);
        else ScalarKernelsF64.keep(in.doubleData(), in.offset(), kept, scale, out.doubleData(), out.offset(), 0, n);
    }

    /** {@code x *= alpha}. */
    public static void scale(Tensor x, double alpha) {
        if (x.dtype() == DType.FLOAT32) {
            if (vector) VectorKernelsF32.scale((float) alpha, x.floatData(), x.offset(), x.size());
            else ScalarKernelsF32.scale((float) alpha, x.floatData(), x.offset(), x.size());
        } else if (vector) VectorKernelsF64.scale(alpha, x.doubleData(), x.offset(), x.size());
        else ScalarKernelsF64.scale(alpha, x.doubleData(), x.offset(), x.size());
    }

    /** A new vector of the column sums of a matrix, summed row after row in its dtype (as numpy's axis-0 sum). */
    public static Tensor columnSums(Tensor x) {
        Tensor out = Tensor.zeros(x.dtype(), x.cols());
        columnSums(x, out);
        return out;
    }

    /** Writes the column sums of {@code x} into {@code out} (length = columns of x). */
    public static void columnSums(Tensor x, Tensor out) {
        if (out.size() != x.cols() || out.dtype() != x.dtype()) {
            throw new IllegalArgumentException("columnSums: out " + shape(out) + " " + out.dtype()
                    + " does not match the columns of " + shape(x) + " " + x.dtype());
        }
        if (x.dtype() == DType.FLOAT32) {
            if (vector) VectorKernelsF32.columnSums(x.floatData(), x.offset(), x.rows(), x.cols(), out.floatData(), out.offset());
            else ScalarKernelsF32.columnSums(x.floatData(), x.offset(), x.rows(), x.cols(), out.floatData(), out.offset(), 0);
        } else if (vector) VectorKernelsF64.columnSums(x.doubleData(), x.offset(), x.rows(), x.cols(), out.doubleData(), out.offset());
        else ScalarKernelsF64.columnSums(x.doubleData(), x.offset(), x.rows(), x.cols(), out.doubleData(), out.offset(), 0);
    }

    /** Index of each row's maximum; ties go to the first, and a NaN counts as the maximum (numpy's argmax). */
    public static int[] argmaxRows(Tensor x) {
        int[] out = new int[x.rows()];
        if (x.cols() == 0) {
            throw new IllegalArgumentException("argmaxRows: rows of " + shape(x) + " are empty");
        }
        if (x.dtype() == DType.FLOAT32) {
            ScalarKernelsF32.argmaxRows(x.floatData(), x.offset(), x.rows(), x.cols(), out);
        } else {
            ScalarKernelsF64.argmaxRows(x.doubleData(), x.offset(), x.rows(), x.cols(), out);
        }
        return out;
    }

    /** Sum of squared elements, accumulated in double. */
    public static double sumOfSquares(Tensor x) {
        return x.dtype() == DType.FLOAT32
                ? ScalarKernelsF32.sumOfSquares(x.floatData(), x.offset(), x.size())
                : ScalarKernelsF64.sumOfSquares(x.doubleData(), x.offset(), x.size());
    }

    /** Sum of {@code (y - p)^2}, accumulated in double. */
    public static double sumSquaredDiff(Tensor y, Tensor p) {
        check("sumSquaredDiff", y, p);
        return y.dtype() == DType.FLOAT32
                ? ScalarKernelsF32.sumSquaredDiff(y.floatData(), y.offset(), p.floatData(), p.offset(), y.size())
                : ScalarKernelsF64.sumSquaredDiff(y.doubleData(), y.offset(), p.doubleData(), p.offset(), y.size());
    }

    /**
     * {@code sum(y * ln(clip(p, eps, 1 - eps)))} with eps the machine epsilon of the dtype, a term being 0 where
     * y == 0: the (negated, unnormalised) categorical cross-entropy.
     */
    public static double sumXLogY(Tensor y, Tensor p) {
        check("sumXLogY", y, p);
        return y.dtype() == DType.FLOAT32
                ? ScalarKernelsF32.sumXLogY(y.floatData(), y.offset(), p.floatData(), p.offset(), y.size(), Math.ulp(1f))
                : ScalarKernelsF64.sumXLogY(y.doubleData(), y.offset(), p.doubleData(), p.offset(), y.size(), Math.ulp(1.0));
    }

    /** {@code sum(y ln pc + (1 - y) ln(1 - pc))} with {@code pc = clip(p, eps, 1 - eps)}: binary cross-entropy terms. */
    public static double sumBinaryLogTerms(Tensor y, Tensor p) {
        check("sumBinaryLogTerms", y, p);
        return y.dtype() == DType.FLOAT32
                ? ScalarKernelsF32.sumBinaryLogTerms(y.floatData(), y.offset(), p.floatData(), p.offset(), y.size(), Math.ulp(1f))
                : ScalarKernelsF64.sumBinaryLogTerms(y.doubleData(), y.offset(), p.doubleData(), p.offset(), y.size(), Math.ulp(1.0));
    }

    private static void check(String op, Tensor a, Tensor b) {
        if (!a.sameShape(b) || a.dtype() != b.dtype()) {
            throw new IllegalArgumentException(op + ": shapes " + shape(a) + " " + a.dtype() + " and " + shape(b)
                    + " " + b.dtype() + " differ");
        }
    }

    private static String shape(Tensor t) {
        return Arrays.toString(t.shape());
    }
}
