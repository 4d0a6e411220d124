package dev.jnn.kernels;

import dev.jnn.tensor.DType;
import dev.jnn.tensor.Parallel;
import dev.jnn.tensor.Tensor;
import dev.jnn.tensor.VectorSupport;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The input gradient of a float32 convolution with valid padding and stride 1, computed straight from the output
 * gradient: {@code dx[iy, ix, c] = Σ dz[iy-ky, ix-kx, f] · K[ky, kx, c, f]} over the taps and filters that exist.
 *
 * <p>The GEMM-and-col2im route costs a 54-column product plus a scatter-add whose stores are read straight back;
 * here each sample's dz is first copied into one zero-bordered plane per filter, so that every tap of a whole row
 * of dx is one vector load from a plane. Lanes run along a row; registers hold 2 rows by 6 channels, and each
 * broadcast kernel value serves 2 multiply-adds. The result goes through a (channel, row, column) scratch into
 * dx's (row, column, channel) order. Each element is one chain of multiply-adds in a fixed tap and filter order,
 * per sample, so the thread count never changes the bits.
 */
final class RowLanesInputGradient implements InputGradientKernel {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Channels per register block (zero-padded kernel columns fill the last block). */
    private static final int CB = 6;

    private final ConvGeometry g;
    private final int filters;
    private final int channelBlocks;
    /** Rows of dx rounded up to pairs, vectors per row, and the scratch row stride (whole vectors). */
    private final int rowsPadded;
    private final int segments;
    private final int stride;
    /** One plane per filter: the output gradient with kh-1 zero rows and kw-1 zero columns on each side. */
    private final int planeWidth;
    private final int planeSize;
    /** Per tap (ky, kx): where its window starts in a plane, relative to the dx row's own start. */
    private final int[] tapOffset;
    /**
     * Per pair of dx rows: the taps whose kernel row reaches a dz row from either of them, {@code [from, to)}. The
     * other taps would read only the planes' zero border rows (2 of 5 kernel rows at a 5×5 kernel's edges).
     */
    private final int[] tapFrom;
    private final int[] tapTo;
    private final ThreadLocal<float[][]> scratch;
    /** 16 filters and rows of at most 16 positions: the planes are filled by 16×16 transposes. */
    private final boolean transposed;
    private float[] packedKernel = new float[0];

    RowLanesInputGradient(ConvGeometry g, int filters) {
        if (!suits(g)) {
            throw new IllegalArgumentException("RowLanesInputGradient handles valid padding and stride 1 only");
        }
        this.g = g;
        this.filters = filters;
        this.channelBlocks = (g.channels() + CB - 1) / CB;
        this.rowsPadded = g.height() + (g.height() & 1);
        this.segments = (g.width() + L - 1) / L;
        this.stride = segments * L;
        this.planeWidth = stride + g.kw() - 1;
        this.planeSize = (rowsPadded + g.kh() - 1) * planeWidth;
        transposed = filters == 16 && g.outWidth() <= 16 && Transpose16.fits();
        tapOffset = new int[g.kh() * g.kw()];
        for (int ky = 0; ky < g.kh(); ky++) {
            for (int kx = 0; kx < g.kw(); kx++) {
                tapOffset[ky * g.kw() + kx] = (g.kh() - 1 - ky) * planeWidth + g.kw() - 1 - kx;
            }
        }
        tapFrom = new int[rowsPadded / 2];
        tapTo = new int[rowsPadded / 2];
        for (int pair = 0; pair < tapFrom.length; pair++) {
            int iy = 2 * pair;
            // dx row iy takes dz row iy - ky: kernel rows ky with 0 <= iy - ky or iy + 1 - ky < outHeight.
            tapFrom[pair] = Math.max(0, iy - g.outHeight() + 1) * g.kw();
            tapTo[pair] = (Math.min(g.kh() - 1, iy + 1) + 1) * g.kw();
        }
        // Per thread: the planes (their borders stay zero: only the interior is ever written) and the dx scratch.
        scratch = ThreadLocal.withInitial(() -> new float[][] {new float[filters * planeSize],
            new float[channelBlocks * CB * rowsPadded * stride]});
    }

    /** Whether this kernel applies: float32, valid padding, stride 1, and the Vector API present. */
    static boolean suits(ConvGeometry g, Tensor x) {
        return x.dtype() == DType.FLOAT32 && VectorSupport.available() && suits(g);
    }

    private static boolean suits(ConvGeometry g) {
        return g.padTop() == 0 && g.padLeft() == 0 && g.sy() == 1 && g.sx() == 1;
    }

    @Override
    public void compute(Tensor dz, Tensor kernel, Tensor dx) {
        packKernel(kernel.floatData(), kernel.offset());
        int rows = dx.rows();
        int tasks = Parallel.tasksFor(rows);
        Parallel.forEach(tasks, t -> {
            float[][] s = scratch.get();
            int from = (int) ((long) rows * t / tasks);
            int to = (int) ((long) rows * (t + 1) / tasks);
            for (int n = from; n < to; n++) {
                fillPlanes(dz.floatData(), dz.offset() + n * g.positions() * filters, s[0]);
                for (int b = 0; b < channelBlocks; b++) {
                    for (int iy = 0; iy < rowsPadded; iy += 2) {
                        for (int seg = 0; seg < segments; seg++) {
                            rowPair(s[0], iy * planeWidth + seg * L, b, iy / 2, s[1],
                                    (b * CB * rowsPadded + iy) * stride + seg * L);
                        }
                    }
                }
                scatter(s[1], dx.floatData(), dx.offset() + n * dx.cols());
            }
        });
    }

