package dev.jnn.selection;

import dev.jnn.data.TrainTestSplit;

import dev.jnn.tensor.Rng;
import dev.jnn.util.PyFormat;

import java.util.ArrayList;
import java.util.List;

/**
 * scikit-learn's {@code ShuffleSplit} and, with {@code stratified}, {@code StratifiedShuffleSplit} (spec §6.4,
 * 6.5): one generator from the seed; each split a fresh permutation (or per-class draws), indices unsorted.
 * Sizes follow §6.1: a fraction in (0, 1) or a count; a null size is the rest (test defaults to 0.1).
 */
public record ShuffleSplit(int nSplits, Double testSize, Double trainSize, Long randomState, boolean stratified)
        implements CrossValidator {
    public ShuffleSplit {
        if (nSplits < 1) {
            throw new IllegalArgumentException("n_splits must be >= 1, got " + nSplits);
        }
    }

    /** A plain ShuffleSplit. */
    public static ShuffleSplit of(int nSplits, Double testSize, Double trainSize, Long randomState) {
        return new ShuffleSplit(nSplits, testSize, trainSize, randomState, false);
    }

    @Override
    public List<TrainTestSplit.Split> split(int n, int[] y) {
        int[] sizes = sizes(n, testSize, trainSize, 0.1);
        int nTest = sizes[0];
        int nTrain = sizes[1];
        int[] strata = null;
        if (stratified) {
            if (y == null || y.length != n) {
                throw new IllegalArgumentException("StratifiedShuffleSplit needs one class label per row");
            }
            int[] classes = java.util.Arrays.stream(y).distinct().sorted().toArray();
            strata = java.util.Arrays.stream(y).map(v -> java.util.Arrays.binarySearch(classes, v)).toArray();
        }
        Rng rng = randomState == null ? Rng.fromEntropy() : new Rng(randomState);
        List<TrainTestSplit.Split> out = new ArrayList<>();
        for (int s = 0; s < nSplits; s++) {
            out.add(strata == null ? TrainTestSplit.shuffled(n, nTest, nTrain, rng)
                    : TrainTestSplit.stratified(strata, nTest, nTrain, rng));
        }
        return out;
    }

    /** {@code {n_test, n_train}} by spec §6.1, with its error messages. */
    static int[] sizes(int n, Double testSize, Double trainSize, double defaultTest) {
        Double test = testSize == null && trainSize == null ? Double.valueOf(defaultTest) : testSize;
        check("test_size", test, n);
        check("train_size", trainSize, n);
        if (test != null && trainSize != null && test < 1 && trainSize < 1 && test + trainSize > 1) {
            throw new IllegalArgumentException("The sum of test_size and train_size = " + PyFormat.repr(test + trainSize)
                    + ", should be in the (0, 1) range. Reduce test_size and/or train_size.");
        }
        int nTest = test == null ? -1 : test < 1 ? (int) Math.ceil(test * n) : (int) (double) test;
        int nTrain = trainSize == null ? -1 : trainSize < 1 ? (int) Math.floor(trainSize * n) : (int) (double) trainSize;
        if (nTest < 0) {
            nTest = n - nTrain;
        }
        if (nTrain < 0) {
            nTrain = n - nTest;
        }
        if (nTrain + nTest > n) {
            throw new IllegalArgumentException("The sum of train_size and test_size = " + (nTrain + nTest) + ", should be"
                    + " smaller than the number of samples " + n + ". Reduce test_size and/or train_size.");
        }
        if (nTrain == 0) {
            throw new IllegalArgumentException("With n_samples=" + n + ", test_size=" + PyFormat.repr(test)
                    + " and train_size=" + (trainSize == null ? "None" : PyFormat.repr(trainSize)) + ", the resulting"
                    + " train set will be empty. Adjust any of the aforementioned parameters.");
        }
        return new int[]{nTest, nTrain};
    }

    private static void check(String name, Double v, int n) {
        if (v == null) {
            return;
        }
        boolean fraction = v > 0 && v < 1;
        boolean count = v >= 1 && v == Math.rint(v) && v < n;
        if (!fraction && !count) {
            throw new IllegalArgumentException(name + "=" + (v == Math.rint(v) && v >= 1 ? Long.toString((long) (double) v)
                    : PyFormat.repr(v)) + " should be either positive and smaller than the number of samples " + n
                    + " or a float in the (0, 1) range");
        }
    }
}
