package dev.jnn.cli;

import dev.jnn.preprocess.FunctionFeatures;
import dev.jnn.preprocess.MinMaxScaler;
import dev.jnn.preprocess.Pca;
import dev.jnn.preprocess.PolynomialFeatures;
import dev.jnn.preprocess.StandardScaler;
import dev.jnn.api.Transformer;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/**
 * Feature transforms a training command applies, each fitted on the training rows only, in this order: extra
 * function columns, polynomial products, scaling, PCA.
 */
final class FeatureOptions {
    @Option(names = "--functions", split = ",", paramLabel = "FN",
            description = "Append these functions of every column (e.g. sin,cos; known: abs, cos, cube, exp, log,"
                + " log1p, sigmoid, sin, sqrt, square, tan, tanh).")
    List<String> functions;

    @Option(names = "--poly", paramLabel = "DEGREE", description = "PolynomialFeatures of this degree (with bias).")
    Integer poly;

    @Option(names = "--scale", defaultValue = "none", paramLabel = "none|standard|minmax",
            description = "Feature scaling. Default: ${DEFAULT-VALUE}.")
    String scale;

    @Option(names = "--pca", paramLabel = "N|FRACTION",
            description = "Project onto N principal components, or as many as keep this share of the variance.")
    Double pca;

    /** The transforms, in application order (empty when none is asked for). */
    List<Transformer> transformers() {
        List<Transformer> out = new ArrayList<>();
        if (functions != null && !functions.isEmpty()) {
            out.add(new FunctionFeatures(functions.toArray(String[]::new)));
        }
        if (poly != null) {
            if (poly < 1) {
                throw new IllegalArgumentException("--poly must be >= 1, got " + poly);
            }
            out.add(new PolynomialFeatures(poly, false, true));
        }
        switch (scale) {
            case "none" -> { }
            case "standard" -> out.add(new StandardScaler());
            case "minmax" -> out.add(new MinMaxScaler());
            default -> throw new IllegalArgumentException("--scale must be none, standard or minmax, got '" + scale + "'");
        }
        if (pca != null) {
            if (!(pca > 0) || (pca >= 1 && pca != Math.rint(pca))) {
                throw new IllegalArgumentException("--pca must be a component count >= 1 or a fraction in (0, 1), got "
                        + pca);
            }
            out.add(new Pca(pca, false));
        }
        return out;
    }
}
