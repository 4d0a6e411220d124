package dev.jnn.cli;

import dev.jnn.api.ParamSpec;
import dev.jnn.data.Dataset;
import dev.jnn.estimator.MLPParams;
import dev.jnn.data.Samples;
import dev.jnn.util.AtomicFiles;
import dev.jnn.model.EarlyStopping;
import dev.jnn.model.Fit;
import dev.jnn.model.History;
import dev.jnn.model.LearningRateScheduler;
import dev.jnn.model.Metric;
import dev.jnn.model.ModelJson;
import dev.jnn.model.ProgressLogger;
import dev.jnn.model.Sequential;
import dev.jnn.model.zoo.ModelZoo;
import dev.jnn.nn.Conv2D;
import dev.jnn.nn.Dense;
import dev.jnn.nn.Layer;
import dev.jnn.plot.Figures;
import dev.jnn.nn.Loss;
import dev.jnn.optim.GradientClipping;
import dev.jnn.optim.LearningRateSchedule;
import dev.jnn.optim.Optimizer;
import dev.jnn.optim.Optimizers;
import dev.jnn.tensor.DType;
import dev.jnn.tensor.Tensor;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** {@code jnn fit --model}: builds, trains and reports on a {@link Sequential} network. */
final class ModelFit {
    /** The MLP options that also tune a model's optimizer, fit or seed; any other one is an error with --model. */
    private static final Set<String> SHARED = Set.of("batch_size", "learning_rate_init", "random_state", "momentum",
            "nesterovs_momentum", "beta_1", "beta_2", "epsilon", "shuffle");

    private ModelFit() {
    }

    /** The rows of a --test file without labels (null when the test set has labels), and whether --proba was given. */
    record Unlabelled(Tensor rows, boolean proba) {
    }

