package dev.jnn.contract;

import dev.jnn.api.Classifier;
import dev.jnn.data.Samples;
import dev.jnn.data.ToySets;
import dev.jnn.io.ModelFiles;
import dev.jnn.tensor.DType;
import dev.jnn.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every classifier promises, as scikit-learn's {@code check_estimator} checks it: a subclass says how to make
 * one (seeded) and which optional parts it has; the checks run on three well-separated blobs.
 */
public abstract class ClassifierContract {
    @TempDir
    Path tmp;

    /** A fresh, unfitted classifier with a fixed seed. */
    protected abstract Classifier make();

    /** scikit-learn's class name, as messages give it. */
    protected abstract String name();

    /** Fits on string labels and predicts names, or returns null when the classifier takes only ints. */
    protected String[] fitAndPredictNames(Classifier c, Tensor x, String[] y) {
        return null;
    }

    /** The sorted class names after a string fit (only called when {@link #fitAndPredictNames} is supported). */
    protected String[] classNames(Classifier c) {
        throw new UnsupportedOperationException();
    }

    /**
     * The dtype of the fitted attributes after a fit on float32 rows; by default float64, for classifiers whose
     * attributes are {@code double[][]} as scikit-learn's SVC and Perceptron keep them whatever X's dtype.
     */
    protected DType fittedDtype(Classifier fitted) {
        return DType.FLOAT64;
    }

    /** The dtype scikit-learn gives the fitted attributes after a float32 fit. */
    protected DType expectedFloat32Attributes() {
        return DType.FLOAT32;
    }

    /** Whether the classifier has probabilities (scikit-learn's Perceptron does not). */
    protected boolean hasProba() {
        return true;
    }

    /** What the classifier ranks rows by: its probabilities, or its decision function where it has none. */
    protected double[][] scores(Classifier c, Tensor x) {
        return hasProba() ? c.predictProba(x) : c.decisionFunction(x);
    }

    /** Whether {@link ModelFiles} saves this classifier. */
    protected boolean savable() {
        return true;
    }

    /**
     * Where scikit-learn promises that repeated {@code partial_fit} calls equal one {@code fit}: the
     * predictions after {@code fit}, and after the same number of {@code partialFit} calls; null when it does not.
     */
    protected int[][] fitVersusPartialFit(Tensor x, int[] y) {
        return null;
    }

    /** Equal parameter maps, array values (hidden_layer_sizes) compared by content. */
    static boolean sameParams(Map<String, Object> a, Map<String, Object> b) {
        return a.size() == b.size() && a.keySet().stream().allMatch(k -> b.containsKey(k)
                && java.util.Objects.deepEquals(a.get(k), b.get(k)));
    }

    protected static final Samples DATA = ToySets.blobs(60, 3, 1.0, 7);

    protected Classifier fitted() {
        return make().fit(DATA.x(), DATA.y());
    }

    @Test
    void fitDoesNotChangeItsInputs() {
        Tensor x = DATA.x().copy();
        int[] y = DATA.y().clone();
        double[] before = x.toDoubleArray();
        make().fit(x, y);
        assertArrayEquals(before, x.toDoubleArray(), "x");
        assertArrayEquals(DATA.y(), y, "y");
    }

    @Test
    void theSameSeedGivesTheSameBits() {
        double[][] a = scores(fitted(), DATA.x());
        double[][] b = scores(fitted(), DATA.x());
        for (int i = 0; i < a.length; i++) {
            assertArrayEquals(a[i], b[i], 0.0, "row " + i);
        }
    }

    @Test
    void cloneIsUnfittedWithTheSameParameters() {
        Classifier c = fitted();
        Classifier copy = c.clone();
        assertTrue(sameParams(c.getParams(), copy.getParams()), c.getParams() + " vs " + copy.getParams());
        RuntimeException e = assertThrows(RuntimeException.class, () -> copy.predict(DATA.x()));
        assertTrue(e.getMessage().contains("is not fitted yet"), e.getMessage());
    }

    @Test
    void predictingBeforeFitIsANotFittedError() {
        RuntimeException e = assertThrows(RuntimeException.class, () -> make().predict(DATA.x()));
        assertTrue(e.getMessage().contains("This " + name() + " instance is not fitted yet"), e.getMessage());
    }

