package dev.jnn.selection;

import dev.jnn.data.TrainTestSplit;

import dev.jnn.api.Classifier;
import dev.jnn.api.Estimator;
import dev.jnn.api.Regressor;
import dev.jnn.tensor.Parallel;
import dev.jnn.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * scikit-learn's {@code GridSearchCV} (spec §6.9) over any {@link Estimator}: every candidate is fitted on every
 * split (computed once), from a clone of the estimator with the candidate's parameters. With {@code nJobs > 1}
 * the fits run in parallel; each result goes to its own slot, so the results do not depend on the job count.
 * {@link RandomizedSearchCV} shares this engine with sampled candidates.
 */
public class GridSearchCV {
    /**
     * How to search.
     *
     * @param scoring          a {@link Scoring} name, several separated by commas (multi-metric: the first one
     *                         picks the best candidate and the refit), or null for the estimator's own score
     * @param cv               the splitter, or null for 5 folds (stratified for classifiers)
     * @param nJobs            parallel fits (1 = sequential)
     * @param refit            refit the best candidate on all rows
     * @param raiseOnError     {@code error_score='raise'}; else a failed fit scores NaN
     * @param returnTrainScore also score the training rows
     */
    public record Settings(String scoring, CrossValidator cv, int nJobs, boolean refit, boolean raiseOnError,
                           boolean returnTrainScore) {
        /** scikit-learn's defaults. */
        public static final Settings DEFAULTS = new Settings(null, null, 1, true, false, false);

        public Settings {
            if (nJobs < 1) {
                throw new IllegalArgumentException("n_jobs must be >= 1, got " + nJobs);
            }
            metrics(scoring).forEach(Scoring::byName);
        }

        /** The metric names; empty for the estimator's own score. */
        static List<String> metrics(String scoring) {
            return scoring == null ? List.of() : java.util.Arrays.stream(scoring.split(",")).map(String::strip).toList();
        }

        public Settings withScoring(String s) {
            return new Settings(s, cv, nJobs, refit, raiseOnError, returnTrainScore);
        }

        public Settings withCv(CrossValidator c) {
            return new Settings(scoring, c, nJobs, refit, raiseOnError, returnTrainScore);
        }

        public Settings withNJobs(int n) {
            return new Settings(scoring, cv, n, refit, raiseOnError, returnTrainScore);
        }

        public Settings withRefit(boolean r) {
            return new Settings(scoring, cv, nJobs, r, raiseOnError, returnTrainScore);
        }

        public Settings withRaiseOnError(boolean r) {
            return new Settings(scoring, cv, nJobs, refit, r, returnTrainScore);
        }

        public Settings withReturnTrainScore(boolean t) {
            return new Settings(scoring, cv, nJobs, refit, raiseOnError, t);
        }
    }

    private final Estimator estimator;
    private final List<Map<String, Object>> candidates;
    private final Settings settings;
    private IntConsumer progress = done -> { };
    private SearchMonitor monitor;
    private SearchResults results;
    private int bestIndex = -1;
    private Estimator bestEstimator;
    private int nSplits;
    private double[][] fitTimes;
    private double[][] scoreTimes;

    /** A search over the candidates of {@code grid} (see {@link ParameterGrid}). */
    public GridSearchCV(Estimator estimator, Map<String, ? extends List<?>> grid, Settings settings) {
        this(estimator, ParameterGrid.of(grid), settings, true);
    }

    GridSearchCV(Estimator estimator, List<Map<String, Object>> candidates, Settings settings, boolean unused) {
        this.estimator = estimator;
        this.candidates = List.copyOf(candidates);
        this.settings = settings;
    }

    /** Receives each finished fit's candidate, split and score (for a live page); may be called from any thread. */
    public void setMonitor(SearchMonitor monitor) {
        this.monitor = monitor;
    }

    /** Receives the number of finished fits after each one (for a progress bar); may be called from any thread. */
    public void setProgress(IntConsumer listener) {
        this.progress = listener;
    }

