package dev.jnn.util;

import dev.jnn.data.DataException;
import dev.jnn.data.ToySets;
import dev.jnn.estimator.MLPClassifier;
import dev.jnn.preprocess.PolynomialFeatures;
import dev.jnn.tensor.DType;
import dev.jnn.tensor.Parallel;
import dev.jnn.tensor.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sizes that input controls are refused against the heap before anything is allocated, in one line that gives the
 * computed size and the budget. Every request here is far beyond any test JVM's heap, so each must fail at once.
 */
class MemoryBudgetTest {
    @Test
    void theBudgetIsTheHeapLeftMinusAMargin() {
        Runtime rt = Runtime.getRuntime();
        long left = MemoryBudget.available();
        assertTrue(left > 0 && left < rt.maxMemory() - rt.maxMemory() / 16, "budget " + left);
        assertNull(MemoryBudget.shortfall("a small array", 1000, 8));
        assertEquals(Long.MAX_VALUE, MemoryBudget.bytes(Long.MAX_VALUE / 2, 3));
        assertEquals(Long.MAX_VALUE, MemoryBudget.bytes(-1, 8));
        assertEquals("3.0 GB", MemoryBudget.human(3L << 30));
        assertEquals("412 MB", MemoryBudget.human(412L << 20));
        assertEquals("12 GB", MemoryBudget.human(12L << 30));
        String s = MemoryBudget.shortfall("the thing", 1L << 40, 8);
        assertTrue(s.startsWith("the thing needs 8192 GB (1099511627776 × 8 bytes), more than the "), s);
        assertTrue(s.endsWith(" the heap has left (raise the JVM's -Xmx, or use less)"), s);
    }

    @Test
    void generatedSetsLayersPolynomialsTensorsAndThreadsAreChecked() {
        assertMessage(assertThrows(IllegalArgumentException.class, () -> ToySets.moons(Integer.MAX_VALUE, 0.1, 0)),
                "a generated set of 2147483647 samples needs 255 GB");
        IllegalArgumentException wide = assertThrows(IllegalArgumentException.class, () -> MLPClassifier.builder()
                .hiddenLayerSizes(1_000_000_000).build().fit(new double[][] {{0, 1}, {1, 0}}, new int[] {0, 1}));
        assertMessage(wide, "MLPClassifier with hidden_layer_sizes [1000000000] on 2 features (4000000001 weights)"
                + " needs ");
        IllegalArgumentException poly = assertThrows(IllegalArgumentException.class,
                () -> new PolynomialFeatures(30, false, true).fit(Tensor.zeros(DType.FLOAT64, 2, 64)));
        assertMessage(poly, "PolynomialFeatures(degree=30) on 64 features would make more than 2^63 output features");
        IllegalArgumentException poly5 = assertThrows(IllegalArgumentException.class,
                () -> new PolynomialFeatures(5, false, true).fit(Tensor.zeros(DType.FLOAT64, 100_000, 64)));
        assertMessage(poly5, "PolynomialFeatures(degree=5) on 64 features: 11238513 output features for 100000 rows"
                + " needs ");
        assertEquals(2080 + 64 + 1, new PolynomialFeatures(2, false, true).fit(Tensor.zeros(DType.FLOAT64, 3, 64))
                .powers().length, "C(65, 2) + 64 + 1 columns, as scikit-learn counts them");
        long rows = Runtime.getRuntime().maxMemory() / 8 / 1024 + 1;   // a float64 tensor larger than the heap
        if (rows * 1024 <= Integer.MAX_VALUE) {
            assertMessage(assertThrows(IllegalArgumentException.class,
                    () -> Tensor.zeros(DType.FLOAT64, (int) rows, 1024)), "a float64 tensor of shape [" + rows + ", 1024]"
                    + " needs ");
        }
        IllegalArgumentException threads = assertThrows(IllegalArgumentException.class,
                () -> Parallel.setThreads(100_000));
        assertMessage(threads, "threads must be <= " + Parallel.maxThreads() + " (8 per core");
    }

    @Test
    void numberTextIsWhatPythonsFloatReads() {
        assertEquals(1000.0, PyFormat.parseFloat("1e3"));
        assertEquals(2.5, PyFormat.parseFloat(" 2.5 "));
        assertEquals(0.5, PyFormat.parseFloat(".5"));
        assertEquals(5.0, PyFormat.parseFloat("+5."));
        assertEquals(Double.NEGATIVE_INFINITY, PyFormat.parseFloat("-inf"));
        assertEquals(Double.POSITIVE_INFINITY, PyFormat.parseFloat("Infinity"));
        assertTrue(Double.isNaN(PyFormat.parseFloat("NaN")));
        for (String javaOnly : new String[] {"0x1p3", "1d", "2f", "1e", "", "e5", "1.0.0", "--1", "infinit"}) {
            assertThrows(NumberFormatException.class, () -> PyFormat.parseFloat(javaOnly), javaOnly);
        }
    }

    static void assertMessage(RuntimeException e, String start) {
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
        assertTrue(!(e instanceof DataException) || e.getMessage().contains("the heap has left")
                || e.getMessage().contains("bad magic"), e.getMessage());
    }
}
