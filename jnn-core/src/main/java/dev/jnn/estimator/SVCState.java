package dev.jnn.estimator;

import libsvm.svm_model;

import java.util.Arrays;

/**
 * What a fitted {@link SVC} is made of, for model files: its parameters, classes and the arrays scikit-learn shows
 * (in scikit-learn's signs). {@link #restore} rebuilds LIBSVM's model from them, after checking every shape, so
 * that the restored SVC predicts exactly as the captured one did.
 *
 * @param params         the hyperparameters
 * @param intClasses     the integer classes, or null
 * @param stringClasses  the string classes, or null
 * @param supportVectors {@code support_vectors_}, grouped by class
 * @param support        {@code support_}
 * @param nSupport       {@code n_support_}
 * @param dualCoef       {@code dual_coef_}: (classes − 1) × support vectors
 * @param intercept      {@code intercept_}: one per pair of classes
 * @param probA          {@code probA_} (empty without probability)
 * @param probB          {@code probB_} (empty without probability)
 * @param nIter          {@code n_iter_}
 * @param gamma          the kernel coefficient the fit used
 * @param classWeight    {@code class_weight_}
 */
public record SVCState(SVCParams params, int[] intClasses, String[] stringClasses, double[][] supportVectors,
                       int[] support, int[] nSupport, double[][] dualCoef, double[] intercept, double[] probA,
                       double[] probB, int[] nIter, double gamma, double[] classWeight) {

    /** The state of a fitted SVC (copies of its arrays). */
    public static SVCState of(SVC s) {
        ClassLabels labels = s.classLabels();
        double[][] ab = s.probAB();
        return new SVCState(s.params(), labels.isString() ? null : labels.ints(),
                labels.isString() ? labels.names() : null, s.supportVectors(), s.support(), s.nSupport(),
                s.dualCoef(), s.intercept(), ab[0], ab[1], s.nIter(), s.fittedGamma(), s.classWeight());
    }

    /** A fitted SVC of this state; any shape that does not fit the classes is an error. */
    public SVC restore() {
        ClassLabels labels = ClassLabels.restored(false, intClasses, stringClasses);
        int k = labels.size();
        int pairs = k * (k - 1) / 2;
        int l = Arrays.stream(nSupport).sum();
        int d = supportVectors.length == 0 ? 0 : supportVectors[0].length;
        check(k >= 2 && nSupport.length == k, "n_support must have one count per class (" + k + ")");
        check(supportVectors.length == l && support.length == l && d >= 1
                && Arrays.stream(supportVectors).allMatch(r -> r.length == d),
                "support_vectors must be " + l + " rows of the same width, with " + l + " support indices");
        check(dualCoef.length == k - 1 && Arrays.stream(dualCoef).allMatch(r -> r.length == l),
                "dual_coef must be " + (k - 1) + " x " + l);
        check(intercept.length == pairs && nIter.length == pairs, "intercept and n_iter need " + pairs + " values");
        check(probA.length == probB.length && (probA.length == 0 || probA.length == pairs),
                "probA and probB need none or " + pairs + " values");
        check(classWeight.length == k, "class_weight needs " + k + " values");
        boolean binary = k == 2;
        svm_model m = new svm_model();
        m.param = Libsvm.parameter(params, gamma, classWeight);
        m.param.probability = probA.length > 0 ? 1 : 0;
        m.nr_class = k;
        m.l = l;
        m.SV = SvcModel.nodes(supportVectors);
        m.sv_coef = new double[k - 1][l];
        for (int i = 0; i < k - 1; i++) {
            for (int j = 0; j < l; j++) {
                m.sv_coef[i][j] = binary ? -dualCoef[i][j] : dualCoef[i][j];
            }
        }
        m.rho = new double[pairs];
        for (int p = 0; p < pairs; p++) {
            m.rho[p] = binary ? intercept[p] : -intercept[p];
        }
        m.probA = probA.length > 0 ? probA.clone() : null;
        m.probB = probB.length > 0 ? probB.clone() : null;
        m.label = new int[k];
        Arrays.setAll(m.label, i -> i);
        m.nSV = nSupport.clone();
        m.sv_indices = Arrays.stream(support).map(i -> i + 1).toArray();
        SVC svc = new SVC(params);
        svc.restoreFitted(labels, SvcModel.restored(m, d, support.clone(), supportVectors, nIter.clone(), gamma,
                classWeight));
        return svc;
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalArgumentException(what);
        }
    }
}
