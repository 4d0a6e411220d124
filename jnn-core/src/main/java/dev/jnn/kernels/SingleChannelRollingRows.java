package dev.jnn.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link SingleChannelConv}'s multiply-adds for kernels of three or five rows. They walk down the input rows once,
 * and every vector loaded from an input row serves all the kernel rows: in the forward pass it feeds the output rows
 * that the kernel rows reach, whose sums stay in registers as the walk moves on; in the kernel gradient it meets
 * the gradients of those rows, kept likewise. {@link SingleChannelTapRows}, for other heights, loads each input vector once per
 * kernel row, and those loads, not the multiplies, bound it. The forward sums keep {@link SingleChannelTapRows}'s order (bias,
 * then the taps row by row), so the outputs are the same bits.
 *
 * <p>Layouts are {@link SingleChannelConv}'s: expanded pixels, chunks of {@code span = vectors·L} lanes and
 * {@code perRow} chunks per output row; output and gradient rows here lie {@code perRow·span} floats apart. The
 * walk of a kernel of {@code kh} rows takes {@code kh − 1} steps before its first output row is complete. Each
 * method computes vector {@code j} of every chunk, in blocks of chunks whose sums fit in registers, then single
 * chunks; the subclasses hold the register code, written out so that no vector is boxed.
 */
abstract sealed class SingleChannelRollingRows permits SingleChannelThreeRows, SingleChannelFiveRows {
    /** {@link SingleChannelConv}'s species, a constant: the Vector API compiles to vectors only with one. */
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int L = S.length();

    final int vectors;
    final int perRow;
    final int span;
    final int stride;
    /** Expanded floats per input row, the input rows, and the kernel's width. */
    final int rowStep;
    final int inRows;
    final int kw;
    /** Expanded floats between horizontally adjacent pixels (the filter count). */
    final int pixelStep;
    /** Chunks per block of the kernel gradient. */
    private final int gradientBlock;

    SingleChannelRollingRows(ConvGeometry g, int filters, int vectors, int perRow, int kh, int gradientBlock) {
        if (g.kh() != kh) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " needs a kernel of " + kh
                    + " rows, got " + g.kh());
        }
        this.vectors = vectors;
        this.perRow = perRow;
        this.span = vectors * L;
        this.stride = perRow * span;
        this.rowStep = g.width() * filters;
        this.inRows = g.height();
        this.kw = g.kw();
        this.pixelStep = filters;
        this.gradientBlock = gradientBlock;
    }

    /** The walk for {@code g}'s kernel height, or null when none exists for it. */
    static SingleChannelRollingRows of(ConvGeometry g, int filters, int vectors, int perRow) {
        return switch (g.kh()) {
            case 3 -> new SingleChannelThreeRows(g, filters, vectors, perRow);
            case 5 -> new SingleChannelFiveRows(g, filters, vectors, perRow);
            default -> null;
        };
    }

    /**
     * Vector {@code j} of every output chunk, relu'd when {@code floor} is 0 (−∞ leaves it alone), from expanded
     * pixels {@code e} and the repeated kernel {@code kp} and bias. Output row {@code oy} lands at row
     * {@code oy + kh − 1} of {@code out}: the rows before take the throwaway sums of the walk's first steps.
     */
    final void forward(float[] e, float[] kp, float[] bias, int j, float floor, float[] out) {
        int c = 0;
        for (; c + 4 <= perRow; c += 4) {
            forward4(e, kp, bias, j, c, floor, out);
        }
        for (; c < perRow; c++) {
            forward1(e, kp, bias, j, c, floor, out);
        }
    }

    /**
     * Adds vector {@code j} of each tap's products to {@code sums} (tap-major, {@code vectors} vectors per tap).
     * {@code grad} holds the output rows' gradients, zero in the lanes past each row's end, then {@code kh − 1}
     * rows of zeros, which the walk's last steps read.
     */
    final void kernelGradient(float[] e, float[] grad, int j, float[] sums) {
        int c = 0;
        for (; c + gradientBlock <= perRow; c += gradientBlock) {
            for (int kx = 0; kx < kw; kx++) {
                gradientBlock(e, grad, j, c, kx, sums);
            }
        }
        for (; c < perRow; c++) {
            for (int kx = 0; kx < kw; kx++) {
                gradient1(e, grad, j, c, kx, sums);
            }
        }
    }

    /** {@link #forward}'s four chunks from chunk {@code c}. */
    abstract void forward4(float[] e, float[] kp, float[] bias, int j, int c, float floor, float[] out);

    /** {@link #forward}'s chunk {@code c}. */
    abstract void forward1(float[] e, float[] kp, float[] bias, int j, int c, float floor, float[] out);

    /** {@link #kernelGradient}'s kernel column {@code kx}, for a block of chunks from chunk {@code c}. */
    abstract void gradientBlock(float[] e, float[] grad, int j, int c, int kx, float[] sums);

    /** {@link #kernelGradient}'s kernel column {@code kx}, for chunk {@code c}. */
    abstract void gradient1(float[] e, float[] grad, int j, int c, int kx, float[] sums);

    static void add(float[] sums, int at, FloatVector v) {
        FloatVector.fromArray(S, sums, at).add(v).intoArray(sums, at);
    }
}
