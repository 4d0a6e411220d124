package dev.jnn.cli;

import dev.jnn.data.Dataset;
import dev.jnn.plot.Figures;
import dev.jnn.data.Samples;
import dev.jnn.api.Classifier;
import dev.jnn.api.Estimator;
import dev.jnn.estimator.MLPClassifier;
import dev.jnn.estimator.MLPRegressor;
import dev.jnn.api.ParamTable;
import dev.jnn.estimator.MLPParams;
import dev.jnn.estimator.Perceptron;
import dev.jnn.estimator.PerceptronParams;
import dev.jnn.estimator.SVC;
import dev.jnn.estimator.SVCParams;
import dev.jnn.model.ModelJson;
import dev.jnn.model.NetworkClassifier;
import dev.jnn.model.Recipe;
import dev.jnn.model.zoo.ModelZoo;
import dev.jnn.preprocess.LabelEncoder;
import dev.jnn.preprocess.Pipeline;
import dev.jnn.api.Transformer;
import dev.jnn.selection.CrossValidator;
import dev.jnn.selection.GridSearchCV;
import dev.jnn.selection.KFold;
import dev.jnn.selection.RandomizedSearchCV;
import dev.jnn.selection.Scoring;
import dev.jnn.selection.ShuffleSplit;
import dev.jnn.selection.StratifiedKFold;
import dev.jnn.tensor.DType;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code jnn search}: grid or randomized search with cross-validation over an estimator's parameters. */
@Command(name = "search", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Cross-validated grid (or randomized) search over the parameters of an MLP, a Perceptron or an"
                + " SVC, as GridSearchCV.",
            "Example: jnn search --data digits --param alpha=0.0001,0.01 --param hidden-layer-sizes=50;100;50,50",
            "The course's C x gamma grid: jnn search --model svc --data moons --param C=0.1,1,10,100"
                + " --param gamma=scale,0.001,0.01,0.1"})
