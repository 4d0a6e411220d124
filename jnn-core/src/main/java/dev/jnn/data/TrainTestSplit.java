package dev.jnn.data;

import dev.jnn.tensor.Rng;
import dev.jnn.util.PyFormat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * scikit-learn's {@code train_test_split} on row indices (spec §6.1, 6.4–6.6): the first split of
 * {@code ShuffleSplit}, or of {@code StratifiedShuffleSplit} when strata are given, drawing from the given
 * generator exactly as numpy's legacy {@code RandomState} would, so an integer seed gives scikit-learn's rows.
 */
public final class TrainTestSplit {
    private TrainTestSplit() {
    }

    /** Row indices of a split, in the permuted order scikit-learn returns (not sorted). */
    public record Split(int[] train, int[] test) {
    }

    /**
     * Splits {@code n} rows with a test share in (0, 1) (or a count when >= 1) and the rest for training.
     *
     * @param strata per-row class indices {@code 0..k-1} in sorted-label order for a stratified split, or null
     */
    public static Split split(int n, double testSize, Rng rng, int[] strata) {
        return split(n, testSize, rng, strata, true);
    }

    /**
     * As {@link #split(int, double, Rng, int[])}; with {@code shuffle=false} the first rows train and the next
     * ones test, in order, and strata are an error (as in scikit-learn).
     */
    public static Split split(int n, double testSize, Rng rng, int[] strata, boolean shuffle) {
        if (!shuffle && strata != null) {
            throw new IllegalArgumentException("Stratified train/test split is not implemented for shuffle=False");
        }
        int nTest = testCount(n, testSize);
        int nTrain = n - nTest;
        if (nTrain == 0) {
            throw new IllegalArgumentException("With n_samples=" + n + ", test_size=" + PyFormat.repr(testSize)
                    + " and train_size=None, the resulting train set will be empty. Adjust any of the"
                    + " aforementioned parameters.");
        }
        if (!shuffle) {
            int[] train = new int[nTrain];
            int[] test = new int[nTest];
            Arrays.setAll(train, i -> i);
            Arrays.setAll(test, i -> nTrain + i);
            return new Split(train, test);
        }
        return strata == null ? shuffled(n, nTest, nTrain, rng) : stratified(strata, nTest, nTrain, rng);
    }

    /** The test-set size of §6.1: {@code ceil(size * n)} for a fraction, the count itself for an integer. */
    public static int testCount(int n, double testSize) {
        boolean fraction = testSize > 0 && testSize < 1;
        boolean count = testSize >= 1 && testSize == Math.rint(testSize) && testSize < n;
        if (!fraction && !count) {
            throw new IllegalArgumentException("test_size=" + (testSize == Math.rint(testSize) && testSize >= 1
                    ? Long.toString((long) testSize) : PyFormat.repr(testSize))
                    + " should be either positive and smaller than the number of samples " + n
                    + " or a float in the (0, 1) range");
        }
        return fraction ? (int) Math.ceil(testSize * n) : (int) testSize;
    }

    public static Split shuffled(int n, int nTest, int nTrain, Rng rng) {
        int[] perm = rng.permutation(n);
        return new Split(Arrays.copyOfRange(perm, nTest, nTest + nTrain), Arrays.copyOfRange(perm, 0, nTest));
    }

    public static Split stratified(int[] strata, int nTest, int nTrain, Rng rng) {
        int k = Arrays.stream(strata).max().orElse(-1) + 1;
        int[] counts = new int[k];
        for (int s : strata) {
            counts[s]++;
        }
        List<int[]> members = new ArrayList<>();
        int[] fill = new int[k];
        for (int c = 0; c < k; c++) {
            members.add(new int[counts[c]]);
        }
        for (int i = 0; i < strata.length; i++) {
            members.get(strata[i])[fill[strata[i]]++] = i;     // ascending within a class (a stable sort)
        }
        int present = 0;
        for (int c : counts) {
            if (c == 1) {
                throw new IllegalArgumentException("The least populated class in y has only 1 member, which is too"
                        + " few. The minimum number of groups for any class cannot be less than 2.");
            }
            present += c > 0 ? 1 : 0;
        }
        if (nTrain < present) {
            throw new IllegalArgumentException("The train_size = " + nTrain + " should be greater or equal to the"
                    + " number of classes = " + present);
        }
        if (nTest < present) {
            throw new IllegalArgumentException("The test_size = " + nTest + " should be greater or equal to the"
                    + " number of classes = " + present);
        }
        int[] trainPer = approximateMode(counts, nTrain, rng);
        int[] left = new int[k];
        for (int c = 0; c < k; c++) {
            left[c] = counts[c] - trainPer[c];
        }
        int[] testPer = approximateMode(left, nTest, rng);
        int[] train = new int[nTrain];
        int[] test = new int[nTest];
        int tr = 0;
        int te = 0;
        for (int c = 0; c < k; c++) {
            if (counts[c] == 0) {
                continue;
            }
            int[] perm = rng.permutation(counts[c]);
            int[] idx = members.get(c);
            for (int j = 0; j < trainPer[c]; j++) {
                train[tr++] = idx[perm[j]];
            }
            for (int j = trainPer[c]; j < trainPer[c] + testPer[c]; j++) {
                test[te++] = idx[perm[j]];
            }
        }
        rng.shuffle(train);
        rng.shuffle(test);
        return new Split(train, test);
    }

    /** scikit-learn's {@code _approximate_mode}: m draws allotted in proportion, ties broken at random. */
    static int[] approximateMode(int[] counts, int m, Rng rng) {
        long total = 0;
        for (int c : counts) {
            total += c;
        }
        double[] remainder = new double[counts.length];
        int[] out = new int[counts.length];
        long need = m;
        for (int i = 0; i < counts.length; i++) {
            double cont = (double) counts[i] / total * m;
            double fl = Math.floor(cont);
            out[i] = (int) fl;
            remainder[i] = cont - fl;
            need -= (long) fl;
        }
        double[] distinct = Arrays.stream(remainder).distinct().sorted().toArray();
        for (int v = distinct.length - 1; v >= 0 && need > 0; v--) {
            double value = distinct[v];
            int[] inds = java.util.stream.IntStream.range(0, counts.length).filter(i -> remainder[i] == value).toArray();
            int add = (int) Math.min(inds.length, need);
            int[] perm = rng.permutation(inds.length);
            for (int j = 0; j < add; j++) {
                out[inds[perm[j]]]++;
            }
            need -= add;
        }
        return out;
    }
}