    @Test
    void paramsRoundTripAndUnknownNamesAreErrors() {
        Classifier c = make();
        Map<String, Object> params = c.getParams();
        c.setParams(params);
        assertTrue(sameParams(params, c.getParams()), params + " vs " + c.getParams());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> make().setParams(Map.of("no_such_param", 1)));
        assertTrue(e.getMessage().contains("no_such_param"), e.getMessage());
    }

    @Test
    void anotherFeatureCountGetsScikitLearnsMessage() {
        Classifier c = fitted();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> c.predict(Tensor.zeros(DType.FLOAT64, 4, 3)));
        assertEquals("X has 3 features, but " + name() + " is expecting 2 features as input.", e.getMessage());
    }

    @Test
    void nanInfinityAndEmptyInputAreRefused() {
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY}) {
            Tensor x = DATA.x().copy();
            x.set(bad, 5, 1);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> make().fit(x, DATA.y()));
            assertTrue(e.getMessage().startsWith(Double.isNaN(bad) ? "Input X contains NaN" : "Input X contains"
                    + " infinity"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> make().fit(Tensor.zeros(DType.FLOAT64, 0, 2), new int[0]));
        Classifier c = fitted();
        Tensor nan = DATA.x().rows(0, 3).copy();
        nan.set(Double.NaN, 1, 0);
        assertThrows(IllegalArgumentException.class, () -> c.predict(nan));
    }

    @Test
    void oneSampleOrOneFeatureWorksOrIsAClearError() {
        try {
            make().fit(DATA.x().rows(0, 1).copy(), new int[] {DATA.y()[0]});
        } catch (IllegalArgumentException e) {
            assertTrue(!e.getMessage().isBlank());
        }
        Tensor oneFeature = DATA.x().takeColumns(new int[] {0});
        Classifier c = make().fit(oneFeature, DATA.y());
        assertEquals(DATA.size(), c.predict(oneFeature).length);
    }

    @Test
    void stringLabelsWorkAndClassesAreSorted() {
        String[] names = {"emu", "cat", "dog"};
        String[] y = Arrays.stream(DATA.y()).mapToObj(i -> names[i]).toArray(String[]::new);
        Classifier c = make();
        String[] predicted = fitAndPredictNames(c, DATA.x(), y);
        if (predicted == null) {
            return;
        }
        assertArrayEquals(new String[] {"cat", "dog", "emu"}, classNames(c));
        assertTrue(Arrays.asList(names).containsAll(Arrays.asList(predicted)));
        assertArrayEquals(new int[] {0, 1, 2}, fitted().classes());
    }

    @Test
    void probabilitiesSumToOneAndPredictIsTheirArgmax() {
        Classifier c = fitted();
        double[][] p = scores(c, DATA.x());
        int[] predicted = c.predict(DATA.x());
        for (int i = 0; i < p.length; i++) {
            if (hasProba()) {
                assertEquals(1.0, Arrays.stream(p[i]).sum(), 1e-6, "row " + i);
            }
            int best = 0;
            for (int k = 1; k < p[i].length; k++) {
                best = p[i][k] > p[i][best] ? k : best;
            }
            assertEquals(c.classes()[best], predicted[i], "row " + i);
        }
    }

    @Test
    void partialFitIsConsistentWithFitWhereScikitLearnPromisesIt() {
        int[][] both = fitVersusPartialFit(DATA.x(), DATA.y());
        if (both != null) {
            assertArrayEquals(both[0], both[1]);
        }
    }

    @Test
    void float32InGivesFloat32Attributes() {
        Classifier c = make().fit(DATA.x().to(DType.FLOAT32), DATA.y());
        assertEquals(expectedFloat32Attributes(), fittedDtype(c));
        assertEquals(DATA.size(), c.predict(DATA.x().to(DType.FLOAT32)).length);
    }

    @Test
    void saveLoadPredictIsIdentical() throws IOException {
        if (!savable()) {
            return;
        }
        Classifier c = fitted();
        Path file = tmp.resolve("model.safetensors");
        ModelFiles.save(c, file);
        Classifier back = ModelFiles.load(file, Classifier.class);
        assertArrayEquals(c.predict(DATA.x()), back.predict(DATA.x()));
        double[][] p = scores(c, DATA.x());
        double[][] q = scores(back, DATA.x());
        for (int i = 0; i < p.length; i++) {
            assertArrayEquals(p[i], q[i], 0.0, "row " + i);
        }
    }

    @Test
    void scoreIsAccuracy() {
        Classifier c = fitted();
        int[] predicted = c.predict(DATA.x());
        int right = 0;
        for (int i = 0; i < predicted.length; i++) {
            right += predicted[i] == DATA.y()[i] ? 1 : 0;
        }
        assertEquals((double) right / predicted.length, c.score(DATA.x(), DATA.y()), 1e-15);
    }
}
