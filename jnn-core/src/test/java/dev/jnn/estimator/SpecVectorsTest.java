package dev.jnn.estimator;

import dev.jnn.nn.Activation;
import dev.jnn.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The level-D reference vectors of spec §2.2 and §10.2, produced by scikit-learn 1.2.1. */
class SpecVectorsTest {
    static final double TOL = 1e-9;
    static final double[][] XOR = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
    static final int[] XOR_Y = {0, 1, 1, 0};

    /** The "Mod" data of spec §10.1. */
    static double[][] mod() {
        double[][] x = new double[40][];
        for (int i = 0; i < 40; i++) {
            x[i] = new double[] {(i % 7) / 7.0, (3 * i % 11) / 11.0, (5 * i % 13) / 13.0};
        }
        return x;
    }

    static int[] yb(double[][] x) {
        int[] y = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i][0] + x[i][1] > 1 ? 1 : 0;
        }
        return y;
    }

    static int[] ym(double[][] x) {
        int[] y = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = (int) Math.floor(1.5 * (x[i][0] + 2 * x[i][2])) % 3;
        }
        return y;
    }

    static double[] yr(double[][] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = 2 * x[i][0] - x[i][1] + 0.5 * x[i][2];
        }
        return y;
    }

    static void close(double[] expected, List<Double> actual, int count) {
        for (int i = 0; i < count; i++) {
            assertEquals(expected[i], actual.get(i), TOL, "entry " + i);
        }
    }

    static void close(double[][] expected, Tensor actual) {
        double[][] a = actual.rank() == 1 ? new double[][] {actual.toDoubleArray()} : actual.toDoubleMatrix();
        assertEquals(expected.length, a.length);
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                assertEquals(expected[i][j], a[i][j], TOL, "[" + i + "][" + j + "]");
            }
        }
    }

    @Test
    void oneSgdStepOnXor() {
        MLPClassifier clf = MLPClassifier.builder().hiddenLayerSizes(3).randomState(42).solver(Solver.SGD)
                .learningRateInit(0.1).momentum(0).maxIter(1).build();
        clf.fit(XOR, XOR_Y);
        assertEquals(0.6493245547199663, clf.lossCurve().get(0), TOL);
        close(new double[][] {{-0.2748681407047975, 0.9813192463404812, 0.525825650517801},
            {0.21614936876116272, -0.7512312481703172, -0.7536763602733748}}, clf.coefs().get(0));
        close(new double[][] {{-0.9681902965867146, 0.8023466602053727, 0.22378368823919617}}, clf.intercepts().get(0));
        close(new double[][] {{0.5096703708867556}, {-1.1676837808526093}, {1.1592211760026288}}, clf.coefs().get(1));
        close(new double[][] {{0.8142340092128039}}, clf.intercepts().get(1));
    }

    @Test
    void xorSgdAndAdamFiveEpochs() {
        for (Solver s : new Solver[] {Solver.SGD, Solver.ADAM}) {
            MLPClassifier clf = MLPClassifier.builder().hiddenLayerSizes(3).randomState(0).solver(s).maxIter(5).build();
            clf.fit(XOR, XOR_Y);
            double[] curve = s == Solver.SGD
                    ? new double[] {0.8083155808527455, 0.8078591758064165, 0.8072105506503554, 0.8063913184577249, 0.8054213779090182}
                    : new double[] {0.8083155808527455, 0.8070312989589377, 0.8057532320654602, 0.8044814796342992, 0.8032161367890612};
            double[] proba = s == Solver.SGD
                    ? new double[] {0.6980150821610845, 0.6768086729734742, 0.7661353297887924, 0.7441295237326321}
                    : new double[] {0.6971323772128899, 0.6752756420385397, 0.7647951641124904, 0.7414167686216097};
            close(curve, clf.lossCurve(), 5);
            double[][] p = clf.predictProba(XOR);
            for (int i = 0; i < 4; i++) {
                assertEquals(proba[i], p[i][1], TOL);
            }
            assertEquals(20, clf.t());
            assertEquals(5, clf.nIter());
            assertEquals(curve[4], clf.bestLoss(), TOL);
            assertTrue(clf.warnings().contains("Stochastic Optimizer: Maximum iterations (5) reached and the"
                    + " optimization hasn't converged yet."));
        }
    }

    @Test
    void caseAAdamBinary() {
        double[][] x = mod();
        MLPClassifier clf = MLPClassifier.builder().hiddenLayerSizes(5).randomState(0).maxIter(50).batchSize(16)
                .learningRateInit(0.01).build().fit(x, yb(x));
        assertEquals(50, clf.nIter());
        assertEquals(2000, clf.t());
        close(new double[] {0.8306328067791744, 0.7853108300581964, 0.7409032190562514}, clf.lossCurve(), 3);
        assertEquals(0.27379457975007526, clf.loss(), TOL);
        double[][] p = clf.predictProba(new double[][] {x[0], x[1], x[2]});
        assertArrayEquals(new double[] {0.9603175846531349, 0.03968241534686509}, p[0], TOL);
        assertArrayEquals(new double[] {0.9413183592106471, 0.05868164078935286}, p[1], TOL);
        assertArrayEquals(new double[] {0.8047954077939493, 0.19520459220605066}, p[2], TOL);
    }

    @Test
    void caseBSgdMulticlass() {
        double[][] x = mod();
        MLPClassifier clf = MLPClassifier.builder().hiddenLayerSizes(4, 3).activation(Activation.TANH).randomState(1)
                .solver(Solver.SGD).maxIter(30).batchSize(10).learningRateInit(0.1).build().fit(x, ym(x));
        assertEquals(30, clf.nIter());
        assertEquals(1200, clf.t());
        close(new double[] {1.344077461996941, 1.1366796714688867, 1.1376107433467324}, clf.lossCurve(), 3);
        assertEquals(0.4012085416457916, clf.loss(), TOL);
        double[][] p = clf.predictProba(new double[][] {x[0], x[1]});
        assertArrayEquals(new double[] {0.9352222934394158, 0.0633776579885163, 0.001400048572067793}, p[0], TOL);
        assertArrayEquals(new double[] {0.007423971805137719, 0.9470148120222921, 0.04556121617257014}, p[1], TOL);
    }

    @Test
    void caseCSgdInvscalingRegressor() {
        double[][] x = mod();
        MLPRegressor reg = MLPRegressor.builder().hiddenLayerSizes(6).activation(Activation.LOGISTIC).randomState(2)
                .solver(Solver.SGD).learningRate(LearningRate.INVSCALING).maxIter(40).batchSize(8)
                .learningRateInit(0.5).momentum(0).build().fit(x, yr(x));
        close(new double[] {0.3133515459060532, 0.23455693935149546, 0.2302330213672223}, reg.lossCurve(), 3);
        assertEquals(0.2273096716557379, reg.loss(), TOL);
        assertArrayEquals(new double[] {0.5968538440037074, 0.5995960630986653, 0.6023711099709477},
                reg.predict(new double[][] {x[0], x[1], x[2]}), TOL);
    }

    @Test
    void caseDAdamEarlyStopping() {
        double[][] x = mod();
        MLPClassifier clf = MLPClassifier.builder().hiddenLayerSizes(5).randomState(3).maxIter(200)
                .earlyStopping(true).validationFraction(0.2).nIterNoChange(4).learningRateInit(0.05).build()
                .fit(x, yb(x));
        assertEquals(11, clf.nIter());
        assertEquals(352, clf.t());
        close(new double[] {0.375, 0.375, 0.125, 0.25, 0.375, 0.625, 0.625, 0.625, 0.625, 0.625, 0.625},
                clf.validationScores(), 11);
        assertEquals(0.625, clf.bestValidationScore());
        assertNull(clf.bestLoss());
        close(new double[] {0.813462036364967, 0.7887842249552569, 0.761649848787115}, clf.lossCurve(), 3);
        assertEquals(0.6500231237575482, clf.loss(), TOL);
    }

    @Test
    void caseESgdAdaptive() {
        double[][] x = mod();
        MLPClassifier clf = MLPClassifier.builder().hiddenLayerSizes(5).randomState(0).solver(Solver.SGD)
                .learningRate(LearningRate.ADAPTIVE).learningRateInit(0.2).maxIter(500).tol(1e-3).nIterNoChange(2)
                .build().fit(x, yb(x));
        assertEquals(90, clf.nIter());
        close(new double[] {0.8455566122157535, 0.7243117098025237, 0.6578067355935533}, clf.lossCurve(), 3);
        assertEquals(0.05823747601412847, clf.loss(), TOL);
    }

    @Test
    void glorotInitialisationOfSpec22() {
        MLPClassifier clf = MLPClassifier.builder().hiddenLayerSizes(3).randomState(42).solver(Solver.SGD)
                .learningRateInit(1e-300).maxIter(1).build();
        clf.fit(XOR, XOR_Y);
        close(new double[][] {{-0.27486882787686717, 0.9874655704440256, 0.50827326053859},
            {0.21614990913593557, -0.7536253999638911, -0.753678244468986}}, clf.coefs().get(0));
        close(new double[][] {{0.5096716450658683}, {-1.174323363753642}, {1.1510393629035645}}, clf.coefs().get(1));
    }
}
