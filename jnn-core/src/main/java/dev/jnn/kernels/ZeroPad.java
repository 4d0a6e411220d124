package dev.jnn.kernels;

import dev.jnn.tensor.Buffers;
import dev.jnn.tensor.Parallel;
import dev.jnn.tensor.Tensor;

import java.util.Arrays;

/**
 * Zero padding for the direct float32 kernels, which compute valid convolutions only: a padded convolution is the
 * valid one over a copy of the input inside zero borders, and its input gradient is the valid one's, cropped. The
 * copy is one pass over the input, small next to the convolution. The buffers' borders are zero when allocated
 * and only the interior is ever written, so they stay zero.
 */
final class ZeroPad {
    private final ConvGeometry g;
    private final ConvGeometry valid;
    private Tensor padded;
    private Tensor gradient;

    /** Padding for the convolution {@code g}. */
    ZeroPad(ConvGeometry g) {
        this.g = g;
        // Exactly the pixels the outputs read: with strides, trailing input rows or columns may be left out.
        this.valid = new ConvGeometry((g.outHeight() - 1) * g.sy() + g.kh(), (g.outWidth() - 1) * g.sx() + g.kw(),
                g.channels(), g.kh(), g.kw(), g.sy(), g.sx(), 0, 0, g.outHeight(), g.outWidth());
    }

    /** The same convolution over the padded image, without padding. */
    ConvGeometry valid() {
        return valid;
    }

    /** {@code x} (rows × height·width·channels, float32) inside zero borders, in a buffer reused across calls. */
    Tensor pad(Tensor x) {
        padded = Buffers.ensure(padded, x.dtype(), x.rows(), cols(valid));
        Tensor p = padded.rows(0, x.rows());
        copy(x, p, true);
        return p;
    }

    /** A buffer for the padded image's gradient, rows × the padded size. */
    Tensor gradientBuffer(Tensor like, int rows) {
        gradient = Buffers.ensure(gradient, like.dtype(), rows, cols(valid));
        return gradient.rows(0, rows);
    }

    /** {@code dx} (rows × height·width·channels) from the padded image's gradient {@code dp}: its interior. */
    void crop(Tensor dp, Tensor dx) {
        copy(dp, dx, false);
    }

    /**
     * Copies the input-sized rows between an image and its padded copy: into the padded interior when
     * {@code intoPadded}, else out of it. Input pixels that no output reads (strides leaving the last rows or
     * columns out) get zeros when copying out; the padded copy never holds them.
     */
    private void copy(Tensor from, Tensor to, boolean intoPadded) {
        int rows = from.rows();
        int lines = Math.min(g.height(), valid.height() - g.padTop());
        int run = Math.min(g.width(), valid.width() - g.padLeft()) * g.channels();
        int inset = (g.padTop() * valid.width() + g.padLeft()) * g.channels();
        int plain = g.width() * g.channels();
        int wide = valid.width() * g.channels();
        int fromRow = intoPadded ? plain : wide, toRow = intoPadded ? wide : plain;
        int fromInset = intoPadded ? 0 : inset, toInset = intoPadded ? inset : 0;
        boolean clear = !intoPadded && (lines < g.height() || run < plain);
        int tasks = Parallel.tasksFor(rows);
        Parallel.forEach(tasks, t -> {
            for (int n = rows * t / tasks; n < rows * (t + 1) / tasks; n++) {
                int src = from.offset() + n * from.cols() + fromInset;
                int dst = to.offset() + n * to.cols() + toInset;
                if (clear) {
                    Arrays.fill(to.floatData(), dst, dst + to.cols(), 0f);
                }
                for (int y = 0; y < lines; y++) {
                    System.arraycopy(from.floatData(), src + y * fromRow, to.floatData(), dst + y * toRow, run);
                }
            }
        });
    }

    private static int cols(ConvGeometry v) {
        return v.height() * v.width() * v.channels();
    }
}
