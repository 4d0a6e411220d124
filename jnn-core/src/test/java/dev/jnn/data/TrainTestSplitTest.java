package dev.jnn.data;

import dev.jnn.tensor.Rng;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The worked examples of spec §6.6 (scikit-learn 1.2.1, X = 0..11, test_size=0.25, random_state=42). */
class TrainTestSplitTest {
    @Test
    void plainAndStratifiedExamples() {
        TrainTestSplit.Split plain = TrainTestSplit.split(12, 0.25, new Rng(42), null);
        assertArrayEquals(new int[]{8, 5, 2, 1, 11, 4, 7, 3, 6}, plain.train());
        assertArrayEquals(new int[]{10, 9, 0}, plain.test());
        int[] strata = {0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 2, 2};
        TrainTestSplit.Split strat = TrainTestSplit.split(12, 0.25, new Rng(42), strata);
        assertArrayEquals(new int[]{1, 2, 10, 9, 7, 5, 11, 0, 4}, strat.train());
        assertArrayEquals(new int[]{6, 8, 3}, strat.test());
    }

    @Test
    void noShuffleAndErrors() {
        TrainTestSplit.Split s = TrainTestSplit.split(10, 0.25, null, null, false);
        assertArrayEquals(new int[]{0, 1, 2, 3, 4, 5, 6}, s.train());
        assertArrayEquals(new int[]{7, 8, 9}, s.test());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainTestSplit.split(10, 0.25, null, new int[10], false));
        assertEquals("Stratified train/test split is not implemented for shuffle=False", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TrainTestSplit.split(10, 1.5, new Rng(0), null));
        assertEquals("test_size=1.5 should be either positive and smaller than the number of samples 10 or a float in"
                + " the (0, 1) range", e.getMessage());
    }
}
