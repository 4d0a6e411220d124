package dev.jnn.cli;

import dev.jnn.data.Dataset;
import dev.jnn.plot.Figures;
import dev.jnn.data.ImageFiles;
import dev.jnn.data.Samples;
import dev.jnn.estimator.MLPClassifier;
import dev.jnn.estimator.MLPRegressor;
import dev.jnn.estimator.MultilayerPerceptron;
import dev.jnn.estimator.PerceptronParams;
import dev.jnn.estimator.SVCParams;
import dev.jnn.api.Transformer;
import dev.jnn.tensor.DType;
import dev.jnn.tensor.Tensor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code jnn fit}: trains scikit-learn's MLPClassifier (or MLPRegressor) and reports on a held-out test set. */
@Command(name = "fit", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Train an MLPClassifier (or, with --regressor, an MLPRegressor) and report on a test set.",
            "Without options: the default MLPClassifier on the bundled digits, stratified 75/25 split with seed 0."})
final class FitCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions dataOptions;

    @Option(names = "--regressor", description = "Train an MLPRegressor on numeric targets.")
    boolean regressor;

    /** The MLP parameters' options, added by {@link Main#commandLine()}. */
    MlpOptions mlp;

    @Mixin
    ModelOptions modelOptions;

    @Mixin
    DashboardOptions dashboardOptions;

    @Mixin
    RunOptions run;

    @Mixin
    FeatureOptions features;

    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;

    @Option(names = "--report", paramLabel = "FILE.json", description = "Write the results as JSON (atomically).")
    Path report;

    @Option(names = "--save", paramLabel = "FILE.safetensors",
            description = "Save the trained model (safetensors layout; jnn predict, evaluate and info read it).")
    Path save;

    @Option(names = "--save-optimizer-state", description = "With --save (an sgd or adam MLP): also keep the"
            + " optimizer's velocities or moments, so that partialFit on the loaded model continues from them.")
    boolean saveOptimizerState;

    @Option(names = "--plots", paramLabel = "DIR",
            description = "Write the run's figures as DIR/KIND.png (loss curve, confusion matrix, decision boundary of"
                    + " 2-D data, ROC curves, misclassified images, first-layer weights or feature maps and filters,"
                    + " PCA) and DIR/index.html, one offline page with the numbers and every figure.")
    Path plots;

    @Option(names = "--autoencoder", paramLabel = "N[,N...]", description = "Train an MLPRegressor with these hidden"
            + " layers to reconstruct its input (the MLP options apply) and report the reconstruction MSE; --plots"
            + " draws originals beside reconstructions.")
    String autoencoder;

    @Option(names = "--features-out", paramLabel = "FILE.npz", description = "With --autoencoder: write the code"
            + " (narrowest) layer's activations of the training and test rows as arrays x, y, x_test, y_test;"
            + " jnn fit --data FILE.npz trains on them.")
    Path featuresOut;

    @Option(names = "--predictions", paramLabel = "FILE.csv", description = "Write one predicted label a line, in test-set order.")
    Path predictions;

    @Option(names = "--proba", description = "With a --test file without labels: also write each class's probability"
            + " (columns proba_<class>, as jnn predict does).")
    boolean proba;

    @Option(names = "--predict-image", paramLabel = "IMAGE", arity = "1..*",
            description = "After training on 28x28 images (mnist, fashion-mnist), classify these pictures (PNG, JPEG),"
                + " each turned into an MNIST-like 28x28 digit.")
    List<Path> images;

    @Option(names = "--invert", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "With --predict-image: the pictures are dark ink on a light page (the default).")
    boolean invert;

    @Override
    public Integer call() throws Exception {
        return dashboardOptions.around(() -> {
            if (!quiet) {
                return fitAndReport();
            }
            try (EstimatorWarnings dropped = new EstimatorWarnings()) {   // --quiet: the results, not the warnings
                return fitAndReport();
            }
        }, spec.commandLine().getOut());
    }

    private int fitAndReport() throws Exception {
        OutputPaths.check("--report", report);
        OutputPaths.check("--predictions", predictions);
        OutputPaths.check("--save", save);
        OutputPaths.check("--features-out", featuresOut);
        OutputPaths.check("--save-architecture", modelOptions.saveArchitecture);
        if (images != null) {
            for (Path image : images) {
                if (!java.nio.file.Files.isRegularFile(image) || !java.nio.file.Files.isReadable(image)) {
                    throw new dev.jnn.data.DataException("--predict-image " + image + ": no such readable file");
                }
            }
        }
        run.applyThreads();
        dashboardOptions.check();
        if (dashboardOptions.given() && (autoencoder != null || "perceptron".equals(modelOptions.model)
                || "svc".equals(modelOptions.model))) {
            throw new IllegalArgumentException("--dashboard charts the MLP and --model networks, epoch by epoch");
        }
        if (saveOptimizerState && (save == null || modelOptions.given())) {
            throw new IllegalArgumentException("--save-optimizer-state goes with --save, for an MLP");
        }
        if (featuresOut != null && autoencoder == null) {
            throw new IllegalArgumentException("--features-out goes with --autoencoder");
        }
        if (autoencoder != null) {
            if (modelOptions.given()) {
                throw new IllegalArgumentException("--autoencoder trains an MLPRegressor; drop --model");
            }
            RunPlots figures = plots == null ? null : new RunPlots(plots);
            return AutoencoderFit.run(this, MlpOptions.only(mlp.params(), dev.jnn.estimator.MLPParams.TABLE,
                    "the MLP"), figures);
        }
        if ("perceptron".equals(modelOptions.model)) {
            RunPlots figures = plots == null ? null : new RunPlots(plots);
            return PerceptronFit.run(this, MlpOptions.only(mlp.params(), PerceptronParams.TABLE, "--model perceptron"),
                    figures);
        }
        if ("svc".equals(modelOptions.model)) {
            RunPlots figures = plots == null ? null : new RunPlots(plots);
            return SvcFit.run(this, MlpOptions.only(mlp.params(), SVCParams.TABLE, "--model svc"), figures);
        }
        if (modelOptions.given()) {
            if (save != null && !features.transformers().isEmpty()) {
                throw new IllegalArgumentException("--save with --model keeps the network alone, not --functions, --poly,"
                        + " --scale or --pca: train the network on the features as they are, or the MLP (which keeps them)");
            }
            DType explicit = run.dtype(null);
            PrintWriter out = spec.commandLine().getOut();
            Dataset set = dataOptions.load(explicit == null ? DType.FLOAT32 : explicit, !regressor, !quiet);
            Tensor unlabelled = unlabelledTest(set.train().x().dtype());
            for (Transformer t : features.transformers()) {
                Samples train = set.train().withX(t.fitTransform(set.train().x()));
                if (unlabelled == null) {
                    set = new Dataset(set.name(), train, set.test().withX(t.transform(set.test().x())));
                } else {                                   // the test part only stands in for the unlabelled rows
                    set = new Dataset(set.name(), train, train);
                    unlabelled = t.transform(unlabelled);
                }
            }
            RunPlots figures = dashboardOptions.figures(plots);
            dev.jnn.plot.live.Dashboard dash = dashboardOptions.start("jnn fit --model " + modelOptions.model + " on "
                    + dataOptions.data, out);
            int code = ModelFit.run(modelOptions, mlp.params(), set, regressor, explicit, quiet, report, predictions,
                    figures, save, out, new ModelFit.Unlabelled(unlabelled, proba), dash);
            if (figures != null) {
                figures.write("jnn fit --model " + modelOptions.model + " on " + dataOptions.data, commandLine(),
                        Map.of("model", modelOptions.model), null, out);
            }
            return code;
        }
        List<String> network = modelOptions.networkOptionsGiven();
        if (!network.isEmpty()) {
            String first = network.get(0);
            throw new IllegalArgumentException(first + " trains a network and goes with --model; it does not apply to"
                    + " the MLP" + (first.equals("--epochs") ? " (its passes are --max-iter)" : "")
                    + " (see jnn fit --help)");
        }
        if (modelOptions.textbook) {
            throw new IllegalArgumentException("--textbook goes with --model perceptron");
        }
        DType type = run.dtype(DType.FLOAT64);
        List<Transformer> transforms = features.transformers();
        MultilayerPerceptron est = regressor ? new MLPRegressor() : new MLPClassifier();
        Map<String, Object> params = MlpOptions.only(mlp.params(), dev.jnn.estimator.MLPParams.TABLE, "the MLP");
        if (main.verbose) {
            params.put("verbose", true);
        }
        est.setParams(params);
        RunPlots figures = dashboardOptions.figures(plots);

        PrintWriter out = spec.commandLine().getOut();
        Dataset set = dataOptions.load(type, !regressor, !quiet);
        Samples train = set.train();
        Samples testSet = set.test();
        Samples rawTrain = train;
        Samples rawTest = testSet;
        int rawFeatures = train.x().cols();
        Tensor unlabelled = unlabelledTest(type);          // a --test file without labels: predictions, no report
        for (Transformer t : transforms) {
            train = train.withX(t.fitTransform(train.x()));
            if (unlabelled == null) {
                testSet = testSet.withX(t.transform(testSet.x()));
            } else {
                unlabelled = t.transform(unlabelled);
            }
        }
        if (!quiet) {
            out.printf("%s on %s: %d training and %d test rows, %d features, %s%n", est.getClass().getSimpleName(),
                    dataOptions.data, train.size(), unlabelled == null ? testSet.size() : unlabelled.rows(),
                    train.x().cols(), type.toString().toLowerCase(java.util.Locale.ROOT));
        }
        FitResult result;
        List<Double> losses;
        double seconds;
        dashboardOptions.start(est.getClass().getSimpleName() + " on " + dataOptions.data, out);
        try (ProgressMonitor monitor = new ProgressMonitor(out, spec.commandLine().getErr(), !quiet && !main.verbose)) {
            est.setMonitor(dashboardOptions.alongside(monitor));
            long start = System.nanoTime();
            boolean intLabels = !regressor && train.hasIntLabels() && testSet.hasIntLabels();
            if (est instanceof MLPClassifier clf) {
                if (intLabels) {
                    clf.fit(train.x(), train.y());
                } else {
                    clf.fit(train.x(), train.labels());
                }
            } else {
                ((MLPRegressor) est).fit(train.x(), train.targets());
            }
            seconds = (System.nanoTime() - start) / 1e9;
            monitor.close();
            result = unlabelled != null ? null : FitResult.of(est, testSet, intLabels, seconds,
                    monitor.epochSeconds()).named(dataOptions.classNames());
            losses = monitor.losses();
        }
        if (!quiet) {
            out.printf("Fitted in %.2f s: %d iterations, final loss %.6f%n%n", seconds, est.nIter(), est.loss());
        }
        if (unlabelled != null) {
            if (est instanceof MLPClassifier clf) {
                PredictionsCsv.write(clf.predictNames(unlabelled), proba ? clf.classNames() : null,
                        proba ? clf.predictProba(unlabelled) : null, predictions, out);
            } else {
                PredictionsCsv.write(java.util.Arrays.stream(((MLPRegressor) est).predict(unlabelled))
                        .mapToObj(dev.jnn.util.PyFormat::repr).toArray(String[]::new), null, null, predictions, out);
            }
            if (save != null) {
                dev.jnn.io.ModelFiles.save(transforms.isEmpty() ? est : pipeline(transforms, est), save);
            }
            return 0;
        }
        out.print(result.summary());
        out.flush();
        if (images != null) {
            predictImages(est, rawFeatures, transforms, type, out);
        }
        if (report != null) {
            result.writeReport(report, est);
        }
        if (save != null) {
            Object kept = transforms.isEmpty() ? est : pipeline(transforms, est);
            if (saveOptimizerState) {
                dev.jnn.io.ModelFiles.saveWithOptimizerState(kept, save);
            } else {
                dev.jnn.io.ModelFiles.save(kept, save);
            }
            out.println("Saved the model to " + save);
            out.flush();
        }
        if (figures != null) {
            plots(figures, est, losses, rawTrain, rawTest, testSet, transforms, result);
            figures.write(est.getClass().getSimpleName() + " on " + dataOptions.data, commandLine(), est.getParams(),
                    result.summary(), out);
        }
        if (predictions != null) {
            result.writePredictions(predictions);
        }
        if (dashboardOptions.given()) {
            Map<String, Object> end = new java.util.LinkedHashMap<>(result.dashboardScores());
            end.put("n_iter", est.nIter());
            end.put("loss", est.loss());
            dashboardOptions.finish(end, figures);
        }
        return 0;
    }

    /** The figures of an MLP run, for {@code --plots}. */
    private static void plots(RunPlots figures, MultilayerPerceptron est, List<Double> losses, Samples rawTrain,
                              Samples rawTest, Samples test, List<Transformer> transforms, FitResult result) {
        boolean stochastic = est.params().solver().stochastic();
        figures.lossCurve(est.getClass().getSimpleName(), losses, stochastic ? est.validationScores() : null,
                "validation score", false);
        figures.metric("n_iter", est.nIter());
        figures.metric("fit seconds", result.fitSeconds());
        if (est instanceof MLPClassifier clf) {
            figures.metric("test accuracy", result.report().accuracy());
            figures.classifier(result.confusion(), rawTest, rawTest.x(), result.predicted(), clf.classNames(),
                    clf.predictProba(test.x()));
            figures.boundary(rawTrain, transforms, clf.classNames(), clf::predictIndices, clf::predictProba);
            int side = RunPlots.imageSide(rawTrain.x().cols());
            if (side > 0 && transforms.isEmpty()) {
                figures.add(Figures.firstLayerWeights(clf.coefs().get(0), side, side));
            }
            figures.pca(transforms, rawTrain, clf.classNames());
        } else {
            figures.metric("test R2", result.r2());
            figures.metric("test MSE", result.mse());
            figures.pca(transforms, rawTrain, null);
        }
    }

    /**
     * The rows of a --test file without labels in {@code dtype} (after {@code dataOptions.load}), or null; {@code
     * --proba} without such a file is a usage error, and so is --proba for a regressor.
     */
    Tensor unlabelledTest(DType dtype) {
        Tensor u = dataOptions.unlabelledTest();
        if (proba && (u == null || regressor)) {
            throw new IllegalArgumentException("--proba goes with a --test file without labels, for a classifier");
        }
        return u == null ? null : u.to(dtype);
    }

    /** The fitted transforms and model as one pipeline, for a model file. */
    private static dev.jnn.preprocess.Pipeline pipeline(List<Transformer> transforms, MultilayerPerceptron est) {
        List<dev.jnn.preprocess.Pipeline.Step> steps = new java.util.ArrayList<>();
        for (int i = 0; i < transforms.size(); i++) {
            steps.add(dev.jnn.preprocess.Pipeline.step("step" + i, transforms.get(i)));
        }
        return est instanceof MLPClassifier clf ? dev.jnn.preprocess.Pipeline.of(steps, "mlp", clf)
                : dev.jnn.preprocess.Pipeline.of(steps, "mlp", (MLPRegressor) est);
    }

    /** The command as typed, for the report page. */
    private String commandLine() {
        return "jnn fit " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
    }

    private void predictImages(MultilayerPerceptron est, int rawFeatures, List<Transformer> transforms, DType type, PrintWriter out) {
        if (!(est instanceof MLPClassifier clf)) {
            throw new IllegalArgumentException("--predict-image needs a classifier, not --regressor");
        }
        if (rawFeatures != 784) {
            throw new IllegalArgumentException("--predict-image needs a model trained on 28x28 images (784 features);"
                    + " this one has " + rawFeatures);
        }
        out.println();
        for (Path image : images) {
            Tensor x = ImageFiles.readDigit(image, invert, type);
            for (Transformer t : transforms) {
                x = t.transform(x);
            }
            double[] p = clf.predictProba(x)[0];
            int best = 0;
            for (int k = 1; k < p.length; k++) {
                best = p[k] > p[best] ? k : best;
            }
            out.printf("%s: %s (probability %.3f)%n", image, clf.classNames()[best], p[best]);
        }
        out.flush();
    }
}
