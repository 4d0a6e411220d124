package dev.jnn.util;

import java.util.Locale;

/**
 * What the heap can still give, checked before an allocation whose size input controls (a decoded array, a
 * generated set, a layer's weights, the features after a polynomial expansion), so that too much asks for one
 * clear line naming the size and the budget instead of an {@link OutOfMemoryError} halfway through.
 *
 * <p>The budget is the JVM's maximum heap, minus what is in use, minus a margin of 32 MB and 1/16 of the heap
 * for everything else the run allocates. "In use" counts garbage not yet collected, so a request that seems too
 * large is measured again after one collection before it is refused.
 */
public final class MemoryBudget {
    private static final long MARGIN = 32L << 20;

    private MemoryBudget() {
    }

    /** Bytes the heap can still give (at least 0). */
    public static long available() {
        Runtime rt = Runtime.getRuntime();
        long used = rt.totalMemory() - rt.freeMemory();
        return Math.max(0, rt.maxMemory() - used - MARGIN - rt.maxMemory() / 16);
    }

    /** {@code count × elementBytes}, or {@link Long#MAX_VALUE} when that overflows or count is negative. */
    public static long bytes(long count, long elementBytes) {
        if (count < 0 || elementBytes < 0) {
            return Long.MAX_VALUE;
        }
        try {
            return Math.multiplyExact(count, elementBytes);
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    /**
     * Null when {@code count} elements of {@code elementBytes} bytes fit the budget; otherwise one line:
     * "{@code what} needs 3.0 GB (400000000 × 8 bytes), more than the 412 MB the heap has left".
     */
    public static String shortfall(String what, long count, long elementBytes) {
        long need = bytes(count, elementBytes);
        if (need <= available()) {
            return null;
        }
        System.gc();   // garbage counts as used until collected
        long left = available();
        if (need <= left) {
            return null;
        }
        String size = need == Long.MAX_VALUE ? "more than 8 EB" : human(need);
        return what + " needs " + size + " (" + count + " × " + elementBytes + " bytes), more than the "
                + human(left) + " the heap has left (raise the JVM's -Xmx, or use less)";
    }

    /** Throws {@link IllegalArgumentException} with {@link #shortfall}'s line unless the allocation fits. */
    public static void require(String what, long count, long elementBytes) {
        String s = shortfall(what, count, elementBytes);
        if (s != null) {
            throw new IllegalArgumentException(s);
        }
    }

    /** Bytes as binary megabytes or gigabytes, e.g. {@code 412 MB}, {@code 3.0 GB}. */
    public static String human(long bytes) {
        if (bytes >= 10L << 30) {
            return String.format(Locale.ROOT, "%d GB", bytes >> 30);
        }
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30));
        }
        return String.format(Locale.ROOT, "%d MB", (bytes + (1 << 20) - 1) >> 20);
    }
}
