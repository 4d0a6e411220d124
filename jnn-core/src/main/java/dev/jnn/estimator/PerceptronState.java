package dev.jnn.estimator;

import java.util.Arrays;

/**
 * What a fitted {@link Perceptron} is made of, for model files: its parameters, classes, coefficients and the
 * fitted attributes. {@link #restore} builds a perceptron that predicts exactly as the captured one did, after
 * checking every shape.
 *
 * @param params        the hyperparameters
 * @param intClasses    the integer classes, or null
 * @param stringClasses the string classes, or null
 * @param coef          {@code coef_}: one row per one-vs-all problem (one for two classes) × features
 * @param intercept     {@code intercept_}
 * @param nIter         {@code n_iter_}
 * @param t             {@code t_}
 */
public record PerceptronState(PerceptronParams params, int[] intClasses, String[] stringClasses, double[][] coef,
                              double[] intercept, int nIter, double t) {

    /** The state of a fitted perceptron (copies of its arrays). */
    public static PerceptronState of(Perceptron p) {
        ClassLabels labels = p.classLabels();
        return new PerceptronState(p.params(), labels.isString() ? null : labels.ints(),
                labels.isString() ? labels.names() : null, p.coef(), p.intercept(), p.nIter(), p.t());
    }

    /** A fitted perceptron of this state; a shape that does not fit the classes is an error. */
    public Perceptron restore() {
        ClassLabels labels = ClassLabels.restored(false, intClasses, stringClasses);
        int problems = labels.size() == 2 ? 1 : labels.size();
        if (labels.size() < 2 || coef.length != problems || intercept.length != problems) {
            throw new IllegalArgumentException(labels.size() + " classes need " + problems + " coefficient rows and"
                    + " intercepts, got " + coef.length + " and " + intercept.length);
        }
        int d = coef[0].length;
        if (d < 1 || Arrays.stream(coef).anyMatch(r -> r.length != d)) {
            throw new IllegalArgumentException("the coefficient rows must all have the same number (>= 1) of features");
        }
        Perceptron p = new Perceptron(params);
        p.restoreFitted(labels, Arrays.stream(coef).map(double[]::clone).toArray(double[][]::new), intercept.clone(),
                nIter, t);
        return p;
    }
}
