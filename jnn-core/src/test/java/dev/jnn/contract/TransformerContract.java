package dev.jnn.contract;

import dev.jnn.api.Transformer;
import dev.jnn.data.ToySets;
import dev.jnn.tensor.DType;
import dev.jnn.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every transformer promises, as scikit-learn's {@code check_estimator} checks it, on two-feature blobs. */
public abstract class TransformerContract {
    /** A fresh, unfitted transformer. */
    protected abstract Transformer make();

    /** scikit-learn's class name, as messages give it. */
    protected abstract String name();

    /** The rows to fit on (two columns). */
    protected Tensor data() {
        return ToySets.blobs(40, 3, 1.0, 3).x();
    }

    /** Whether NaN passes through, as in scikit-learn's scalers (ignored in fit, kept in transform). */
    protected boolean allowsNaN() {
        return false;
    }

    /** Whether the fitted state round-trips through {@code fittedState}/{@code restoreFittedState} (model files). */
    protected boolean savable() {
        return true;
    }

    @Test
    void fitDoesNotChangeItsInput() {
        Tensor x = data().copy();
        double[] before = x.toDoubleArray();
        make().fitTransform(x);
        assertArrayEquals(before, x.toDoubleArray());
    }

    @Test
    void itIsDeterministic() {
        assertArrayEquals(make().fitTransform(data()).toDoubleArray(), make().fitTransform(data()).toDoubleArray(), 0.0);
    }

    @Test
    void copyIsUnfittedWithTheSameParameters() {
        Transformer t = make();
        t.fit(data());
        Transformer copy = t.copy();
        assertTrue(ClassifierContract.sameParams(t.getParams(), copy.getParams()), t.getParams() + " vs "
                + copy.getParams());
        RuntimeException e = assertThrows(RuntimeException.class, () -> copy.transform(data()));
        assertTrue(e.getMessage().contains("This " + name() + " instance is not fitted yet"), e.getMessage());
    }

    @Test
    void paramsRoundTripAndUnknownNamesAreErrors() {
        Transformer t = make();
        Map<String, Object> params = t.getParams();
        t.setParams(params);
        assertTrue(ClassifierContract.sameParams(params, t.getParams()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> make().setParams(Map.of("no_such_param", 1)));
        assertTrue(e.getMessage().contains("no_such_param"), e.getMessage());
    }

    @Test
    void anotherFeatureCountGetsScikitLearnsMessage() {
        Transformer t = make();
        t.fit(data());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> t.transform(Tensor.zeros(DType.FLOAT64, 4, 3)));
        assertEquals("X has 3 features, but " + name() + " is expecting 2 features as input.", e.getMessage());
    }

    @Test
    void infinityAndEmptyInputAreRefusedAndNaNAsScikitLearnDoes() {
        Tensor inf = data().copy();
        inf.set(Double.POSITIVE_INFINITY, 3, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> make().fit(inf));
        assertTrue(e.getMessage().startsWith("Input X contains infinity"), e.getMessage());
        Tensor nan = data().copy();
        nan.set(Double.NaN, 3, 1);
        if (allowsNaN()) {
            Tensor out = make().fitTransform(nan);
            assertTrue(Double.isNaN(out.get(3, 1)) && !Double.isNaN(out.get(3, 0)), "NaN is kept, alone");
        } else {
            e = assertThrows(IllegalArgumentException.class, () -> make().fit(nan));
            assertTrue(e.getMessage().startsWith("Input X contains NaN"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> make().fit(Tensor.zeros(DType.FLOAT64, 0, 2)));
    }

    @Test
    void oneSampleOrOneFeatureWorksOrIsAClearError() {
        for (Tensor x : new Tensor[] {data().rows(0, 1).copy(), data().takeColumns(new int[] {0})}) {
            try {
                Transformer t = make();
                t.fit(x);
                assertEquals(x.rows(), t.transform(x).rows());
            } catch (IllegalArgumentException e) {
                assertTrue(!e.getMessage().isBlank());
            }
        }
    }

    @Test
    void float32InGivesFloat32Out() {
        assertEquals(DType.FLOAT32, make().fitTransform(data().to(DType.FLOAT32)).dtype());
    }

    @Test
    void savedStateTransformsIdentically() {
        if (!savable()) {
            return;
        }
        Transformer t = make();
        t.fit(data());
        Transformer back = make().restoreFittedState(t.fittedState());
        assertArrayEquals(t.transform(data()).toDoubleArray(), back.transform(data()).toDoubleArray(), 0.0);
    }
}