    /** Kernel values in the order the loop reads them: per channel block, per tap and filter, 6 channels. */
    private void packKernel(float[] k, int ko) {
        int taps = g.kh() * g.kw();
        int c = g.channels();
        int size = channelBlocks * taps * filters * CB;
        if (packedKernel.length != size) {
            packedKernel = new float[size];
        }
        int d = 0;
        for (int b = 0; b < channelBlocks; b++) {
            for (int tap = 0; tap < taps; tap++) {
                for (int f = 0; f < filters; f++, d += CB) {
                    for (int j = 0; j < CB; j++) {
                        int ch = b * CB + j;
                        packedKernel[d + j] = ch < c ? k[ko + (tap * c + ch) * filters + f] : 0f;
                    }
                }
            }
        }
    }

    /** Copies one sample's dz, (oy, ox, filter), into the interior of the per-filter planes. */
    private void fillPlanes(float[] dz, int zo, float[] planes) {
        int oh = g.outHeight();
        int ow = g.outWidth();
        int base = (g.kh() - 1) * planeWidth + g.kw() - 1;
        if (transposed) {
            // A row of dz is ow vectors of 16 filters: its transpose is the row in every plane, with zeros past ow
            // landing on the border (the planes' rows are at least 16 + kw - 1 wide).
            for (int oy = 0; oy < oh; oy++) {
                Transpose16.transpose(dz, zo + oy * ow * filters, ow, planes, base + oy * planeWidth, planeSize);
            }
            return;
        }
        for (int oy = 0; oy < oh; oy++) {
            int src = zo + oy * ow * filters;
            int dst = base + oy * planeWidth;
            // Filter by filter: each plane row is written in order, reading dz at a stride of one position.
            for (int f = 0; f < filters; f++, dst += planeSize) {
                for (int ox = 0; ox < ow; ox++) {
                    planes[dst + ox] = dz[src + ox * filters + f];
                }
            }
        }
    }

    /**
     * Rows iy and iy + 1 (= 2·pair + 1) of channel block b, one vector of columns: 12 accumulators over the pair's
     * taps and every filter. The planes are read from {@code po} (row iy's window start) and the sums stored at
     * {@code out} and a row below.
     */
    private void rowPair(float[] planes, int po, int b, int pair, float[] out, int oo) {
        FloatVector z = FloatVector.zero(S);
        FloatVector a0 = z, a1 = z, a2 = z, a3 = z, a4 = z, a5 = z;
        FloatVector b0 = z, b1 = z, b2 = z, b3 = z, b4 = z, b5 = z;
        float[] k = packedKernel;
        int from = tapFrom[pair];
        int kp = (b * tapOffset.length + from) * filters * CB;
        int pw = planeWidth;
        for (int t = from; t < tapTo[pair]; t++) {
            int p = po + tapOffset[t];
            for (int f = 0; f < filters; f++, p += planeSize, kp += CB) {
                FloatVector u = FloatVector.fromArray(S, planes, p);
                FloatVector v = FloatVector.fromArray(S, planes, p + pw);
                FloatVector w = FloatVector.broadcast(S, k[kp]);
                a0 = u.fma(w, a0);
                b0 = v.fma(w, b0);
                w = FloatVector.broadcast(S, k[kp + 1]);
                a1 = u.fma(w, a1);
                b1 = v.fma(w, b1);
                w = FloatVector.broadcast(S, k[kp + 2]);
                a2 = u.fma(w, a2);
                b2 = v.fma(w, b2);
                w = FloatVector.broadcast(S, k[kp + 3]);
                a3 = u.fma(w, a3);
                b3 = v.fma(w, b3);
                w = FloatVector.broadcast(S, k[kp + 4]);
                a4 = u.fma(w, a4);
                b4 = v.fma(w, b4);
                w = FloatVector.broadcast(S, k[kp + 5]);
                a5 = u.fma(w, a5);
                b5 = v.fma(w, b5);
            }
        }
        int plane = rowsPadded * stride;
        a0.intoArray(out, oo);
        b0.intoArray(out, oo + stride);
        a1.intoArray(out, oo + plane);
        b1.intoArray(out, oo + plane + stride);
        a2.intoArray(out, oo + 2 * plane);
        b2.intoArray(out, oo + 2 * plane + stride);
        a3.intoArray(out, oo + 3 * plane);
        b3.intoArray(out, oo + 3 * plane + stride);
        a4.intoArray(out, oo + 4 * plane);
        b4.intoArray(out, oo + 4 * plane + stride);
        a5.intoArray(out, oo + 5 * plane);
        b5.intoArray(out, oo + 5 * plane + stride);
    }

    /** Writes the valid part of the (channel, row, column) scratch into dx's (row, column, channel) order. */
    private void scatter(float[] s, float[] dx, int xo) {
        int c = g.channels();
        int w = g.width();
        int plane = rowsPadded * stride;
        for (int iy = 0; iy < g.height(); iy++) {
            int row = xo + iy * w * c;
            // Channel by channel: each scratch row is read in order, writing dx at a stride of one position.
            for (int ch = 0; ch < c; ch++) {
                int src = ch * plane + iy * stride;
                for (int ix = 0; ix < w; ix++) {
                    dx[row + ix * c + ch] = s[src + ix];
                }
            }
        }
    }
}
