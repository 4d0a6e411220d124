package dev.jnn.estimator;

import dev.jnn.optim.Lbfgs;
import dev.jnn.tensor.Tensor;
import dev.jnn.util.PyFormat;


/**
 * scikit-learn's {@code lbfgs} solver (spec §2.8): the full-batch loss and gradient as a function of one flat
 * vector (every weight matrix, then every bias, layer by layer), minimised by {@link Lbfgs} with scipy's settings.
 */
final class LbfgsSolver {
    private LbfgsSolver() {
    }

    static void run(MultilayerPerceptron m, Tensor x, Tensor y) {
        MLPParams p = m.params;
        FlatObjective objective = new FlatObjective(m, x, y);
        int[] iteration = {0};
        Lbfgs lbfgs = Lbfgs.scipyDefaults(p.maxIter(), p.maxFun(), p.tol());
        Lbfgs.Result r = lbfgs.minimize(objective, objective.start(), (k, f) -> {
            iteration[0] = k;
            if (p.verbose()) {
                m.say("Iteration " + k + ", loss = " + PyFormat.fixed(f, 8));
            }
            if (m.monitor != null) {
                m.monitor.onIteration(k, p.maxIter(), f, Double.NaN);
            }
        });
        objective.apply(r.x());
        m.nIter = Math.min(r.iterations(), p.maxIter());
        m.lbfgsEvaluations = r.evaluations();
        m.loss = r.f();
        if (r.status() != 0) {
            m.warn("lbfgs failed to converge (status=" + r.status() + "):\n" + r.message() + ".\n\n"
                    + "Increase the number of iterations (max_iter) or scale the data as shown in:\n"
                    + "    https://scikit-learn.org/stable/modules/preprocessing.html");
        }
    }
}
