package dev.jnn.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import java.util.Arrays;

/**
 * Float32 max pooling over 2×2 windows with stride 2, the common case, with channels across vector lanes. The
 * four window positions are visited in the order of the float64 loop of {@link MaxPool2D}, and a later position
 * replaces the best only when strictly larger, so the first of equal values is kept, as there. Samples without NaN
 * compare floats directly; a sample with a NaN compares monotonic integer keys (value bits with NaN canonical and
 * above +∞, −0 as +0), so that NaN wins as it does there. The two orders agree on everything but NaN.
 */
public final class MaxPool2x2 {
    /**
     * 256-bit vectors where the machine has them: pooled layers often have 8 channels or fewer, which would leave
     * most of a 512-bit vector idle (LeNet's first pooling runs ~10% faster so on an AVX-512 machine).
     */
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED.length() >= 8
            ? FloatVector.SPECIES_256 : FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> I = F.length() == 8 ? IntVector.SPECIES_256
            : IntVector.SPECIES_PREFERRED;
    private static final int CANONICAL_NAN = 0x7fc00000;

    private MaxPool2x2() {
    }

    /**
     * Pools one sample whose rows hold {@code width}·{@code channels} floats, starting at {@code x[xo]}. Outputs go
     * to {@code out} from {@code oo}, and their input positions (relative to {@code xo}) to {@code argmax} from
     * {@code ao}.
     */
    public static void forward(float[] x, int xo, float[] out, int oo, int[] argmax, int ao, int width, int channels,
            int outHeight, int outWidth) {
        int rowLen = width * channels;
        int used = 2 * outHeight * rowLen;
        if (xo + used + F.length() > x.length) { // a whole-vector load could run past the end: pool a padded copy
            forward(Arrays.copyOfRange(x, xo, xo + used + F.length()), 0, out, oo, argmax, ao, width, channels,
                    outHeight, outWidth);
            return;
        }
        int outCols = outHeight * outWidth * channels;
        int lanes = F.length();
        // Whole-vector loads, and whole-vector stores that each overwrite the previous one's extra lanes, for the
        // positions whose stores stay inside the sample's outputs; the last few outputs take the scalar path. (Masked
        // accesses, or stores through a small array, cost more here than the arithmetic; the latter box the vectors.)
        int lastChunk = (channels - 1) / lanes * lanes;
        int positions = outCols - lastChunk - lanes < 0 ? 0 : (outCols - lastChunk - lanes) / channels + 1;
        boolean keys = hasNaN(x, xo, used);
        // The last chunk first: its extra lanes land on the next position's first channels, which the other chunks
        // then overwrite.
        for (int i = 0; i <= lastChunk; i += lanes) {
            int c = i == 0 ? lastChunk : i - lanes;
            for (int oy = 0; oy * outWidth < positions; oy++) {
                int oxEnd = Math.min(outWidth, positions - oy * outWidth);
                int p = 2 * oy * rowLen + c;
                int o = oy * outWidth * channels + c;
                if (keys) {
                    rowByKeys(x, xo, p, out, oo + o, argmax, ao + o, rowLen, channels, oxEnd);
                } else {
                    row(x, xo, p, out, oo + o, argmax, ao + o, rowLen, channels, oxEnd);
                }
            }
        }
        scalarTail(x, xo, out, oo, argmax, ao, positions * channels, rowLen, channels, outWidth, outCols);
    }

    /**
     * One output row's {@code count} positions of one chunk of channels, from input position {@code p} (relative
     * to {@code xo}) on. A plain loop: in the same loop as the chunks and the rows, and with the NaN test inside,
     * the vector work ran four times slower.
     */
    private static void row(float[] x, int xo, int p, float[] out, int o, int[] argmax, int a, int rowLen,
            int channels, int count) {
        IntVector iota = IntVector.zero(I).addIndex(1);
        for (int ox = 0; ox < count; ox++, p += 2 * channels, o += channels, a += channels) {
            FloatVector tl = FloatVector.fromArray(F, x, xo + p);
            FloatVector tr = FloatVector.fromArray(F, x, xo + p + channels);
            FloatVector bl = FloatVector.fromArray(F, x, xo + p + rowLen);
            FloatVector br = FloatVector.fromArray(F, x, xo + p + rowLen + channels);
            IntVector at = iota.add(p);
            VectorMask<Float> m = tr.compare(VectorOperators.GT, tl);
            FloatVector bestV = tl.blend(tr, m);
            IntVector bestP = at.blend(at.add(channels), m.cast(I));
            m = bl.compare(VectorOperators.GT, bestV);
            bestV = bestV.blend(bl, m);
            bestP = bestP.blend(at.add(rowLen), m.cast(I));
            m = br.compare(VectorOperators.GT, bestV);
            bestV = bestV.blend(br, m);
            bestP = bestP.blend(at.add(rowLen + channels), m.cast(I));
            bestP.intoArray(argmax, a);
            bestV.intoArray(out, o);
        }
    }

    /** {@link #row} for samples with a NaN: compares monotonic integer keys, so that NaN wins. */
    private static void rowByKeys(float[] x, int xo, int p, float[] out, int o, int[] argmax, int a, int rowLen,
            int channels, int count) {
        IntVector iota = IntVector.zero(I).addIndex(1);
        for (int ox = 0; ox < count; ox++, p += 2 * channels, o += channels, a += channels) {
            FloatVector tl = FloatVector.fromArray(F, x, xo + p);
            IntVector at = iota.add(p);
            IntVector bestK = monotonic(tl);
            FloatVector bestV = tl;
            IntVector bestP = at;
            for (int q = 1; q < 4; q++) {
                int d = (q >> 1) * rowLen + (q & 1) * channels; // right, below, below right
                FloatVector v = FloatVector.fromArray(F, x, xo + p + d);
                IntVector k = monotonic(v);
                VectorMask<Integer> larger = k.compare(VectorOperators.GT, bestK);
                bestK = bestK.max(k);
                bestP = bestP.blend(at.add(d), larger);
                bestV = bestV.blend(v, larger.cast(F));
            }
            bestP.intoArray(argmax, a);
            bestV.intoArray(out, o);
        }
    }