    /** The candidates, in search order. */
    public List<Map<String, Object>> candidates() {
        return candidates;
    }

    /** Searches with class labels; the estimator must be a {@link Classifier}. */
    public GridSearchCV fit(Tensor x, int[] y) {
        if (!(estimator instanceof Classifier)) {
            throw new IllegalArgumentException("integer labels need a classifier; " + estimator + " is not one");
        }
        for (String name : Settings.metrics(settings.scoring())) {
            if (Scoring.REGRESSION.contains(name)) {
                throw new IllegalArgumentException("scoring '" + name + "' scores a regressor; "
                        + estimator.getClass().getSimpleName() + " is a classifier");
            }
        }
        CrossValidator cv = settings.cv() != null ? settings.cv() : new StratifiedKFold(5);
        return run(x, y, y.length, cv.split(x.rows(), y));
    }

    /** Searches with real targets; the estimator must be a {@link Regressor}. */
    public GridSearchCV fit(Tensor x, double[] y) {
        if (!(estimator instanceof Regressor)) {
            throw new IllegalArgumentException("real targets need a regressor; " + estimator + " is not one");
        }
        for (String name : Settings.metrics(settings.scoring())) {
            if (!Scoring.REGRESSION.contains(name)) {
                throw new IllegalArgumentException("scoring '" + name + "' scores a classifier; "
                        + estimator.getClass().getSimpleName() + " is a regressor");
            }
        }
        CrossValidator cv = settings.cv() != null ? settings.cv() : new KFold(5);
        return run(x, y, y.length, cv.split(x.rows(), null));
    }

    private GridSearchCV run(Tensor x, Object y, int n, List<TrainTestSplit.Split> splits) {
        x.requireRank(2);
        if (x.rows() != n) {
            throw new IllegalArgumentException("Found input variables with inconsistent numbers of samples: ["
                    + x.rows() + ", " + n + "]");
        }
        nSplits = splits.size();
        List<String> names = Settings.metrics(settings.scoring());
        List<Scoring> scorers = names.isEmpty() ? List.of(Scoring.estimatorScore())
                : names.stream().map(Scoring::byName).toList();
        int nm = scorers.size();
        int tasks = candidates.size() * nSplits;
        double[][][] test = new double[nm][candidates.size()][nSplits];
        double[][][] train = settings.returnTrainScore() ? new double[nm][candidates.size()][nSplits] : null;
        fitTimes = new double[candidates.size()][nSplits];
        scoreTimes = new double[candidates.size()][nSplits];
        List<String> failures = new ArrayList<>();
        int[] done = {0};
        Runnable[] work = new Runnable[tasks];
        for (int t = 0; t < tasks; t++) {
            int c = t / nSplits;
            int s = t % nSplits;
            work[t] = () -> {
                TrainTestSplit.Split split = splits.get(s);
                Estimator e = estimator.clone();
                long start = System.nanoTime();
                try {
                    e.setParams(candidates.get(c));
                    Tensor xTrain = x.takeRows(split.train());
                    Object yTrain = Rows.pick(y, split.train());
                    fit(e, xTrain, yTrain);
                    long fitted = System.nanoTime();
                    Tensor xTest = x.takeRows(split.test());
                    Object yTest = Rows.pick(y, split.test());
                    for (int m = 0; m < nm; m++) {
                        test[m][c][s] = scorers.get(m).score(e, xTest, yTest);
                        if (train != null) {
                            train[m][c][s] = scorers.get(m).score(e, xTrain, yTrain);
                        }
                    }
                    fitTimes[c][s] = (fitted - start) / 1e9;
                    scoreTimes[c][s] = (System.nanoTime() - fitted) / 1e9;
                } catch (RuntimeException ex) {
                    if (settings.raiseOnError()) {
                        throw ex;
                    }
                    synchronized (failures) {
                        failures.add(candidates.get(c) + ": " + ex.getMessage());
                    }
                    for (int m = 0; m < nm; m++) {
                        test[m][c][s] = Double.NaN;
                        if (train != null) {
                            train[m][c][s] = Double.NaN;
                        }
                    }
                    fitTimes[c][s] = (System.nanoTime() - start) / 1e9;
                }
                synchronized (done) {
                    progress.accept(++done[0]);
                    if (monitor != null) {
                        monitor.onFit(c, candidates.get(c), s, test[0][c][s], fitTimes[c][s], done[0], tasks);
                    }
                }
            };
        }
        execute(work);
        if (failures.size() == tasks) {
            throw new IllegalArgumentException("All the " + tasks + " fits failed. The first: " + failures.get(0));
        }
        if (!failures.isEmpty()) {
            System.getLogger(GridSearchCV.class.getName()).log(System.Logger.Level.WARNING, failures.size()
                    + " fits failed out of a total of " + tasks + ". The score on these train-test partitions for these"
                    + " parameters will be set to nan. The first: " + failures.get(0));
        }
        results = new SearchResults(candidates, nm == 1 ? List.of("score") : names, test, train, fitTimes, scoreTimes);
        int[] rank = results.rankTestScore();
        bestIndex = 0;
        for (int i = 1; i < rank.length; i++) {
            if (rank[i] < rank[bestIndex]) {
                bestIndex = i;
            }
        }
        if (settings.refit()) {
            bestEstimator = estimator.clone();
            bestEstimator.setParams(candidates.get(bestIndex));
            fit(bestEstimator, x, y);
        }
        return this;
    }