    static int run(ModelOptions o, Map<String, Object> mlp, Dataset set, boolean regressor, DType dtype,
                   boolean quiet, Path report, Path predictions, RunPlots figures, Path save, PrintWriter out,
                   Unlabelled unlabelled, dev.jnn.plot.live.Dashboard dash) throws IOException {
        for (String k : mlp.keySet()) {
            if (!SHARED.contains(k)) {
                throw new IllegalArgumentException("--" + k.replace('_', '-') + " is an MLP option; it does not apply "
                        + "to --model (see jnn fit --help)");
            }
        }
        Samples train = set.train();
        Samples test = set.test();
        Sequential model = build(o.model, train.x().cols());
        if (dtype != null || !o.model.endsWith(".json")) {
            model.dtype(dtype == null ? DType.FLOAT32 : dtype);
        }
        Long seed = (Long) shared(mlp, "random_state");
        model.seed(seed == null ? 0L : seed);
        Loss loss = loss(o.loss, regressor);
        ModelZoo.Entry named = ModelZoo.get(o.model);
        dev.jnn.model.Recipe recipe = recipe(o, mlp, named);
        Map<String, Object> tuning = new LinkedHashMap<>(MlpOptions.forOptimizer(mlp, recipe.optimizer()));
        tuning.put("learning_rate", recipe.learningRate());
        Optimizer optimizer = Optimizers.byName(recipe.optimizer(), tuning);
        model.compile(optimizer, loss,
                regressor ? new Metric[] {Metric.MEAN_ABSOLUTE_ERROR} : new Metric[] {Metric.ACCURACY});
        if (o.clipNorm != null) {
            model.clipGradients(GradientClipping.byNorm(o.clipNorm));
        }
        model.build(train.x().cols());
        int epochs = recipe.epochs();
        int batch = recipe.batchSize();
        Fit fit = Fit.epochs(epochs).batchSize(batch)
                .shuffle(!Boolean.FALSE.equals(shared(mlp, "shuffle")));
        if (o.validationSplit != null) {
            fit = fit.validationSplit(o.validationSplit);
        }
        LearningRateSchedule schedule = LearningRateSchedule.parse(recipe.schedule(), optimizer.learningRate(), epochs,
                Math.max(1, fit.stepsPerEpoch(train.size())));
        if (schedule != null) {
            fit = fit.callbacks(new LearningRateScheduler(schedule));
        }
        if (o.checkpoint != null) {
            fit = fit.callbacks(new dev.jnn.io.ModelCheckpoint(o.checkpoint, "val_loss", o.validationSplit != null,
                    regressor ? null : train.classes()));
        }
        if (dash != null) {
            fit = fit.callbacks(dash);
        }
        if (o.patience != null) {
            if (o.validationSplit == null) {
                throw new IllegalArgumentException("--patience needs --validation-split");
            }
            fit = fit.callbacks(new EarlyStopping("val_loss", 0, o.patience, true));
        }
        if (!quiet) {
            out.print(model.summary());
            out.println("Recipe: " + recipe.describe() + (named == null ? "" : named.recipe().equals(recipe)
                    ? " (" + named.name() + "'s)" : " (" + named.name() + "'s is " + named.recipe().describe() + ")"));
            int fitting = fit.trainingRows(train.size());
            out.printf("%nTraining on %s: %d training rows%s, testing on %d rows, %s, batch %d%n", set.name(), fitting,
                    fitting < train.size() ? ", " + (train.size() - fitting) + " validation rows" : "",
                    unlabelled.rows() != null ? unlabelled.rows().rows() : test.size(),
                    model.dtype().toString().toLowerCase(java.util.Locale.ROOT), batch);
            out.flush();
            fit = fit.callbacks(new ProgressLogger(out, System.console() != null && System.console().isTerminal()));
        }
        if (o.saveArchitecture != null) {
            AtomicFiles.write(o.saveArchitecture, model.toJson().getBytes(StandardCharsets.UTF_8));
        }
        String[] classes = regressor ? null : train.classes();
        int outputs = model.outputShape()[model.outputShape().length - 1];
        if (!regressor && outputs != classes.length && !(outputs == 1 && classes.length == 2)) {
            throw new dev.jnn.data.DataException("the model has " + outputs + " outputs but the training data have "
                    + classes.length + " classes");
        }
        long start = System.nanoTime();
        History history = regressor
                ? model.fit(train.x(), Tensor.wrap(train.targets(), train.size(), 1).to(model.dtype()), fit)
                : model.fit(train.x(), train.classIndices(), fit);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (unlabelled.rows() != null) {                   // the test rows have no labels: predictions only
            Tensor u = unlabelled.rows();
            String[] labels = regressor ? Arrays.stream(model.predict(u).toDoubleArray())
                    .mapToObj(dev.jnn.util.PyFormat::repr).toArray(String[]::new)
                    : Arrays.stream(model.predictClasses(u)).mapToObj(i -> classes[i]).toArray(String[]::new);
            PredictionsCsv.write(labels, unlabelled.proba() ? classes : null,
                    unlabelled.proba() ? probabilities(model.predict(u)) : null, predictions, out);
            if (save != null) {
                dev.jnn.io.ModelFiles.save(model, classes, save);
            }
            return 0;
        }
        FitResult result;
        if (regressor) {
            double[] p = model.predict(test.x()).toDoubleArray();
            result = FitResult.ofRegression(test, p, seconds, history.epochSeconds());
        } else {
            int[] p = model.predictClasses(test.x());
            String[] names = Arrays.stream(p).mapToObj(i -> classes[i]).toArray(String[]::new);
            result = FitResult.ofClassification(test, names, seconds, history.epochSeconds())
                    .named(dev.jnn.data.Datasets.classNames(set.name()));
        }
        if (!quiet) {
            out.printf("Fitted in %.2f s (%.2f s per epoch)%n", seconds, seconds / history.epochs());
        }
        int[] testIndex = regressor ? null : indicesAmong(test, classes);
        if (regressor || testIndex != null) {
            Map<String, Double> scores = regressor
                    ? model.evaluate(test.x(), Tensor.wrap(test.targets(), test.size(), 1).to(model.dtype()))
                    : model.evaluate(test.x(), testIndex);
            // the test loss beside the accuracy (or MAE), as Keras's evaluate prints them
            out.println("Test: " + String.join(", ", scores.entrySet().stream()
                    .map(e -> e.getKey() + " " + String.format(java.util.Locale.ROOT, "%.4f", e.getValue())).toList()));
        }
        out.println();
        out.print(result.summary());
        out.flush();
        if (report != null) {
            Map<String, Object> head = new LinkedHashMap<>();
            head.put("model", o.model);
            head.put("layers", ModelJson.layerConfigs(model));
            head.put("n_iter", history.epochs());
            head.put("loss", history.get("loss").get(history.epochs() - 1));
            head.put("loss_curve", history.get("loss"));
            head.put("validation_scores", o.validationSplit == null ? null
                    : history.get(regressor ? "val_mae" : "val_accuracy"));
            head.put("history", history.history());
            result.writeReport(report, head);
        }
        if (predictions != null) {
            result.writePredictions(predictions);
        }
        if (save != null) {
            if (classes != null) {
                dev.jnn.io.ModelFiles.save(model, classes, save);
            } else {
                dev.jnn.io.ModelFiles.save(model, save);
            }
            out.println("Saved the model to " + save);
            out.flush();
        }
        if (figures != null) {
            plots(figures, o, model, history, train, test, classes, result, seconds);
        }
        if (dash != null) {
            Map<String, Object> end = new LinkedHashMap<>(result.dashboardScores());
            end.put("epochs", history.epochs());
            end.put("loss", history.get("loss").get(history.epochs() - 1));
            if (figures != null) {
                figures.figures().forEach(dash::addFigure);
            }
            dash.finish(end);
        }
        return 0;
    }

