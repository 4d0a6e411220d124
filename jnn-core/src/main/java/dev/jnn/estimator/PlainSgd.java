package dev.jnn.estimator;

/**
 * One binary sub-problem of scikit-learn's SGD linear classifier with the perceptron loss and a constant learning
 * rate ({@code _plain_sgd}, spec §3.2, §3.5): per-sample updates in the order of an index array that a xorshift
 * Fisher-Yates pass re-permutes every epoch from the same seed, the weights held as {@code wscale · w} as
 * scikit-learn's {@code WeightVector} holds them (so the L2 decay rounds the same), Tsuruoka's cumulative L1 step,
 * and the stagnation counter over the epoch's loss sum or the validation accuracy.
 */
final class PlainSgd {
    private static final double WSCALE_THRESHOLD = 1e-9;

    private final PerceptronParams p;
    private final double[] w;
    private double wscale = 1;
    private double intercept;
    private final double[] q;
    private double u;

    PlainSgd(PerceptronParams p, double[] coef, double intercept) {
        this.p = p;
        this.w = coef.clone();
        this.intercept = intercept;
        this.q = new double[coef.length];
    }

    /**
     * Runs up to {@code maxIter} epochs on the rows of {@code d} values in row-major {@code x}, with ±1 targets {@code y}; rows marked in {@code validation}
     * are skipped and score the early stopping. Returns the epochs run.
     */
    int run(double[] x, int d, double[] y, double posWeight, double negWeight, int maxIter, long seed,
            boolean[] validation) {
        int n = y.length;
        int[] index = new int[n];
        for (int i = 0; i < n; i++) {
            index[i] = i;
        }
        double tol = p.tol() == null ? Double.NEGATIVE_INFINITY : p.tol();
        double eta = p.eta0();
        double r = p.penalty() == Penalty.ELASTICNET ? p.l1Ratio() : p.penalty() == Penalty.L1 ? 1 : 0;
        boolean l2 = p.penalty() == Penalty.L2 || p.penalty() == Penalty.ELASTICNET;
        boolean l1 = p.penalty() == Penalty.L1 || p.penalty() == Penalty.ELASTICNET;
        int trainCount = n;
        if (validation != null) {
            for (boolean v : validation) {
                trainCount -= v ? 1 : 0;
            }
        }
        double bestLoss = Double.POSITIVE_INFINITY;
        double bestScore = Double.NEGATIVE_INFINITY;
        int noImprovement = 0;
        int epoch = 0;
        for (; epoch < maxIter; epoch++) {
            if (p.shuffle()) {
                shuffle(index, seed);
            }
            double sumLoss = 0;
            for (int k = 0; k < n; k++) {
                int row = index[k];
                if (validation != null && validation[row]) {
                    continue;
                }
                double yi = y[row];
                int at = row * d;
                double dot = 0;
                for (int j = 0; j < d; j++) {
                    dot += w[j] * x[at + j];
                }
                double pred = dot * wscale + intercept;
                if (validation == null) {
                    sumLoss += Math.max(0, -pred * yi);
                }
                double dloss = pred * yi <= 0 ? -yi : 0;
                dloss = Math.max(-1e12, Math.min(1e12, dloss));
                double update = -eta * dloss;
                update *= (yi > 0 ? posWeight : negWeight) * 1.0;
                if (l2) {
                    scale(Math.max(0, 1.0 - ((1.0 - r) * eta * p.alpha())));
                }
                if (update != 0) {
                    double c = update / wscale;
                    for (int j = 0; j < d; j++) {
                        w[j] += x[at + j] * c;
                    }
                    if (p.fitIntercept()) {
                        intercept += update * 1.0;
                    }
                }
                if (l1) {
                    u += r * eta * p.alpha();
                    l1Penalty();
                }
            }
            if (!Double.isFinite(intercept) || !finite(w)) {
                throw new IllegalArgumentException("Floating-point under-/overflow occurred at epoch #" + (epoch + 1)
                        + ". Scaling input data with StandardScaler or MinMaxScaler might help.");
            }
            if (validation != null) {
                double score = validationScore(x, d, y, validation);
                noImprovement = tol > Double.NEGATIVE_INFINITY && score < bestScore + tol ? noImprovement + 1 : 0;
                bestScore = Math.max(bestScore, score);
            } else {
                noImprovement = tol > Double.NEGATIVE_INFINITY && sumLoss > bestLoss - tol * trainCount
                        ? noImprovement + 1 : 0;
                bestLoss = Math.min(bestLoss, sumLoss);
            }
            if (noImprovement >= p.nIterNoChange()) {
                epoch++;
                break;
            }
        }
        resetScale();
        return epoch;
    }

    double[] coef() {
        return w.clone();
    }

    double intercept() {
        return intercept;
    }

    /** Accuracy of the ±1 sub-problem on the validation rows, with the current weights. */
    private double validationScore(double[] x, int d, double[] y, boolean[] validation) {
        int right = 0;
        int total = 0;
        for (int row = 0; row < validation.length; row++) {
            if (!validation[row]) {
                continue;
            }
            double dot = 0;
            for (int j = 0; j < w.length; j++) {
                dot += x[row * d + j] * w[j];
            }
            double score = dot + intercept;
            right += (score > 0 ? 1.0 : -1.0) == y[row] ? 1 : 0;
            total++;
        }
        return (double) right / total;
    }

    private void scale(double c) {
        wscale *= c;
        if (wscale < WSCALE_THRESHOLD) {
            resetScale();
        }
    }

    private void resetScale() {
        if (wscale != 1.0) {
            for (int j = 0; j < w.length; j++) {
                w[j] *= wscale;
            }
            wscale = 1.0;
        }
    }

    /** Tsuruoka et al.'s truncated gradient over every feature (dense rows). */
    private void l1Penalty() {
        for (int j = 0; j < w.length; j++) {
            double z = w[j];
            if (wscale * z > 0) {
                w[j] = Math.max(0, w[j] - ((u + q[j]) / wscale));
            } else if (wscale * z < 0) {
                w[j] = Math.min(0, w[j] + ((u - q[j]) / wscale));
            }
            q[j] += wscale * (w[j] - z);
        }
    }

    /** The Fisher-Yates pass from the front on the xorshift stream of {@code seed} (the seed passed by value). */
    static void shuffle(int[] index, long seed) {
        long[] s = {seed & 0xFFFFFFFFL};
        int n = index.length;
        for (int i = 0; i < n - 1; i++) {
            int j = i + (int) (xorshift(s) % (n - i));
            int t = index[i];
            index[i] = index[j];
            index[j] = t;
        }
    }

    /** scikit-learn's {@code our_rand_r}: a 32-bit xorshift, returned modulo 2^31. */
    static long xorshift(long[] s) {
        if (s[0] == 0) {
            s[0] = 1;
        }
        s[0] ^= (s[0] << 13) & 0xFFFFFFFFL;
        s[0] ^= s[0] >>> 17;
        s[0] ^= (s[0] << 5) & 0xFFFFFFFFL;
        return s[0] % (0x7FFFFFFFL + 1);
    }

    private static boolean finite(double[] v) {
        for (double e : v) {
            if (!Double.isFinite(e)) {
                return false;
            }
        }
        return true;
    }
}