    private void execute(Runnable[] work) {
        if (settings.nJobs() == 1) {
            for (Runnable r : work) {
                r.run();
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(settings.nJobs());
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Runnable r : work) {
                // the jobs already fill the cores, so each fit's kernels stay on its own thread
                futures.add(pool.submit(() -> Parallel.serial(r)));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static void fit(Estimator e, Tensor x, Object y) {
        switch (y) {
            case int[] labels -> ((Classifier) e).fit(x, labels);
            case double[] targets -> ((Regressor) e).fit(x, targets);
            default -> throw new IllegalArgumentException("y must be int[] or double[]");
        }
    }

    /** {@code cv_results_}. */
    public SearchResults cvResults() {
        requireFitted();
        return results;
    }

    /** {@code best_index_}: the first candidate ranked 1. */
    public int bestIndex() {
        requireFitted();
        return bestIndex;
    }

    /** {@code best_params_}. */
    public Map<String, Object> bestParams() {
        return candidates.get(bestIndex());
    }

    /** {@code best_score_}: the best candidate's mean test score. */
    public double bestScore() {
        return results.meanTestScore()[bestIndex()];
    }

    /** {@code best_estimator_}: the best candidate refitted on all rows (needs {@code refit}). */
    public Estimator bestEstimator() {
        requireFitted();
        if (bestEstimator == null) {
            throw new IllegalStateException("This GridSearchCV instance was initialized with `refit=False`."
                    + " best_estimator_ is available only after refitting on the best parameters.");
        }
        return bestEstimator;
    }

    /** The first candidate's fit (or score) time of every split, in seconds. */
    double[] times(boolean fit) {
        requireFitted();
        return (fit ? fitTimes : scoreTimes)[0].clone();
    }

    /** {@code n_splits_}. */
    public int nSplits() {
        requireFitted();
        return nSplits;
    }

    /** The refit scorer applied to the best estimator. */
    public double score(Tensor x, Object y) {
        List<String> names = Settings.metrics(settings.scoring());
        return (names.isEmpty() ? Scoring.estimatorScore() : Scoring.byName(names.get(0))).score(bestEstimator(), x, y);
    }

    private void requireFitted() {
        if (results == null) {
            throw new IllegalStateException("This GridSearchCV instance is not fitted yet. Call 'fit' with appropriate"
                    + " arguments before using this estimator.");
        }
    }
}
