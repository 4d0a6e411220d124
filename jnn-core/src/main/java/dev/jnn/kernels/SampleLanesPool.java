package dev.jnn.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import java.util.Arrays;

/**
 * 2×2 max pooling with stride 2 of a block's relu'd convolution output in (feature, lane) order, for
 * {@link SampleLanesConv}'s pooled pass: each window's four vectors hold 16 samples, so a window is three compares.
 * As {@link MaxPool2D}: windows in (top left, top right, bottom left, bottom right) order, a later value wins only
 * when strictly larger, and the first NaN wins. The winner is kept per lane as 0 to 3, or −1 where the maximum is
 * not above 0: relu's derivative is 0 there, whichever position won.
 */
final class SampleLanesPool {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_512;

    private SampleLanesPool() {
    }

    /**
     * Pools the (oh, ow, filters) output lanes at {@code ol[ob]} into (oh/2, ow/2, filters) lanes at {@code pl[0]},
     * and the winners into {@code win[wb]}.
     */
    static void forward(float[] ol, int ob, int oh, int ow, int filters, float[] pl, float[] win, int wb) {
        int ph = oh / 2, pw = ow / 2;
        int row = ow * filters * 16;
        FloatVector zero = FloatVector.zero(S);
        for (int py = 0; py < ph; py++) {
            for (int px = 0; px < pw; px++) {
                int o = ob + ((2 * py) * ow + 2 * px) * filters * 16;
                int p = (py * pw + px) * filters * 16;
                for (int f = 0; f < filters; f++, o += 16, p += 16) {
                    FloatVector best = FloatVector.fromArray(S, ol, o);
                    FloatVector at = zero;
                    FloatVector v = FloatVector.fromArray(S, ol, o + filters * 16);
                    VectorMask<Float> m = wins(v, best);
                    best = best.blend(v, m);
                    at = at.blend(1f, m);
                    v = FloatVector.fromArray(S, ol, o + row);
                    m = wins(v, best);
                    best = best.blend(v, m);
                    at = at.blend(2f, m);
                    v = FloatVector.fromArray(S, ol, o + row + filters * 16);
                    m = wins(v, best);
                    best = best.blend(v, m);
                    at = at.blend(3f, m);
                    best.intoArray(pl, p);
                    // not above 0 (NaN is): relu's derivative is 0 at the winner
                    at.blend(-1f, best.compare(VectorOperators.LE, 0f)).intoArray(win, wb + p);
                }
            }
        }
    }

    /** Where {@code v} replaces {@code best}: strictly larger, or the first NaN. */
    private static VectorMask<Float> wins(FloatVector v, FloatVector best) {
        return v.compare(VectorOperators.GT, best).or(v.test(VectorOperators.IS_NAN))
                .andNot(best.test(VectorOperators.IS_NAN));
    }

    /**
     * The output-gradient lanes at {@code zl[zb]}, (oh, ow, filters), from the pooled gradient lanes at {@code gl[0]}
     * and the winners at {@code win[pb]}: each pooled gradient goes to its window's winner, zeros elsewhere.
     */
    static void backward(float[] gl, float[] win, int pb, int oh, int ow, int filters, float[] zl, int zb) {
        int ph = oh / 2, pw = ow / 2;
        int row = ow * filters * 16;
        if (oh % 2 != 0 || ow % 2 != 0) { // the last row or column is in no window
            Arrays.fill(zl, zb, zb + oh * row, 0f);
        }
        for (int py = 0; py < ph; py++) {
            for (int px = 0; px < pw; px++) {
                int z = zb + ((2 * py) * ow + 2 * px) * filters * 16;
                int p = (py * pw + px) * filters * 16;
                for (int f = 0; f < filters; f++, z += 16, p += 16) {
                    FloatVector g = FloatVector.fromArray(S, gl, p);
                    FloatVector at = FloatVector.fromArray(S, win, pb + p);
                    g.blend(0f, at.compare(VectorOperators.NE, 0f)).intoArray(zl, z);
                    g.blend(0f, at.compare(VectorOperators.NE, 1f)).intoArray(zl, z + filters * 16);
                    g.blend(0f, at.compare(VectorOperators.NE, 2f)).intoArray(zl, z + row);
                    g.blend(0f, at.compare(VectorOperators.NE, 3f)).intoArray(zl, z + row + filters * 16);
                }
            }
        }
    }
}
