package dev.jnn.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ParallelTest {
    @AfterEach
    void reset() {
        Parallel.setThreads(0);
        System.clearProperty("jnn.threads");
    }

    @Test
    void threadCountFromApiThenProperty() {
        Parallel.setThreads(3);
        assertEquals(3, Parallel.threads());
        Parallel.setThreads(0);
        System.setProperty("jnn.threads", "2");
        assertEquals(2, Parallel.threads());
        System.setProperty("jnn.threads", "zero");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, Parallel::threads);
        assertEquals("system property jnn.threads must be a whole number >= 1; got 'zero'", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Parallel.setThreads(-1));
    }

    @Test
    void everyTaskRunsOnceAndFailuresSurface() {
        Parallel.setThreads(4);
        for (int round = 0; round < 200; round++) {
            AtomicIntegerArray hits = new AtomicIntegerArray(4);
            Parallel.forEach(4, hits::incrementAndGet);
            for (int t = 0; t < 4; t++) {
                assertEquals(1, hits.get(t));
            }
        }
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Parallel.forEach(3, t -> {
            if (t == 2) {
                throw new IllegalStateException("task 2 failed");
            }
        }));
        assertEquals("task 2 failed", e.getMessage());
        // The pool still works after a failure.
        AtomicIntegerArray hits = new AtomicIntegerArray(2);
        Parallel.forEach(2, hits::incrementAndGet);
        assertEquals(1, hits.get(1));
    }
}
