package dev.jnn.data;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jnn.tensor.DType;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Generated and bundled sets against scikit-learn 1.2.1 (data_fixtures.py). */
class ToySetsTest {
    private static void check(String key, Samples s) {
        JsonNode c = Fixtures.json().get("toys").get(key);
        assertArrayEquals(Fixtures.ints(c.get("y")), s.y(), key);
        double[][] x = s.x().toDoubleMatrix();
        for (int i = 0; i < x.length; i++) {
            assertArrayEquals(Fixtures.doubles(c.get("x").get(i)), x[i], 1e-12, key + " row " + i);
        }
    }

    @Test
    void generatorsDrawAsScikitLearn() {
        check("moons", ToySets.moons(7, 0.1, 3));
        check("moons_even", ToySets.moons(10, 0.0, 5));
        check("circles", ToySets.circles(9, 0.05, 0.5, 1));
        check("blobs", ToySets.blobs(10, 3, 1.5, 2));
        check("spirals", ToySets.spirals(5, 3, 0.2, 4));
    }

    @Test
    void catalogueOptionsReachTheGenerators() {
        Dataset d = Datasets.byName("moons:n=7,noise=0.1,seed=3", DType.FLOAT64, null);
        check("moons", d.train());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Datasets.byName("moons:bogus=1", DType.FLOAT64, null));
        assertTrue(e.getMessage().contains("n, noise, seed"), e.getMessage());
        DataException u = assertThrows(DataException.class, () -> Datasets.byName("nope", DType.FLOAT64, null));
        assertTrue(u.getMessage().contains("known: mnist, fashion-mnist"), u.getMessage());
    }

    @Test
    void gatesXorAndSeparable() {
        assertArrayEquals(new int[]{0, 1, 1, 0}, Datasets.byName("gate-xor", DType.FLOAT64, null).train().y());
        assertArrayEquals(new int[]{0, 0, 0, 1}, ToySets.gate("and").y());
        Samples xor = ToySets.xor(400, 0.3, 1);
        double[][] x = xor.x().toDoubleMatrix();
        int agree = 0;
        for (int i = 0; i < x.length; i++) {
            agree += ((x[i][0] > 0) != (x[i][1] > 0) ? 1 : 0) == xor.y()[i] ? 1 : 0;
        }
        assertTrue(agree > 0.9 * x.length, "labels follow the XOR of the signs: " + agree);
        Samples sep = ToySets.separable(200, 0.1, 3);
        assertEquals(200, sep.size());
        assertArrayEquals(sep.x().toDoubleArray(), ToySets.separable(200, 0.1, 3).x().toDoubleArray(), 0.0);
    }

    @Test
    void bundledSetsAsScikitLearnLoadsThem() {
        for (String name : new String[]{"iris", "breast-cancer", "diabetes", "digits"}) {
            JsonNode c = Fixtures.json().get("bundled").get(name);
            Samples s = Datasets.byName(name, DType.FLOAT64, null).train();
            assertArrayEquals(Fixtures.ints(c.get("shape")), s.x().shape(), name);
            double sum = 0;
            for (double v : s.x().toDoubleArray()) {
                sum += v;
            }
            assertEquals(c.get("x_sum").asDouble(), sum, 1e-9 * Math.max(1, Math.abs(sum)), name);
            assertArrayEquals(Fixtures.doubles(c.get("x_first")), s.x().rows(0, 1).toDoubleArray(), 1e-12, name);
            double ySum = 0;
            for (double t : s.targets()) {
                ySum += t;
            }
            assertEquals(c.get("y_sum").asDouble(), ySum, 1e-9, name);
        }
    }

    @Test
    void stratifiedSubsetIsScikitLearnsTrainSplit() {
        Samples digits = Datasets.digits().train();
        int[] want = Fixtures.ints(Fixtures.json().get("digits_subset_100_seed7"));
        Samples sub = digits.sample(100, 7);
        assertArrayEquals(digits.subset(want).labels(), sub.labels());
        assertArrayEquals(digits.subset(want).x().toDoubleArray(), sub.x().toDoubleArray(), 0.0);
        Dataset limited = Datasets.digits().split(0.25, 0, true).limit(300, 50, 1);
        assertEquals(300, limited.train().size());
        assertEquals(50, limited.test().size());
    }
}
