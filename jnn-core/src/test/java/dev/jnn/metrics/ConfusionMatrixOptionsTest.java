package dev.jnn.metrics;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Spec §4.2's example: labels order and normalisation. */
class ConfusionMatrixOptionsTest {
    private static final String[] T = "cat dog pig cat dog pig cat cat".split(" ");
    private static final String[] P = "cat pig dog cat cat dog cat dog".split(" ");

    @Test
    void subsetAccuracyOfMultilabelRows() {
        int[][] t = {{1, 0, 1}, {0, 1, 0}, {1, 1, 0}};
        int[][] p = {{1, 0, 1}, {0, 1, 1}, {1, 1, 0}};
        assertEquals(2 / 3.0, Metrics.accuracy(t, p, null), 1e-15);
        assertEquals((1 + 3) / 6.0, Metrics.accuracy(t, p, new double[]{1, 2, 3}), 1e-15);
    }

    @Test
    void sampleWeightsSumPerCell() {
        double[][] c = ConfusionMatrix.weighted(new int[]{0, 1, 1, 2}, new int[]{0, 1, 0, 2}, new double[]{0.5, 2, 3, 1});
        assertArrayEquals(new double[]{0.5, 0, 0}, c[0], 0);
        assertArrayEquals(new double[]{3, 2, 0}, c[1], 0);
        assertArrayEquals(new double[]{0, 0, 1}, c[2], 0);
    }

    @Test
    void labelsAndNormalize() {
        assertArrayEquals(new long[][]{{3, 1, 0}, {1, 0, 1}, {0, 2, 0}}, ConfusionMatrix.of(T, P).counts());
        assertArrayEquals(new long[][]{{0, 2, 0}, {1, 0, 1}, {0, 1, 3}},
                ConfusionMatrix.of(T, P, new String[]{"pig", "dog", "cat"}).counts());
        double[][] n = ConfusionMatrix.of(T, P).normalized("true");
        assertArrayEquals(new double[]{.75, .25, 0}, n[0], 1e-15);
        assertArrayEquals(new double[]{.5, 0, .5}, n[1], 1e-15);
        assertArrayEquals(new double[]{0, 1, 0}, n[2], 1e-15);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConfusionMatrix.of(T, P, new String[]{"cow"}));
        assertEquals("At least one label specified must be in y_true", e.getMessage());
    }
}
