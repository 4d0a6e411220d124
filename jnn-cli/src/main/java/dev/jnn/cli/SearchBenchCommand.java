package dev.jnn.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jnn.data.Datasets;
import dev.jnn.data.Samples;
import dev.jnn.estimator.MLPClassifier;
import dev.jnn.selection.GridSearchCV;
import dev.jnn.selection.StratifiedKFold;
import dev.jnn.tensor.Tensor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code jnn bench search}: the README's 12-candidate MLP grid over digits (pixels / 16, 3 stratified folds, 36
 * fits and the refit), timed with one job and with several; {@code jnn-bench/compare.py} times scikit-learn's
 * GridSearchCV on the same grid, data and folds.
 */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Time GridSearchCV over MLPClassifier on digits: hidden-layer-sizes 32, 64, 100 x alpha 1e-4..0.1,",
            "max-iter 200, 3 stratified folds, with 1 job and with --jobs jobs (36 fits and the refit each)."})
final class SearchBenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--jobs", paramLabel = "N", description = "The parallel run's jobs. Default: the processors.")
    Integer jobs;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    /** The grid, as scikit-learn's parameter names. */
    static final Map<String, List<?>> GRID = Map.of("hidden_layer_sizes", List.of("32", "64", "100"),
            "alpha", List.of(1e-4, 1e-3, 1e-2, 1e-1));

    @Override
    public Integer call() throws Exception {
        int parallel = jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
        BenchSetup.atLeast("--jobs", parallel, 1);
        Samples digits = Datasets.digits().train();
        Tensor x = digits.x().copy();
        for (int i = 0; i < x.size(); i++) {
            x.setFlat(i, x.getFlat(i) / 16.0);
        }
        int[] y = digits.y();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("rows", x.rows());
        r.put("candidates", 12);
        GridSearchCV last = null;
        try (EstimatorWarnings held = new EstimatorWarnings()) {   // max_iter 200 leaves some fits unconverged
            // an untimed short search first, so that neither timed run carries the JIT warm-up
            for (int j : new int[] {1, parallel}) {
                new GridSearchCV(MLPClassifier.builder().maxIter(30).randomState(0).build(), GRID,
                        GridSearchCV.Settings.DEFAULTS.withCv(new StratifiedKFold(3)).withNJobs(j)).fit(x, y);
            }
            for (int j : new int[] {1, parallel}) {
                GridSearchCV search = new GridSearchCV(MLPClassifier.builder().maxIter(200).randomState(0).build(),
                        GRID, GridSearchCV.Settings.DEFAULTS.withScoring("accuracy").withCv(new StratifiedKFold(3))
                                .withNJobs(j));
                long t0 = System.nanoTime();
                search.fit(x, y);
                r.put("seconds_jobs_" + j, (System.nanoTime() - t0) / 1e9);
                last = search;
            }
        }
        double one = (Double) r.get("seconds_jobs_1");
        double many = (Double) r.get("seconds_jobs_" + parallel);
        r.put("jobs", parallel);
        r.put("speedup", one / many);
        r.put("best_params", last.bestParams());
        r.put("best_score", last.bestScore());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().writeValueAsString(r));
        } else {
            out.printf("GridSearchCV, 12 MLP candidates x 3 folds on digits (%d rows): %.2f s with 1 job, %.2f s with %d"
                    + " (x%.2f); best %s, accuracy %.4f%n", x.rows(), one, many, parallel, one / many,
                    last.bestParams(), last.bestScore());
        }
        out.flush();
        return 0;
    }
}
