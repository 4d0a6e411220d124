package dev.jnn.tensor;

/**
 * numpy's legacy {@code RandomState}: the MT19937 generator with numpy's seeding and sampling primitives, so that
 * the same integer seed gives the same initial weights and shuffles as scikit-learn.
 *
 * <p>Not thread-safe: give each thread its own instance. The algorithms follow the reference MT19937 and the
 * legacy numpy samplers described in the parity spec (section 0.4).
 */
public final class Rng {
    private static final int N = 624;
    private static final int M = 397;

    private final int[] mt = new int[N];
    private int index;
    private boolean hasGauss;
    private double gauss;

    /** A generator seeded like {@code numpy.random.RandomState(seed)}; the seed must be in [0, 2^32 - 1]. */
    public Rng(long seed) {
        if (seed < 0 || seed > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("seed must be between 0 and 2**32 - 1; got " + seed);
        }
        mt[0] = (int) seed;
        for (int i = 1; i < N; i++) {
            mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
        }
        index = N;
    }

    /** A generator seeded from the operating system's entropy (numpy's {@code random_state=None}). */
    public static Rng fromEntropy() {
        return new Rng(new java.security.SecureRandom().nextLong() & 0xFFFF_FFFFL);
    }

    /** The next 32-bit output as an unsigned value in [0, 2^32). */
    public long nextUInt32() {
        if (index >= N) {
            twist();
        }
        int y = mt[index++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9D2C5680;
        y ^= (y << 15) & 0xEFC60000;
        y ^= y >>> 18;
        return y & 0xFFFF_FFFFL;
    }

    private void twist() {
        // The reference recurrence in three runs, so that no index wraps (no modulo), and the conditional xor as a
        // mask (the low bit is random, so a branch on it mispredicts half the time).
        int i = 0;
        for (; i < N - M; i++) {
            mt[i] = mix(mt[i], mt[i + 1], mt[i + M]);
        }
        for (; i < N - 1; i++) {
            mt[i] = mix(mt[i], mt[i + 1], mt[i + M - N]);
        }
        mt[N - 1] = mix(mt[N - 1], mt[0], mt[M - 1]);
        index = 0;
    }

    private static int mix(int current, int next, int far) {
        int y = (current & 0x8000_0000) | (next & 0x7FFF_FFFF);
        return far ^ (y >>> 1) ^ (-(y & 1) & 0x9908_B0DF);
    }

    /** A double in [0, 1) with 53 random bits ({@code random_sample}). */
    public double nextDouble() {
        long a = nextUInt32() >>> 5;
        long b = nextUInt32() >>> 6;
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }

    /** {@code uniform(lo, hi)}: {@code lo + (hi - lo) * nextDouble()}. */
    public double uniform(double lo, double hi) {
        return lo + (hi - lo) * nextDouble();
    }

    /** Fills {@code out} with {@code uniform(lo, hi)} draws in order (numpy fills arrays in C order). */
    public void uniform(double lo, double hi, double[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = uniform(lo, hi);
        }
    }

    /**
     * A uniformly distributed integer in [0, max], by numpy's legacy masked rejection: 32-bit draws when max fits
     * in 32 bits, else 64-bit draws made of two 32-bit outputs (high word first). max = 0 consumes nothing.
     */
    public long bounded(long max) {
        if (max < 0) {
            throw new IllegalArgumentException("bounded: max must be >= 0; got " + max);
        }
        if (max == 0) {
            return 0;
        }
        long mask = max;
        mask |= mask >>> 1;
        mask |= mask >>> 2;
        mask |= mask >>> 4;
        mask |= mask >>> 8;
        mask |= mask >>> 16;
        mask |= mask >>> 32;
        long value;
        if (max <= 0xFFFF_FFFFL) {
            do {
                value = nextUInt32() & mask;
            } while (value > max);
        } else {
            do {
                long hi = nextUInt32();
                value = ((hi << 32) | nextUInt32()) & mask;
            } while (Long.compareUnsigned(value, max) > 0);
        }
        return value;
    }

    /** {@code randint(lo, hi)}: an integer in [lo, hi) (hi exclusive). */
    public long randint(long lo, long hi) {
        if (hi <= lo) {
            throw new IllegalArgumentException("randint: low >= high (" + lo + " >= " + hi + ")");
        }
        return lo + bounded(hi - 1 - lo);
    }

    /** Shuffles in place by Fisher-Yates from the end, as numpy's legacy {@code shuffle}. */
    public void shuffle(int[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = (int) bounded(i);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** {@code permutation(n)}: a shuffled {@code [0, 1, ..., n-1]}. */
    public int[] permutation(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("permutation: n must be >= 0; got " + n);
        }
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        shuffle(p);
        return p;
    }

    /** {@code choice(n, size, replace=False)}: the first {@code size} entries of {@code permutation(n)}. */
    public int[] choiceWithoutReplacement(int n, int size) {
        if (size < 0 || size > n) {
            throw new IllegalArgumentException("Cannot take a larger sample than population when 'replace=False' "
                    + "(population " + n + ", sample " + size + ")");
        }
        return java.util.Arrays.copyOf(permutation(n), size);
    }

    /**
     * A standard normal draw by numpy's legacy polar method: each accepted pair yields two values; the second
     * is cached and returned by the next call.
     */
    public double gaussian() {
        if (hasGauss) {
            hasGauss = false;
            return gauss;
        }
        double x1;
        double x2;
        double r2;
        do {
            x1 = 2.0 * nextDouble() - 1.0;
            x2 = 2.0 * nextDouble() - 1.0;
            r2 = x1 * x1 + x2 * x2;
        } while (r2 >= 1.0 || r2 == 0.0);
        double f = Math.sqrt(-2.0 * Math.log(r2) / r2);
        gauss = f * x1;
        hasGauss = true;
        return f * x2;
    }

    /** {@code normal(loc, scale)} = {@code loc + scale * gaussian()}. */
    public double normal(double loc, double scale) {
        return loc + scale * gaussian();
    }
}
