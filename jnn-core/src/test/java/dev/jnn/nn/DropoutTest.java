package dev.jnn.nn;

import dev.jnn.tensor.DType;
import dev.jnn.tensor.Parallel;
import dev.jnn.tensor.Rng;
import dev.jnn.tensor.Tensor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DropoutTest {
    @AfterEach
    void resetThreads() {
        Parallel.setThreads(0);
    }

    @Test
    void drawsAreSplitMix64() {
        // The first outputs of the reference splitmix64.c seeded with 1234567.
        long state = 1234567;
        long[] want = {6457827717110365317L, 3203168211198807973L, -8629252141511181193L};
        for (long w : want) {
            state += 0x9e3779b97f4a7c15L;
            assertEquals(w, Dropout.splitMix64(state));
        }
    }

    @Test
    void masksDoNotDependOnTheThreadCount() {
        Tensor x = Tensor.zeros(DType.FLOAT32, 301, 120); // 36,120 values: several pieces at 2 and 3 threads
        for (int i = 0; i < x.size(); i++) {
            x.setFlat(i, 1 + i % 7);
        }
        float[] first = null;
        for (int threads : new int[] {1, 2, 3}) {
            Parallel.setThreads(threads);
            Dropout d = new Dropout(0.3);
            d.build(new int[] {120}, DType.FLOAT32, new Rng(9));
            d.forward(x, true);
            float[] second = d.forward(x, true).copy().floatData(); // the second batch draws a new key
            if (first == null) {
                first = second;
                int dropped = 0;
                for (int i = 0; i < second.length; i++) {
                    float v = second[i];
                    assertTrue(v == 0 || v == (float) x.getFlat(i) * (float) (1 / 0.7), "value " + i + ": " + v);
                    dropped += v == 0 ? 1 : 0;
                }
                // 36,120 draws at p = 0.3: the standard deviation of the count is 87
                assertEquals(0.3 * second.length, dropped, 4 * 87.1);
            } else {
                assertArrayEquals(first, second, threads + " threads");
            }
        }
    }
}
