package dev.jnn.estimator;

import dev.jnn.tensor.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lecture's perceptron rule, worked by hand on the AND gate, and its verdict on XOR. */
class TextbookPerceptronTest {
    private static final Tensor GATES = Tensor.wrap(new double[] {0, 0, 0, 1, 1, 0, 1, 1}, 4, 2);

    @Test
    void andIsSeparatedAfterTheUpdatesWorkedByHand() {
        // w = (bias, w1, w2) from 0, eta 1, y = -1 -1 -1 +1; a point fires when w.x > 0.
        // pass 1: (0,0) z=0 -> -1 ok; (0,1) ok; (1,0) ok; (1,1) z=0 -> -1 wrong: w = (1, 1, 1)
        // pass 2: (0,0) z=1 wrong: w = (0, 1, 1); (0,1) z=1 wrong: w = (-1, 1, 0); (1,0) z=0 ok; (1,1) z=0 wrong:
        //         w = (0, 2, 1)
        // pass 3: (0,0) z=0 ok; (0,1) z=1 wrong: w = (-1, 2, 0); (1,0) z=1 wrong: w = (-2, 1, 0); (1,1) z=-1 wrong:
        //         w = (-1, 2, 1)
        // pass 4: (0,0) -1 ok; (0,1) z=0 ok; (1,0) z=1 wrong: w = (-2, 1, 1); (1,1) z=0 wrong: w = (-1, 2, 2)
        // pass 5: (0,0) ok; (0,1) z=1 wrong: w = (-2, 2, 1); (1,0) z=0 ok; (1,1) z=1 ok
        // pass 6: (0,0) ok; (0,1) z=-1 ok; (1,0) z=0 ok; (1,1) z=1 ok: separated
        TextbookPerceptron p = TextbookPerceptron.fit(GATES, new int[] {0, 0, 0, 1}, 1.0, 100);
        assertTrue(p.separated());
        assertArrayEquals(new double[] {-2, 2, 1}, p.weights());
        assertEquals(10, p.updates());
        assertEquals(6, p.passes());
        assertEquals(11, p.trajectory().size());
        assertArrayEquals(new double[] {1, 1, 1}, p.trajectory().get(1));
        assertArrayEquals(new int[] {0, 0, 0, 1}, p.predict(GATES));
    }

    @Test
    void xorIsNeverSeparated() {
        TextbookPerceptron p = TextbookPerceptron.fit(GATES, new int[] {0, 1, 1, 0}, 0.5, 25);
        assertFalse(p.separated());
        assertEquals(25, p.passes());
        assertTrue(p.updates() >= 25);
    }
}
