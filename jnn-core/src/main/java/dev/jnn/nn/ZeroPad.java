package dev.jnn.nn;

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
    private final Im2col g;
    private final Im2col valid;
    private Tensor padded;
    private Tensor gradient;

    /** Padding for the convolution {@code g}. */
    ZeroPad(Im2col g) {
        this.g = g;
        // Exactly the pixels the outputs read: with strides, trailing input rows or columns may be left out.
        this.valid = new Im2col((g.outHeight() - 1) * g.sy() + g.kh(), (g.outWidth() - 1) * g.sx() + g.kw(),
                g.channels(), g.kh(), g.kw(), g.sy(), g.sx(), 0, 0, g.outHeight(), g.outWidth());
    }

    /** The same convolution over the padded image, without padding. */
    Im2col valid() {
        return valid;
    }

    /** {@code x} (rows × height·width·channels, float32) inside zero borders, in a buffer reused across calls. */
    Tensor pad(Tensor x) {
        int rows = x.rows();
        padded = Shapes.ensure(padded, x.dtype(), rows, cols(valid));
        Tensor p = padded.rows(0, rows);
        int lines = lines(), run = run();
        int tasks = Parallel.tasksFor(rows);
        Parallel.forEach(tasks, t -> {
            for (int n = rows * t / tasks; n < rows * (t + 1) / tasks; n++) {
                int src = x.offset() + n * x.cols();
                int dst = p.offset() + n * p.cols() + (g.padTop() * valid.width() + g.padLeft()) * g.channels();
                for (int y = 0; y < lines; y++) {
                    System.arraycopy(x.floatData(), src + y * g.width() * g.channels(), p.floatData(),
                            dst + y * valid.width() * g.channels(), run);
                }
            }
        });
        return p;
    }

    /** A buffer for the padded image's gradient, rows × the padded size. */
    Tensor gradientBuffer(Tensor like, int rows) {
        gradient = Shapes.ensure(gradient, like.dtype(), rows, cols(valid));
        return gradient.rows(0, rows);
    }

    /** {@code dx} (rows × height·width·channels) from the padded image's gradient {@code dp}: its interior. */
    void crop(Tensor dp, Tensor dx) {
        int rows = dx.rows();
        int lines = lines(), run = run();
        // Input pixels that no output reads (strides leaving the last rows or columns out) get a zero gradient.
        boolean partial = lines < g.height() || run < g.width() * g.channels();
        int tasks = Parallel.tasksFor(rows);
        Parallel.forEach(tasks, t -> {
            for (int n = rows * t / tasks; n < rows * (t + 1) / tasks; n++) {
                int dst = dx.offset() + n * dx.cols();
                int src = dp.offset() + n * dp.cols() + (g.padTop() * valid.width() + g.padLeft()) * g.channels();
                if (partial) {
                    Arrays.fill(dx.floatData(), dst, dst + dx.cols(), 0f);
                }
                for (int y = 0; y < lines; y++) {
                    System.arraycopy(dp.floatData(), src + y * valid.width() * g.channels(), dx.floatData(),
                            dst + y * g.width() * g.channels(), run);
                }
            }
        });
    }

    /** Input rows that land inside the padded image. */
    private int lines() {
        return Math.min(g.height(), valid.height() - g.padTop());
    }

    /** Floats per input row that land inside the padded image. */
    private int run() {
        return Math.min(g.width(), valid.width() - g.padLeft()) * g.channels();
    }

    private static int cols(Im2col v) {
        return v.height() * v.width() * v.channels();
    }
}
