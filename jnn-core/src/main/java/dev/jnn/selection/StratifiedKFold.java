package dev.jnn.selection;

import dev.jnn.data.TrainTestSplit;

import dev.jnn.tensor.Rng;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * scikit-learn's {@code StratifiedKFold} (spec §6.3): classes encoded by first appearance, per-class fold sizes
 * by round-robin over the sorted labels, fold numbers (shuffled per class with one shared generator when asked)
 * assigned to each class's rows in order.
 */
public record StratifiedKFold(int nSplits, boolean shuffle, Long randomState) implements CrossValidator {
    private static final System.Logger LOG = System.getLogger(StratifiedKFold.class.getName());

    public StratifiedKFold {
        CrossValidator.checkFolds(nSplits, shuffle, randomState);
    }

    /** {@code StratifiedKFold(k)} without shuffling. */
    public StratifiedKFold(int nSplits) {
        this(nSplits, false, null);
    }

    @Override
    public List<TrainTestSplit.Split> split(int n, int[] y) {
        if (y == null || y.length != n) {
            throw new IllegalArgumentException("StratifiedKFold needs one class label per row");
        }
        if (nSplits > n) {
            throw new IllegalArgumentException("Cannot have number of splits n_splits=" + nSplits + " greater than the"
                    + " number of samples: n_samples=" + n + ".");
        }
        Map<Integer, Integer> code = new LinkedHashMap<>();
        int[] enc = new int[n];
        for (int i = 0; i < n; i++) {
            enc[i] = code.computeIfAbsent(y[i], k -> code.size());
        }
        int k = code.size();
        int[] counts = new int[k];
        for (int e : enc) {
            counts[e]++;
        }
        if (Arrays.stream(counts).allMatch(c -> c < nSplits)) {
            throw new IllegalArgumentException("n_splits=" + nSplits + " cannot be greater than the number of members"
                    + " in each class.");
        }
        int least = Arrays.stream(counts).min().orElse(0);
        if (least < nSplits) {
            LOG.log(System.Logger.Level.WARNING, "The least populated class in y has only " + least + " members, which"
                    + " is less than n_splits=" + nSplits + ".");
        }
        int[] sorted = enc.clone();
        Arrays.sort(sorted);
        int[][] alloc = new int[nSplits][k];
        for (int i = 0; i < n; i++) {
            alloc[i % nSplits][sorted[i]]++;
        }
        Rng rng = shuffle ? (randomState == null ? Rng.fromEntropy() : new Rng(randomState)) : null;
        int[] fold = new int[n];
        for (int c = 0; c < k; c++) {
            int[] folds = new int[counts[c]];
            int at = 0;
            for (int f = 0; f < nSplits; f++) {
                for (int j = 0; j < alloc[f][c]; j++) {
                    folds[at++] = f;
                }
            }
            if (rng != null) {
                rng.shuffle(folds);
            }
            int next = 0;
            for (int i = 0; i < n; i++) {
                if (enc[i] == c) {
                    fold[i] = folds[next++];
                }
            }
        }
        List<TrainTestSplit.Split> out = new ArrayList<>();
        for (int f = 0; f < nSplits; f++) {
            boolean[] inTest = new boolean[n];
            for (int i = 0; i < n; i++) {
                inTest[i] = fold[i] == f;
            }
            out.add(CrossValidator.fromMask(inTest));
        }
        return out;
    }
}
