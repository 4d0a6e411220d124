package dev.jnn.estimator;

import dev.jnn.data.Samples;
import dev.jnn.data.ToySets;
import dev.jnn.nn.Activation;
import dev.jnn.optim.Lbfgs;
import dev.jnn.tensor.Rng;
import dev.jnn.tensor.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The flat-parameter view: minimising {@link FlatObjective} with {@code Lbfgs} from the same start, as the course's
 * {@code minimize(fun, W0, jac=True)} does, reaches {@code MLPClassifier(solver=lbfgs)}'s loss; at the fitted
 * weights it gives {@code loss_}.
 */
class FlatObjectiveTest {
    @Test
    void minimisingTheFlatObjectiveReachesTheLbfgsSolversLoss() {
        Samples moons = ToySets.moons(80, 0.2, 1);
        MLPClassifier clf = MLPClassifier.builder().solver(Solver.LBFGS).hiddenLayerSizes(5).alpha(0.01).maxIter(60)
                .randomState(0).build();
        clf.fit(moons.x(), moons.y());
        Tensor targets = clf.targets(moons.y());
        FlatObjective atFit = FlatObjective.of(clf, moons.x(), targets);
        double[] grad = new double[atFit.start().length];
        assertEquals(clf.loss(), atFit.valueAndGradient(atFit.start(), grad), 1e-12, "loss_ at the fitted weights");

        MLPClassifier fresh = MLPClassifier.builder().solver(Solver.LBFGS).hiddenLayerSizes(5).alpha(0.01).maxIter(60)
                .randomState(0).build();
        Initializer.initialize(fresh, 2, 1, moons.x().dtype(), Activation.LOGISTIC, new Rng(0));   // the same start
        FlatObjective objective = FlatObjective.of(fresh, moons.x(), targets);
        Lbfgs.Result r = Lbfgs.scipyDefaults(60, 15000, 1e-4).minimize(objective, objective.start(), (k, f) -> { });
        assertEquals(clf.loss(), r.f(), 1e-12);
        objective.apply(r.x());
        assertTrue(java.util.Arrays.equals(clf.coefs().get(0).doubleData(), fresh.coefs().get(0).doubleData()));
    }
}
