package dev.jnn.selection;

import dev.jnn.data.TrainTestSplit;

import dev.jnn.tensor.Rng;

import java.util.ArrayList;
import java.util.List;

/**
 * scikit-learn's {@code KFold} (spec §6.2): consecutive folds of the (optionally once-shuffled) rows, the first
 * {@code n % k} folds one row larger; train and test indices ascending.
 */
public record KFold(int nSplits, boolean shuffle, Long randomState) implements CrossValidator {
    public KFold {
        CrossValidator.checkFolds(nSplits, shuffle, randomState);
    }

    /** {@code KFold(k)} without shuffling. */
    public KFold(int nSplits) {
        this(nSplits, false, null);
    }

    @Override
    public List<TrainTestSplit.Split> split(int n, int[] y) {
        if (nSplits > n) {
            throw new IllegalArgumentException("Cannot have number of splits n_splits=" + nSplits + " greater than the"
                    + " number of samples: n_samples=" + n + ".");
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        if (shuffle) {
            (randomState == null ? Rng.fromEntropy() : new Rng(randomState)).shuffle(order);
        }
        List<TrainTestSplit.Split> out = new ArrayList<>();
        int start = 0;
        for (int f = 0; f < nSplits; f++) {
            int size = n / nSplits + (f < n % nSplits ? 1 : 0);
            boolean[] inTest = new boolean[n];
            for (int i = start; i < start + size; i++) {
                inTest[order[i]] = true;
            }
            out.add(CrossValidator.fromMask(inTest));
            start += size;
        }
        return out;
    }
}
