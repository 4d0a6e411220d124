package dev.jnn.estimator;

import dev.jnn.nn.Dense;
import dev.jnn.nn.Loss;
import dev.jnn.nn.Parameter;
import dev.jnn.optim.Lbfgs;
import dev.jnn.tensor.DType;
import dev.jnn.tensor.Tensor;
import dev.jnn.util.PyFormat;

import java.util.ArrayList;
import java.util.List;

/**
 * scikit-learn's {@code lbfgs} solver (spec §2.8): the full-batch loss and gradient as a function of one flat
 * vector (every weight matrix, then every bias, layer by layer), minimised by {@link Lbfgs} with scipy's settings.
 */
final class LbfgsSolver {
    private LbfgsSolver() {
    }

    static void run(MultilayerPerceptron m, Tensor x, Tensor y) {
        MLPParams p = m.params;
        List<Parameter> order = flatOrder(m);
        Loss loss = m.lossFunction();
        int[] iteration = {0};
        Lbfgs lbfgs = Lbfgs.scipyDefaults(p.maxIter(), p.maxFun(), p.tol());
        Lbfgs.Result r = lbfgs.minimize((theta, grad) -> {
            unpack(theta, order);
            double value = m.backprop(loss, x, y);
            pack(order, grad, true);
            return value;
        }, pack(order, null, false), (k, f) -> {
            iteration[0] = k;
            if (p.verbose()) {
                m.say("Iteration " + k + ", loss = " + PyFormat.fixed(f, 8));
            }
            if (m.monitor != null) {
                m.monitor.onIteration(k, p.maxIter(), f, Double.NaN);
            }
        });
        unpack(r.x(), order);
        m.nIter = Math.min(r.iterations(), p.maxIter());
        m.loss = r.f();
        if (r.status() != 0) {
            m.warn("lbfgs failed to converge (status=" + r.status() + "):\n" + r.message() + ".\n\n"
                    + "Increase the number of iterations (max_iter) or scale the data as shown in:\n"
                    + "    https://scikit-learn.org/stable/modules/preprocessing.html");
        }
    }

    /** Kernels first, then biases: scikit-learn's {@code _pack} order. */
    private static List<Parameter> flatOrder(MultilayerPerceptron m) {
        List<Parameter> out = new ArrayList<>();
        for (Dense d : m.layers) {
            out.add(d.kernel());
        }
        for (Dense d : m.layers) {
            out.add(d.bias());
        }
        return out;
    }

    private static double[] pack(List<Parameter> order, double[] into, boolean gradients) {
        int total = order.stream().mapToInt(q -> q.value().size()).sum();
        double[] flat = into != null ? into : new double[total];
        int at = 0;
        for (Parameter q : order) {
            Tensor t = gradients ? q.grad() : q.value();
            for (int i = 0; i < t.size(); i++) {
                flat[at++] = t.dtype() == DType.FLOAT64 ? t.doubleData()[t.offset() + i] : t.floatData()[t.offset() + i];
            }
        }
        return flat;
    }

    private static void unpack(double[] flat, List<Parameter> order) {
        int at = 0;
        for (Parameter q : order) {
            Tensor t = q.value();
            for (int i = 0; i < t.size(); i++) {
                if (t.dtype() == DType.FLOAT64) {
                    t.doubleData()[t.offset() + i] = flat[at++];
                } else {
                    t.floatData()[t.offset() + i] = (float) flat[at++];
                }
            }
        }
    }
}
