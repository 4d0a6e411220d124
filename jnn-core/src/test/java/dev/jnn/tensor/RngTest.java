package dev.jnn.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class RngTest {
    @Test
    void specCheckValues() {
        long[][] raw = {{0, 2357136044L, 2546248239L, 3071714933L}, {42, 1608637542L, 3421126067L, 4083286876L},
            {5489, 3499211612L, 581869302L, 3890346734L}};
        for (long[] r : raw) {
            Rng rng = new Rng(r[0]);
            assertEquals(r[1], rng.nextUInt32());
            assertEquals(r[2], rng.nextUInt32());
            assertEquals(r[3], rng.nextUInt32());
        }
        assertEquals(0.5488135039273248, new Rng(0).nextDouble());
        Rng r42 = new Rng(42);
        assertEquals(0.3745401188473625, r42.nextDouble());
        assertEquals(0.9507143064099162, r42.nextDouble());
        assertEquals(0.7319939418114051, r42.nextDouble());
        assertArrayEquals(new int[] {2, 8, 4, 9, 1, 6, 7, 3, 0, 5}, new Rng(0).permutation(10));
        assertArrayEquals(new int[] {8, 1, 5, 0, 7, 2, 9, 4, 3, 6}, new Rng(42).permutation(10));
    }

    /** Values written by src/test/python/rng_vectors.py from numpy's RandomState. */
    @Test
    void matchesNumpyFixtures() throws IOException {
        JsonNode root;
        try (InputStream in = getClass().getResourceAsStream("/fixtures/rng.json")) {
            root = new ObjectMapper().readTree(in);
        }
        int checked = 0;
        for (JsonNode c : root.get("cases")) {
            long seed = c.get("seed").asLong();
            String name = c.get("name").asText();
            double[] want = new double[c.get("values").size()];
            for (int i = 0; i < want.length; i++) {
                want[i] = c.get("values").get(i).asDouble();
            }
            double[] got = draw(name, new Rng(seed), want.length);
            assertArrayEquals(want, got, name + " seed " + seed);
            checked++;
        }
        assertEquals(48, checked);
    }

    private static double[] draw(String name, Rng r, int n) {
        Function<java.util.function.DoubleSupplier, double[]> fill = s -> {
            double[] out = new double[n];
            for (int i = 0; i < n; i++) {
                out[i] = s.getAsDouble();
            }
            return out;
        };
        return switch (name) {
            case "raw32" -> fill.apply(r::nextUInt32);
            case "random_sample" -> fill.apply(r::nextDouble);
            case "uniform(-2,3)" -> fill.apply(() -> r.uniform(-2, 3));
            case "normal" -> fill.apply(r::gaussian);
            case "normal(1.5,0.2)" -> fill.apply(() -> r.normal(1.5, 0.2));
            case "randint(0,1000)" -> fill.apply(() -> r.randint(0, 1000));
            case "randint(-5,6)" -> fill.apply(() -> r.randint(-5, 6));
            case "randint(0,2**40)" -> fill.apply(() -> r.randint(0, 1L << 40));
            case "permutation(10)" -> toDouble(r.permutation(10));
            case "permutation(1000)[:20]" -> toDouble(Arrays.copyOf(r.permutation(1000), 20));
            case "choice(20,5)" -> toDouble(r.choiceWithoutReplacement(20, 5));
            case "shuffle(12)+random_sample" -> {
                int[] a = new int[12];
                Arrays.setAll(a, i -> i);
                r.shuffle(a);
                double[] out = Arrays.copyOf(toDouble(a), 14);
                out[12] = r.nextDouble();
                out[13] = r.nextDouble();
                yield out;
            }
            default -> throw new AssertionError("unknown fixture case " + name);
        };
    }

    private static double[] toDouble(int[] a) {
        return Arrays.stream(a).asDoubleStream().toArray();
    }

    @Test
    void boundedZeroConsumesNothingAndSeedsAreChecked() {
        Rng a = new Rng(3);
        Rng b = new Rng(3);
        assertEquals(0, a.bounded(0));
        assertEquals(b.nextUInt32(), a.nextUInt32());
        assertThrows(IllegalArgumentException.class, () -> new Rng(-1));
        assertThrows(IllegalArgumentException.class, () -> new Rng(1L << 32));
        assertThrows(IllegalArgumentException.class, () -> new Rng(0).choiceWithoutReplacement(3, 4));
    }
}