    /** The figures of a network's run, for {@code --plots}. */
    private static void plots(RunPlots figures, ModelOptions o, Sequential model, History history, Samples train,
                              Samples test, String[] classes, FitResult result, double seconds) {
        figures.lossCurve(o.model, history.get("loss"), history.history().containsKey("val_loss")
                ? history.get("val_loss") : null, "val_loss", true);
        figures.metric("epochs", history.epochs());
        figures.metric("fit seconds", seconds);
        if (classes == null) {
            figures.metric("test R2", result.r2());
            figures.metric("test MSE", result.mse());
            return;
        }
        figures.metric("test accuracy", result.report().accuracy());
        figures.classifier(result.confusion(), test, test.x(), result.predicted(), classes,
                probabilities(model.predict(test.x())));
        figures.boundary(train, List.of(), classes, model::predictClasses, x -> probabilities(model.predict(x)));
        int side = RunPlots.imageSide(train.x().cols());
        for (int i = 0; i < model.layers().size() && side > 0; i++) {
            Layer l = model.layers().get(i);
            if (l instanceof Conv2D conv) {
                figures.add(RunPlots.featureMaps(model, i, test.x().rows(0, 1)));
                figures.add(RunPlots.filters(conv));
                return;
            }
            if (l instanceof Dense d && !d.parameters().isEmpty()) {
                Tensor k = d.kernel().value();
                if (k.rows() == side * side) {
                    figures.add(Figures.firstLayerWeights(k, side, side));
                }
                return;
            }
        }
    }

    /** The test labels as indices into the training classes, or null when a test label is not among them. */
    private static int[] indicesAmong(Samples test, String[] classes) {
        String[] labels = test.hasIntLabels() ? Arrays.stream(test.y()).mapToObj(Integer::toString)
                .toArray(String[]::new) : test.labels();
        return RunPlots.indices(labels, classes);
    }

