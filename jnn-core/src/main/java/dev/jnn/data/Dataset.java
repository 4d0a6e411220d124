package dev.jnn.data;

import dev.jnn.tensor.DType;
import dev.jnn.tensor.Rng;

/**
 * A named dataset: training rows and, for sets published with one (MNIST, Fashion-MNIST), the official test rows.
 *
 * @param name  the catalogue name or file it came from
 * @param train the training rows (all rows when the set has no official test split)
 * @param test  the official test rows, or null
 */
public record Dataset(String name, Samples train, Samples test) {
    public Dataset {
        if (train == null) {
            throw new IllegalArgumentException("a dataset needs training rows");
        }
        if (test != null && test.x().cols() != train.x().cols()) {
            throw new DataException(name + ": the test rows have " + test.x().cols() + " features, the training rows "
                    + train.x().cols());
        }
    }

    /** A dataset without an official test split. */
    public static Dataset of(Samples rows) {
        return new Dataset(rows.name(), rows, null);
    }

    /** True when the set comes with its own test rows. */
    public boolean hasTest() {
        return test != null;
    }

    /** The official test rows; an error when the set has none (split it with {@link #split}). */
    @Override
    public Samples test() {
        if (test == null) {
            throw new DataException(name + " has no official test split; use split(testSize, seed) or give a test set");
        }
        return test;
    }

    /**
     * The training rows split as scikit-learn's {@code train_test_split(..., test_size, random_state=seed,
     * stratify=y)} would (stratified when {@code stratify}); any official test rows are replaced.
     */
    public Dataset split(double testSize, long seed, boolean stratify) {
        TrainTestSplit.Split s = TrainTestSplit.split(train.size(), testSize, new Rng(seed),
                stratify ? train.classIndices() : null);
        return new Dataset(name, train.subset(s.train()), train.subset(s.test()));
    }

    /**
     * At most {@code maxTrain} training and {@code maxTest} test rows, each a stratified random subset seeded by
     * {@code seed} (a value below 1 keeps every row); the course's "15,000 train and 2,500 test samples".
     */
    public Dataset limit(int maxTrain, int maxTest, long seed) {
        Samples tr = maxTrain > 0 ? train.sample(maxTrain, seed) : train;
        Samples te = test != null && maxTest > 0 ? test.sample(maxTest, seed) : test;
        return new Dataset(name, tr, te);
    }

    /** Both parts in another dtype. */
    public Dataset to(DType dtype) {
        return new Dataset(name, train.to(dtype), test == null ? null : test.to(dtype));
    }

    @Override
    public String toString() {
        return name + ": " + train.size() + " training rows" + (test == null ? "" : ", " + test.size() + " test rows")
                + ", " + train.x().cols() + " features";
    }
}