    /**
     * Whether {@link #backward} applies: the windows tile the whole sample (even height and width), and the channels
     * fill whole vectors, or at least half of one, so that no vector access before the sample's last window
     * reaches past the sample's end.
     */
    public static boolean tiles(int height, int width, int channels) {
        int lanes = F.length();
        return height % 2 == 0 && width % 2 == 0
                && (channels % lanes == 0 || channels < lanes && 2 * channels >= lanes);
    }

    /**
     * Writes one sample's whole input gradient, from {@code dx[xo]}: each output's gradient {@code g} at its
     * window's remembered position and zeros at the other three, without a separate pass of zeros. A window's top
     * row is written for the whole output row, then its bottom row, so that the lanes a store writes past its
     * window's channels always land where a later store writes; the sample's last window is written one value at
     * a time, as its stores would run into the next sample's gradient.
     */
    public static void backward(float[] g, int go, float[] dx, int xo, int[] argmax, int ao, int width, int channels,
            int outHeight, int outWidth) {
        int rowLen = width * channels;
        for (int oy = 0; oy < outHeight; oy++) {
            int count = oy == outHeight - 1 ? outWidth - 1 : outWidth;
            for (int half = 0; half < 2; half++) {
                int o = oy * outWidth * channels;
                for (int c = 0; c < channels; c += F.length()) {
                    routeRow(g, go + o + c, dx, xo, argmax, ao + o + c, 2 * oy * rowLen + half * rowLen + c,
                            channels, count);
                }
            }
        }
        int o = outHeight * outWidth * channels - channels;
        int p = 2 * (outHeight - 1) * rowLen + 2 * (outWidth - 1) * channels;
        for (int c = 0; c < channels; c++) {
            for (int q = 0; q < 4; q++) {
                int at = p + (q >> 1) * rowLen + (q & 1) * channels + c;
                // + 0f as the scattered sum gives: the sum of +0 and −0 is +0
                dx[xo + at] = argmax[ao + o + c] == at ? g[go + o + c] + 0f : 0f;
            }
        }
    }

    /**
     * One input row's half of {@code count} windows: the left and right positions of each, gradients from
     * {@code g[go]} and positions from {@code argmax[a]} on, the row's first window at input position {@code p}.
     */
    private static void routeRow(float[] g, int go, float[] dx, int xo, int[] argmax, int a, int p, int channels,
            int count) {
        IntVector iota = IntVector.zero(I).addIndex(1);
        FloatVector zero = FloatVector.zero(F);
        for (int ox = 0; ox < count; ox++, go += channels, a += channels, p += 2 * channels) {
            FloatVector v = FloatVector.fromArray(F, g, go).add(0f);
            IntVector at = IntVector.fromArray(I, argmax, a);
            IntVector left = iota.add(p);
            zero.blend(v, at.eq(left).cast(F)).intoArray(dx, xo + p);
            zero.blend(v, at.eq(left.add(channels)).cast(F)).intoArray(dx, xo + p + channels);
        }
    }

    /** Pools the sample's outputs from index {@code from} on, one at a time, on {@link MaxPool2D}'s scalar keys. */
    private static void scalarTail(float[] x, int xo, float[] out, int oo, int[] argmax, int ao, int from, int rowLen,
            int channels, int outWidth, int outCols) {
        for (int e = from; e < outCols; e++) {
            int pos = e / channels;
            int p = 2 * (pos / outWidth) * rowLen + 2 * (pos % outWidth) * channels + e % channels;
            long k = Long.MIN_VALUE;
            for (int q = 0; q < 4; q++) {
                int at = p + (q >> 1) * rowLen + (q & 1) * channels;
                k = Math.max(k, MaxPoolKeys.key(x[xo + at], at));
            }
            int best = MaxPoolKeys.position(k);
            argmax[ao + e] = best;
            out[oo + e] = x[xo + best];
        }
    }

    /**
     * Whether {@code x[from, from + n)} may hold a NaN: a sum of all values is NaN if one is (and also when +∞ meets
     * −∞, which only costs the slower exact path).
     */
    private static boolean hasNaN(float[] x, int from, int n) {
        int lanes = F.length();
        FloatVector s0 = FloatVector.zero(F);
        FloatVector s1 = FloatVector.zero(F);
        int i = 0;
        for (; i + 2 * lanes <= n; i += 2 * lanes) {
            s0 = s0.add(FloatVector.fromArray(F, x, from + i));
            s1 = s1.add(FloatVector.fromArray(F, x, from + i + lanes));
        }
        float s = s0.add(s1).reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            s += x[from + i];
        }
        return Float.isNaN(s);
    }

    /** Order-preserving integer keys: −0 as +0, every NaN as one value above +∞. */
    private static IntVector monotonic(FloatVector v) {
        FloatVector w = v.add(0f);
        IntVector b = w.reinterpretAsInts();
        IntVector k = b.lanewise(VectorOperators.XOR, b.lanewise(VectorOperators.ASHR, 31).and(Integer.MAX_VALUE));
        return k.blend(CANONICAL_NAN, w.test(VectorOperators.IS_NAN).cast(I));
    }
}
