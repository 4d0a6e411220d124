package dev.jnn.selection;

import dev.jnn.data.TrainTestSplit;

import java.util.List;

/** Splits n rows into train/test index pairs, as scikit-learn's CV splitters do. */
public interface CrossValidator {
    /**
     * The splits of {@code n} rows.
     *
     * @param y integer class labels (for stratified splitters), or null
     */
    List<TrainTestSplit.Split> split(int n, int[] y);

    /** The number of splits. */
    int nSplits();

    /** Checks the {@code n_splits} and {@code random_state} constructor rules of KFold and StratifiedKFold. */
    static void checkFolds(int nSplits, boolean shuffle, Long randomState) {
        if (nSplits < 2) {
            throw new IllegalArgumentException("k-fold cross-validation requires at least one train/test split by"
                    + " setting n_splits=2 or more, got n_splits=" + nSplits + ".");
        }
        if (!shuffle && randomState != null) {
            throw new IllegalArgumentException("Setting a random_state has no effect since shuffle is False. You"
                    + " should leave random_state to its default (None), or set shuffle=True.");
        }
    }

    /** Ascending indices of the rows in {@code 0..n-1} that {@code test} does not mark. */
    static TrainTestSplit.Split fromMask(boolean[] inTest) {
        int nTest = 0;
        for (boolean b : inTest) {
            nTest += b ? 1 : 0;
        }
        int[] train = new int[inTest.length - nTest];
        int[] test = new int[nTest];
        int a = 0;
        int b = 0;
        for (int i = 0; i < inTest.length; i++) {
            if (inTest[i]) {
                test[b++] = i;
            } else {
                train[a++] = i;
            }
        }
        return new TrainTestSplit.Split(train, test);
    }
}