final class SearchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", defaultValue = "mlp", paramLabel = "mlp|perceptron|svc|NAME|FILE.json",
            description = "The estimator: the MLP (default), scikit-learn's Perceptron or its SVC, or a Keras-style"
                    + " network (a name from jnn models, or a JSON layer list) with the parameters learning-rate-init,"
                    + " l2 (on every kernel), optimizer, lr-schedule, batch-size, epochs and random-state, whose"
                    + " defaults are the network's recipe. The options of the parameters (jnn fit --help lists them)"
                    + " set the values that --param does not vary.")
    String model;

    @Option(names = "--param", required = true, paramLabel = "NAME=V1,V2",
            description = {"A parameter and its values (repeatable), kebab-case. hidden-layer-sizes separates tuples"
                + " with ';' (50;100;50,50). With --random-search a value may be uniform:A:B, loguniform:A:B,"
                + " randint:A:B, norm:LOC:SCALE or expon:LOC:SCALE (scipy's, drawn as scikit-learn draws them)."})
    List<String> params;

    @Option(names = "--cv", defaultValue = "5", paramLabel = "K|shuffle:N:TRAIN_SIZE",
            description = "K folds (stratified for classifiers) or N shuffle splits. Default: ${DEFAULT-VALUE}.")
    String cv;

    @Option(names = "--scoring", paramLabel = "NAME", description = "Scorer (default: accuracy or R²), or several separated by commas (the first picks the best); from ${COMPLETION-CANDIDATES}.",
            completionCandidates = ScorerNames.class)
    String scoring;

    @Option(names = "--jobs", defaultValue = "1", description = "Parallel fits. Default: ${DEFAULT-VALUE}.")
    int jobs;

    @Option(names = "--random-search", paramLabel = "N", description = "Draw N candidates instead of the full grid.")
    Integer randomSearch;

    @Option(names = "--search-seed", defaultValue = "0", description = "Seed of the random search and of shuffle splits.")
    long searchSeed;

    @Option(names = "--results", paramLabel = "FILE.csv|FILE.json", description = "Write cv_results_ (atomically).")
    Path results;

    @Option(names = "--error-score", defaultValue = "nan", paramLabel = "nan|raise",
            description = "A failing fit scores NaN (and ranks last) or stops the search. Default: ${DEFAULT-VALUE}.")
    String errorScore;

    @Option(names = "--return-train-score", description = "Also score each candidate on its training folds"
            + " (cv_results_'s *_train_* columns; with --plots, search_heatmap_train.png).")
    boolean returnTrainScore;

    @Option(names = "--plots", paramLabel = "DIR", description = "Write search_heatmap.png (when exactly two"
            + " parameters vary) and DIR/index.html with the results.")
    Path plots;

    @Option(names = "--regressor", description = "Search an MLPRegressor (R²).")
    boolean regressor;

    @Mixin
    RunOptions run;

    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;

    @Mixin
    DataOptions data;

    @Mixin
    FeatureOptions features;

    @Mixin
    DashboardOptions dashboardOptions;

    /** The MLP parameters' options, added by {@link Main#commandLine()}. */
    MlpOptions mlp;

    static final class ScorerNames extends ArrayList<String> {
        ScorerNames() {
            super(Scoring.NAMES);
        }
    }

    @Override
    public Integer call() throws Exception {
        return dashboardOptions.around(this::search, spec.commandLine().getOut());
    }

    private int search() throws Exception {
        dashboardOptions.check();
        ParamTable<?> table;
        Estimator base;
        switch (model) {
            case "mlp" -> {
                base = regressor ? new MLPRegressor() : new MLPClassifier();
                table = MLPParams.TABLE;
            }
            case "perceptron" -> {
                base = new Perceptron();
                table = PerceptronParams.TABLE;
            }
            case "svc" -> {
                base = new SVC();
                table = SVCParams.TABLE;
            }
            default -> {
                base = network(model);
                table = NetworkClassifier.Params.TABLE;
            }
        }
        if (regressor && !model.equals("mlp")) {
            throw new IllegalArgumentException("--model " + model + " is a classifier: drop --regressor");
        }
        OutputPaths.check("--results", results);
        run.applyThreads();
        DType type = run.dtype(DType.FLOAT64);
        Map<String, Object> space = SearchSpace.parse(params, randomSearch != null);
        base.setParams(MlpOptions.only(mlp.params(), table, model.equals("mlp") ? "the MLP" : "--model " + model));
        for (String name : space.keySet()) {
            if (table.spec(name) == null) {
                throw new IllegalArgumentException("--param " + name.replace('_', '-') + ": " + base.getClass()
                        .getSimpleName() + " has no parameter " + name + " (see jnn fit --help)");
            }
        }
        List<Transformer> transforms = features.transformers();
        String prefix = "";
        if (!transforms.isEmpty()) {
            List<Pipeline.Step> steps = new ArrayList<>();
            for (int i = 0; i < transforms.size(); i++) {
                steps.add(Pipeline.step("step" + i, transforms.get(i)));
            }
            String step = base instanceof NetworkClassifier ? "network" : model;
            base = regressor ? Pipeline.of(steps, step, (MLPRegressor) base) : Pipeline.of(steps, step, (Classifier) base);
            prefix = step + "__";
        }
        Map<String, Object> prefixed = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : space.entrySet()) {
            prefixed.put(prefix + e.getKey(), e.getValue());
        }
        GridSearchCV.Settings settings = GridSearchCV.Settings.DEFAULTS.withScoring(scoring).withNJobs(jobs)
                .withCv(splitter()).withReturnTrainScore(returnTrainScore).withRaiseOnError(switch (errorScore) {
                    case "nan" -> false;
                    case "raise" -> true;
                    default -> throw new IllegalArgumentException("--error-score must be nan or raise, got '"
                            + errorScore + "'");
                });
        GridSearchCV search = randomSearch != null
                ? new RandomizedSearchCV(base, prefixed, randomSearch, searchSeed, settings)
                : new GridSearchCV(base, SearchSpace.asGrid(prefixed), settings);
        RunPlots figures = plots == null ? null : new RunPlots(plots);
        Dataset set = data.loadLabelled(type, !regressor, !quiet, "jnn search");
        Samples train = set.train();
        // Integer classes stay as they are; text classes become their index among the training labels.
        boolean text = !regressor && !(train.hasIntLabels() && set.test().hasIntLabels());
        LabelEncoder classes = text ? new LabelEncoder().fit(train.labels()) : null;
        int total = search.candidates().size() * splitter().nSplits();
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%d candidates x %d folds = %d fits on %d rows of %s%n", search.candidates().size(),
                splitter().nSplits(), total, train.size(), data.data);
        out.flush();
        dev.jnn.plot.live.Dashboard dash = dashboardOptions.start("jnn search on " + data.data, out);
        if (dash != null) {
            search.setMonitor(dash);
        }
        long start = System.nanoTime();
        EstimatorWarnings warnings = new EstimatorWarnings();
        java.io.Console console = System.console();
        boolean terminal = console != null && console.isTerminal();
        try (warnings; ProgressBar bar = quiet || !terminal ? null : new ProgressBarBuilder().setTaskName("search")
                .setInitialMax(total).setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200).build()) {
            if (bar != null) {
                search.setProgress(bar::stepTo);
            } else if (!quiet) {
                // not a terminal: a plain line every tenth of the fits
                PrintWriter err = spec.commandLine().getErr();
                int every = Math.max(1, total / 10);
                search.setProgress(done -> {
                    if (done % every == 0 || done == total) {
                        synchronized (err) {
                            err.printf("search: %d/%d fits%n", done, total);
                            err.flush();
                        }
                    }
                });
            }
            if (regressor) {
                search.fit(train.x(), train.targets());
            } else {
                search.fit(train.x(), text ? classes.transform(train.labels()) : train.y());
            }
        }
        if (!quiet) {
            spec.commandLine().getErr().print(warnings.summary(total + (settings.refit() ? 1 : 0)));
            spec.commandLine().getErr().flush();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Object testY = regressor ? set.test().targets()
                : text ? classes.transform(set.test().labels()) : set.test().y();
        double testScore = search.score(set.test().x(), testY);
        out.print(SearchReport.text(search, prefix, seconds, testScore, set.test().size()));
        out.flush();
        if (dash != null) {
            Map<String, Object> end = new java.util.LinkedHashMap<>();
            end.put("best_params", search.bestParams().toString());
            end.put("best_score", search.bestScore());
            end.put("test_score", testScore);
            end.put("search_seconds", seconds);
            dashboardOptions.finish(end, null);
        }
        if (results != null) {
            if (results.toString().endsWith(".json")) {
                search.cvResults().writeJson(results);
            } else {
                search.cvResults().writeCsv(results);
            }
        }
        if (figures != null) {
            List<String> varied = space.entrySet().stream().filter(e -> !(e.getValue() instanceof List<?> l)
                    || l.size() > 1).map(Map.Entry::getKey).toList();
            if (varied.size() == 2) {
                Map<String, List<Object>> cv = search.cvResults().asMap();
                figures.add(Figures.searchHeatmap(cv, prefix + varied.get(0), prefix + varied.get(1), false));
                if (returnTrainScore) {
                    figures.add(Figures.searchHeatmap(cv, prefix + varied.get(0), prefix + varied.get(1), true));
                }
            }
            figures.metric("best CV score", search.bestScore());
            figures.metric("test score", testScore);
            figures.metric("search seconds", seconds);
            figures.write("jnn search on " + data.data, "jnn search " + String.join(" ",
                    spec.commandLine().getParseResult().originalArgs()), search.bestParams(),
                    SearchReport.text(search, prefix, seconds, testScore, set.test().size()), out);
        }
        return 0;
    }

    /** A named network or a JSON layer list as a classifier; anything else is a usage error. */
    private static NetworkClassifier network(String model) throws java.io.IOException {
        ModelZoo.Entry named = ModelZoo.get(model);
        if (named != null) {
            return named.classifier();
        }
        if (!model.endsWith(".json")) {
            throw new IllegalArgumentException("--model must be mlp, perceptron, svc, a named network ("
                    + String.join(", ", ModelZoo.entries().stream().map(ModelZoo.Entry::name).toList())
                    + ") or a .json layer list, got '" + model + "' (see jnn search --help)");
        }
        Path file = Path.of(model);
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new IllegalArgumentException("--model: no such file: " + model);
        }
        ModelJson.read(file);                                         // fails now on a bad or huge layer list
        String json = java.nio.file.Files.readString(file);
        return new NetworkClassifier(model, features -> ModelJson.read(json, model), Recipe.kerasDefaults());
    }

    private CrossValidator splitter() {
        if (cv.startsWith("shuffle:")) {
            String[] p = cv.split(":");
            if (p.length != 3) {
                throw new IllegalArgumentException("--cv shuffle takes shuffle:N:TRAIN_SIZE, got '" + cv + "'");
            }
            return ShuffleSplit.of(Integer.parseInt(p[1]), null, Double.parseDouble(p[2]), searchSeed);
        }
        int k;
        try {
            k = Integer.parseInt(cv);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--cv must be K or shuffle:N:TRAIN_SIZE, got '" + cv + "'");
        }
        return regressor ? new KFold(k) : new StratifiedKFold(k);
    }
}
