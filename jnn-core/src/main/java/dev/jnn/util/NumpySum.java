package dev.jnn.util;

/**
 * numpy's pairwise summation of a contiguous double array, so that sums (and the mean and variance built on them)
 * round exactly as numpy's do.
 */
public final class NumpySum {
    private static final int BLOCK = 128;

    private NumpySum() {
    }

    /** {@code np.sum(a)}. */
    public static double sum(double[] a) {
        return sum(a, 0, a.length);
    }

    /** {@code a.var()}: the mean of the squared deviations from the mean, both summed pairwise as numpy does. */
    public static double variance(double[] a) {
        double mean = sum(a) / a.length;
        double[] sq = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - mean;
            sq[i] = d * d;
        }
        return sum(sq) / a.length;
    }

    private static double sum(double[] a, int from, int n) {
        if (n < 8) {
            double res = 0.0;
            for (int i = 0; i < n; i++) {
                res += a[from + i];
            }
            return res;
        }
        if (n <= BLOCK) {
            double[] r = new double[8];
            System.arraycopy(a, from, r, 0, 8);
            int i = 8;
            for (; i < n - (n % 8); i += 8) {
                for (int j = 0; j < 8; j++) {
                    r[j] += a[from + i + j];
                }
            }
            double res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
            for (; i < n; i++) {
                res += a[from + i];
            }
            return res;
        }
        int half = n / 2;
        half -= half % 8;
        return sum(a, from, half) + sum(a, from + half, n - half);
    }
}
