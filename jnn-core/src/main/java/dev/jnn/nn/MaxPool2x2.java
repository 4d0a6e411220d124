package dev.jnn.nn;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import java.util.Arrays;

/**
 * Float32 max pooling over 2×2 windows with stride 2, the common case, with channels across vector lanes. The
 * four window positions are visited in the order of the float64 loop of {@link MaxPool2D} and compared on
 * monotonic integer keys (value bits with NaN canonical and above +∞, −0 as +0); a later position replaces the
 * best only when strictly larger, so NaN wins and the first of equal values is kept, as there.
 *
 * <p>Masked loads and stores cost about as much as the arithmetic on this kind of machine, so they are kept to
 * the ends: loads read whole vectors whenever the array holds them (the extra lanes are ignored), and stores write
 * whole vectors in increasing order, each overwriting the previous one's extra lanes, except the sample's last.
 */
final class MaxPool2x2 {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> I = IntVector.SPECIES_PREFERRED;
    private static final int CANONICAL_NAN = 0x7fc00000;

    private MaxPool2x2() {
    }

    /**
     * Pools one sample whose rows hold {@code width}·{@code channels} floats, starting at {@code x[xo]}. Outputs go
     * to {@code out} from {@code oo}, and their input positions (relative to {@code xo}) to {@code argmax} from
     * {@code ao}.
     */
    static void forward(float[] x, int xo, float[] out, int oo, int[] argmax, int ao, int width, int channels,
            int outHeight, int outWidth) {
        int rowLen = width * channels;
        int outCols = outHeight * outWidth * channels;
        int lanes = F.length();
        IntVector iota = IntVector.zero(I).addIndex(1);
        // Masked stores (and masked loads at an array's end, which take the JDK's lane-checking path) are slow here:
        // the sample's last vectors are stored through small arrays, and loads past the input's end read a copy.
        for (int oy = 0; oy < outHeight; oy++) {
            int top = 2 * oy * rowLen;
            for (int ox = 0; ox < outWidth; ox++) {
                int o = (oy * outWidth + ox) * channels;
                for (int c = 0; c < channels; c += lanes) {
                    int p = top + 2 * ox * channels + c;
                    FloatVector bestV = load(x, xo + p);
                    IntVector bestK = monotonic(bestV);
                    IntVector bestP = iota.add(p);
                    for (int q = 1; q < 4; q++) {
                        int at = p + (q >> 1) * rowLen + (q & 1) * channels; // right, below, below right
                        FloatVector v = load(x, xo + at);
                        IntVector k = monotonic(v);
                        VectorMask<Integer> larger = k.compare(VectorOperators.GT, bestK);
                        bestK = bestK.max(k);
                        bestP = bestP.blend(iota.add(at), larger);
                        bestV = bestV.blend(v, larger.cast(F));
                    }
                    if (o + c + lanes <= outCols) {
                        bestP.intoArray(argmax, ao + o + c);
                        bestV.intoArray(out, oo + o + c);
                    } else { // the sample's last values: whole vectors would run into the next sample
                        int n = Math.min(lanes, channels - c);
                        int[] lastP = new int[lanes];
                        float[] lastV = new float[lanes];
                        bestP.intoArray(lastP, 0);
                        bestV.intoArray(lastV, 0);
                        System.arraycopy(lastP, 0, argmax, ao + o + c, n);
                        System.arraycopy(lastV, 0, out, oo + o + c, n);
                    }
                }
            }
        }
    }

    /** The vector at {@code x[at]}; lanes past the array's end (never stored) read as zero. */
    private static FloatVector load(float[] x, int at) {
        if (at + F.length() <= x.length) {
            return FloatVector.fromArray(F, x, at);
        }
        return FloatVector.fromArray(F, Arrays.copyOfRange(x, at, at + F.length()), 0);
    }

    /** Order-preserving integer keys: −0 as +0, every NaN as one value above +∞. */
    private static IntVector monotonic(FloatVector v) {
        FloatVector w = v.add(0f);
        IntVector b = w.reinterpretAsInts();
        IntVector k = b.lanewise(VectorOperators.XOR, b.lanewise(VectorOperators.ASHR, 31).and(Integer.MAX_VALUE));
        return k.blend(CANONICAL_NAN, w.test(VectorOperators.IS_NAN).cast(I));
    }
}
