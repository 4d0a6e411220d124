package dev.jnn.contract;

import dev.jnn.api.Regressor;
import dev.jnn.data.ToySets;
import dev.jnn.io.ModelFiles;
import dev.jnn.tensor.DType;
import dev.jnn.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every regressor promises, as scikit-learn's {@code check_estimator} checks it, on a smooth target. */
public abstract class RegressorContract {
    @TempDir
    Path tmp;

    /** A fresh, unfitted regressor with a fixed seed. */
    protected abstract Regressor make();

    /** scikit-learn's class name, as messages give it. */
    protected abstract String name();

    /** The dtype of the fitted attributes after a fit on float32 rows. */
    protected abstract DType fittedDtype(Regressor fitted);

    protected static final Tensor X = ToySets.moons(60, 0.1, 4).x();
    protected static final double[] Y = target(X);

    private static double[] target(Tensor x) {
        double[] y = new double[x.rows()];
        for (int i = 0; i < y.length; i++) {
            y[i] = Math.sin(x.get(i, 0)) + 0.5 * x.get(i, 1);
        }
        return y;
    }

    @Test
    void fitDoesNotChangeItsInputs() {
        Tensor x = X.copy();
        double[] y = Y.clone();
        make().fit(x, y);
        assertArrayEquals(X.toDoubleArray(), x.toDoubleArray());
        assertArrayEquals(Y, y);
    }

    @Test
    void theSameSeedGivesTheSameBitsAndCloneIsUnfitted() {
        Regressor a = make().fit(X, Y);
        assertArrayEquals(a.predict(X), make().fit(X, Y).predict(X), 0.0);
        Regressor copy = a.clone();
        assertTrue(ClassifierContract.sameParams(a.getParams(), copy.getParams()));
        RuntimeException e = assertThrows(RuntimeException.class, () -> copy.predict(X));
        assertTrue(e.getMessage().contains("This " + name() + " instance is not fitted yet"), e.getMessage());
    }

    @Test
    void paramsRoundTripAndUnknownNamesAreErrors() {
        Regressor r = make();
        Map<String, Object> params = r.getParams();
        r.setParams(params);
        assertTrue(ClassifierContract.sameParams(params, r.getParams()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> make().setParams(Map.of("no_such_param", 1)));
        assertTrue(e.getMessage().contains("no_such_param"), e.getMessage());
    }

    @Test
    void anotherFeatureCountGetsScikitLearnsMessage() {
        Regressor r = make().fit(X, Y);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> r.predict(Tensor.zeros(DType.FLOAT64, 4, 3)));
        assertEquals("X has 3 features, but " + name() + " is expecting 2 features as input.", e.getMessage());
    }

    @Test
    void nanInfinityAndEmptyInputAreRefused() {
        Tensor x = X.copy();
        x.set(Double.NaN, 2, 0);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> make().fit(x, Y)).getMessage()
                .startsWith("Input X contains NaN"));
        double[] y = Y.clone();
        y[3] = Double.POSITIVE_INFINITY;
        assertTrue(assertThrows(IllegalArgumentException.class, () -> make().fit(X, y)).getMessage()
                .startsWith("Input y contains infinity"));
        assertThrows(IllegalArgumentException.class, () -> make().fit(Tensor.zeros(DType.FLOAT64, 0, 2), new double[0]));
    }

    @Test
    void float32InGivesFloat32Attributes() {
        Regressor r = make().fit(X.to(DType.FLOAT32), Y);
        assertEquals(DType.FLOAT32, fittedDtype(r));
    }

    @Test
    void saveLoadPredictIsIdentical() throws IOException {
        Regressor r = make().fit(X, Y);
        Path file = tmp.resolve("model.safetensors");
        ModelFiles.save(r, file);
        assertArrayEquals(r.predict(X), ModelFiles.load(file, Regressor.class).predict(X), 0.0);
    }

    @Test
    void scoreIsRSquared() {
        Regressor r = make().fit(X, Y);
        double[] p = r.predict(X);
        double mean = java.util.Arrays.stream(Y).average().orElseThrow();
        double res = 0;
        double tot = 0;
        for (int i = 0; i < Y.length; i++) {
            res += (Y[i] - p[i]) * (Y[i] - p[i]);
            tot += (Y[i] - mean) * (Y[i] - mean);
        }
        assertEquals(1 - res / tot, r.score(X, Y), 1e-12);
    }
}