    /** Class probabilities from a network's outputs: softmax columns, or one sigmoid output as two columns. */
    static double[][] probabilities(Tensor out) {
        double[][] p = new double[out.rows()][];
        for (int r = 0; r < out.rows(); r++) {
            p[r] = out.cols() == 1 ? new double[] {1 - out.get(r, 0), out.get(r, 0)}
                    : rowOf(out, r);
        }
        return p;
    }

    private static double[] rowOf(Tensor t, int r) {
        double[] v = new double[t.cols()];
        for (int c = 0; c < v.length; c++) {
            v[c] = t.get(r, c);
        }
        return v;
    }

    /**
     * The recipe the fit follows: the named network's (or, for a layer list, Adam at Keras's rate, batch 32, 5
     * epochs), with each of {@code --optimizer}, {@code --learning-rate-init}, {@code --lr-schedule},
     * {@code --batch-size} and {@code --epochs} given in its place.
     */
    static dev.jnn.model.Recipe recipe(ModelOptions o, Map<String, Object> mlp, ModelZoo.Entry named) {
        dev.jnn.model.Recipe base = named != null ? named.recipe() : dev.jnn.model.Recipe.kerasDefaults();
        String optimizer = o.optimizer != null ? o.optimizer : base.optimizer();
        Object rate = mlp.get("learning_rate_init");
        double learningRate;
        if (rate != null) {                                // read here, checked by the optimizer's own table
            learningRate = (Double) MLPParams.TABLE.spec("learning_rate_init").parse(rate, "jnn fit --model");
        } else if (optimizer.equals(base.optimizer())) {
            learningRate = base.learningRate();
        } else {
            learningRate = ((Number) Optimizers.table(optimizer).spec("learning_rate").defaultValue()).doubleValue();
        }
        Object batch = shared(mlp, "batch_size");
        return new dev.jnn.model.Recipe(optimizer, learningRate, o.lrSchedule != null ? o.lrSchedule : base.schedule(),
                batch != null ? (Integer) batch : base.batchSize(), o.epochs != null ? o.epochs : base.epochs());
    }

    private static Sequential build(String spec, int features) throws IOException {
        ModelZoo.Entry named = ModelZoo.get(spec);
        if (named != null) {
            return named.build(features);
        }
        if (!spec.endsWith(".json")) {
            throw new IllegalArgumentException("--model must be one of " + String.join(", ", ModelZoo.entries().stream()
                    .map(ModelZoo.Entry::name).toList()) + " or a .json layer list, got '" + spec + "'");
        }
        Path file = Path.of(spec);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("--model: no such file: " + spec);
        }
        return ModelJson.read(file);
    }

    private static Loss loss(String name, boolean regressor) {
        if (name == null) {
            return regressor ? Loss.MEAN_SQUARED_ERROR : Loss.SPARSE_CATEGORICAL_CROSSENTROPY;
        }
        Loss l = Loss.fromPythonName(name);
        if (l == null) {
            throw new IllegalArgumentException("--loss must be one of categorical_crossentropy, "
                    + "sparse_categorical_crossentropy, binary_crossentropy, mean_squared_error, mean_absolute_error,"
                    + " half_mean_squared_error;"
                    + " got '" + name + "'");
        }
        if (l == Loss.CATEGORICAL_CROSSENTROPY) {
            return Loss.SPARSE_CATEGORICAL_CROSSENTROPY; // the CLI passes class indices; the loss is the same
        }
        return l;
    }

    /** A given MLP option that also applies to --model, read and checked by the MLP's table; null when not given. */
    private static Object shared(Map<String, Object> mlp, String name) {
        if (!mlp.containsKey(name)) {
            return null;
        }
        ParamSpec spec = MLPParams.TABLE.spec(name);
        Object v = spec.parse(mlp.get(name), "jnn fit --model");
        spec.check(v, "jnn fit --model");
        return v;
    }
}
