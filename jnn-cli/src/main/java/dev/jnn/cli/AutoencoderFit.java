package dev.jnn.cli;

import dev.jnn.data.Dataset;
import dev.jnn.data.NumpyFiles;
import dev.jnn.data.Samples;
import dev.jnn.estimator.MLPRegressor;
import dev.jnn.plot.Figures;
import dev.jnn.tensor.DType;
import dev.jnn.tensor.Tensor;
import dev.jnn.util.PyFormat;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code jnn fit --autoencoder 128,64,128}: an MLPRegressor trained to reconstruct its input, its reconstruction
 * error, and with {@code --features-out} the code layer's activations as a new data set. The code layer is the
 * narrowest hidden layer (the first of the narrowest).
 */
final class AutoencoderFit {
    private AutoencoderFit() {
    }

    static int run(FitCommand c, Map<String, Object> given, RunPlots figures) throws IOException {
        if (given.containsKey("hidden_layer_sizes")) {
            throw new IllegalArgumentException("--autoencoder gives the hidden layer sizes; drop --hidden-layer-sizes");
        }
        List<String> network = c.modelOptions.networkOptionsGiven();
        if (!network.isEmpty() || c.modelOptions.textbook) {
            throw new IllegalArgumentException((network.isEmpty() ? "--textbook" : network.get(0))
                    + " does not apply to --autoencoder (an MLPRegressor: the MLP options tune it)");
        }
        if (c.regressor || c.images != null) {
            throw new IllegalArgumentException((c.regressor ? "--regressor" : "--predict-image")
                    + " does not apply to --autoencoder (it is always a regressor of its input)");
        }
        Map<String, Object> params = new LinkedHashMap<>(given);
        params.put("hidden_layer_sizes", c.autoencoder);
        MLPRegressor est = new MLPRegressor();
        est.setParams(params);                                      // checks every value before the data load
        int[] sizes = est.params().hiddenLayerSizes();
        int code = 0;
        for (int i = 1; i < sizes.length; i++) {
            code = sizes[i] < sizes[code] ? i : code;
        }
        DType type = c.run.dtype(DType.FLOAT64);
        PrintWriter out = c.spec.commandLine().getOut();
        Dataset set = c.dataOptions.loadLabelled(type, true, !c.quiet, "--autoencoder");
        Samples train = set.train();
        Samples test = set.test();
        if (!c.features.transformers().isEmpty()) {
            throw new IllegalArgumentException("--autoencoder reconstructs the data as given: drop --scale, --pca,"
                    + " --poly and --functions");
        }
        if (!c.quiet) {
            out.printf("Autoencoder %s on %s: %d training and %d test rows, %d features; code layer %d (%d units)%n",
                    Arrays.toString(sizes), c.dataOptions.data, train.size(), test.size(), train.x().cols(), code,
                    sizes[code]);
        }
        List<Double> losses;
        double seconds;
        try (ProgressMonitor monitor = new ProgressMonitor(out, c.spec.commandLine().getErr(), !c.quiet && !c.main.verbose)) {
            est.setMonitor(monitor);
            long start = System.nanoTime();
            est.fit(train.x(), train.x());
            seconds = (System.nanoTime() - start) / 1e9;
            losses = monitor.losses();
        }
        Tensor trainOut = est.predictTensor(train.x());
        Tensor testOut = est.predictTensor(test.x());
        double trainMse = mse(train.x(), trainOut);
        double testMse = mse(test.x(), testOut);
        out.printf("Fitted in %.2f s: %d iterations, final loss %.6f%n", seconds, est.nIter(), est.loss());
        out.printf("Reconstruction MSE: train %s, test %s%n", PyFormat.repr(trainMse), PyFormat.repr(testMse));
        out.flush();
        Map<String, Object> head = new LinkedHashMap<>();
        head.put("estimator", "MLPRegressor");
        head.put("autoencoder", sizes);
        head.put("code_layer", code);
        head.put("params", FitResult.jsonParams(est.getParams()));
        head.put("n_iter", est.nIter());
        head.put("loss", est.loss());
        head.put("fit_seconds", seconds);
        head.put("train_reconstruction_mse", trainMse);
        head.put("test_reconstruction_mse", testMse);
        if (c.report != null) {
            FitResult.writeJson(c.report, head);
        }
        if (c.featuresOut != null) {
            Map<String, Tensor> arrays = new LinkedHashMap<>();
            arrays.put("x", est.hiddenActivations(train.x(), code));
            arrays.put("y", labels(train));
            arrays.put("x_test", est.hiddenActivations(test.x(), code));
            arrays.put("y_test", labels(test));
            NumpyFiles.writeNpz(c.featuresOut, arrays);
            out.printf("Wrote the code layer's %d features of %d training and %d test rows to %s%n", sizes[code],
                    train.size(), test.size(), c.featuresOut);
        }
        if (c.save != null) {
            dev.jnn.io.ModelFiles.save(est, c.save);
            out.println("Saved the model to " + c.save);
        }
        out.flush();
        if (figures != null) {
            figures.lossCurve("MLPRegressor", losses, null, null, false);
            figures.metric("train reconstruction MSE", trainMse);
            figures.metric("test reconstruction MSE", testMse);
            int side = RunPlots.imageSide(train.x().cols());
            if (side > 0) {
                figures.add(Figures.reconstructions(test.x(), testOut, side, side, 20));
            }
            figures.write("Autoencoder on " + c.dataOptions.data, "jnn fit " + String.join(" ",
                    c.spec.commandLine().getParseResult().originalArgs()), est.getParams(),
                    String.format("Reconstruction MSE: train %s, test %s%n", PyFormat.repr(trainMse),
                            PyFormat.repr(testMse)), out);
        }
        return 0;
    }

    /** The mean of the squared differences over every value, as {@code mean_squared_error(x, x_hat)} averages. */
    static double mse(Tensor x, Tensor reconstructed) {
        double[] a = x.toDoubleArray();
        double[] b = reconstructed.toDoubleArray();
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            s += d * d;
        }
        return s / a.length;
    }

    /** The labels as numbers: integer labels as they are, text labels as their class index. */
    private static Tensor labels(Samples s) {
        int[] y = s.hasIntLabels() ? s.y() : s.classIndices();
        return Tensor.wrap(Arrays.stream(y).asDoubleStream().toArray(), y.length);
    }

}
