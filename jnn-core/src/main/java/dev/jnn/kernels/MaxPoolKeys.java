package dev.jnn.kernels;

/** The ordered keys by which float32 max pooling finds a window's first maximum without branches. */
public final class MaxPoolKeys {
    private MaxPoolKeys() {
    }

    /**
     * A float and its window position as one ordered long: the value's bits made monotonic (NaN canonical and
     * above +∞, −0 as +0) in the high half, and {@code MAX − i} in the low half so that ties go to the first
     * position. The maximum of the keys is the maximum value at its first position, with NaN winning, as the
     * comparisons of the float64 path decide; a long maximum needs no branch, and the maximum's position in a
     * window is random, which makes branches mispredict.
     */
    public static long key(float v, int i) {
        int b = Float.floatToIntBits(v + 0f);
        return (long) (b ^ (b >> 31 & Integer.MAX_VALUE)) << 32 | (Integer.MAX_VALUE - i);
    }

    /** The window position held in a {@link #key(float, int)}. */
    public static int position(long key) {
        return (int) (Integer.MAX_VALUE - (key & 0xFFFFFFFFL));
    }
}
