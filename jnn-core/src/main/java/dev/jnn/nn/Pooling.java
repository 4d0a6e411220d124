package dev.jnn.nn;

import dev.jnn.tensor.Buffers;
import dev.jnn.tensor.DType;
import dev.jnn.tensor.Parallel;
import dev.jnn.tensor.Rng;
import dev.jnn.tensor.Tensor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What max and average pooling share: the window geometry over (height, width, channels) samples with valid
 * padding (windows that do not fit are dropped, as Keras's default), and the split of samples across threads.
 */
abstract sealed class Pooling implements Layer permits MaxPool2D, AveragePooling2D {
    final int py;
    final int px;
    final int sy;
    final int sx;
    int height;
    int width;
    int channels;
    int outHeight;
    int outWidth;
    private Tensor outBuffer;
    private Tensor inGradBuffer;

    Pooling(String name, int py, int px, int sy, int sx) {
        if (py < 1 || px < 1 || sy < 1 || sx < 1) {
            throw new IllegalArgumentException(name + ": pool size and strides must be >= 1, got pool=" + py + "x" + px
                    + ", strides=" + sy + "x" + sx);
        }
        this.py = py;
        this.px = px;
        this.sy = sy;
        this.sx = sx;
    }

    @Override
    public int[] build(int[] in, DType dtype, Rng rng) {
        if (in.length != 3) {
            throw new IllegalArgumentException(type() + " expects samples of shape (height, width, channels), got "
                    + SampleShapes.text(in));
        }
        height = in[0];
        width = in[1];
        channels = in[2];
        outHeight = height >= py ? (height - py) / sy + 1 : 0;
        outWidth = width >= px ? (width - px) / sx + 1 : 0;
        if (outHeight < 1 || outWidth < 1) {
            throw new IllegalArgumentException(type() + ": a " + py + "x" + px + " window does not fit an input of shape "
                    + SampleShapes.text(in));
        }
        outBuffer = inGradBuffer = null;
        return outputShape();
    }

    @Override
    public int[] outputShape() {
        return new int[] {outHeight, outWidth, channels};
    }

    int inCols() {
        return height * width * channels;
    }

    int outCols() {
        return outHeight * outWidth * channels;
    }

    @Override
    public Tensor forward(Tensor x, boolean training) {
        SampleShapes.checkInput(type(), x, inCols());
        int rows = x.rows();
        outBuffer = Buffers.ensure(outBuffer, x.dtype(), rows, outCols());
        Tensor out = outBuffer.rows(0, rows);
        prepare(rows);
        eachSample(rows, n -> forwardSample(x, out, n));
        return out;
    }

    @Override
    public Tensor backward(Tensor gradOutput, boolean needInputGrad) {
        if (!needInputGrad) {
            return null;
        }
        int rows = gradOutput.rows();
        inGradBuffer = Buffers.ensure(inGradBuffer, gradOutput.dtype(), rows, inCols());
        Tensor dx = inGradBuffer.rows(0, rows);
        eachSample(rows, n -> wholeGradientSample(gradOutput, dx, n));
        return dx;
    }

    /** Writes all of sample {@code n}'s input gradient: zeros, then {@link #backwardSample}'s sums. */
    void wholeGradientSample(Tensor gradOut, Tensor dx, int n) {
        int o = dx.offset() + n * inCols();
        if (dx.dtype() == DType.FLOAT32) {
            java.util.Arrays.fill(dx.floatData(), o, o + inCols(), 0f);
        } else {
            java.util.Arrays.fill(dx.doubleData(), o, o + inCols(), 0.0);
        }
        backwardSample(gradOut, dx, n);
    }

    /** Called before a forward pass over {@code rows} samples (to size per-batch state). */
    void prepare(int rows) {
    }

    abstract void forwardSample(Tensor x, Tensor out, int n);

    abstract void backwardSample(Tensor gradOut, Tensor dx, int n);

    private static void eachSample(int rows, java.util.function.IntConsumer body) {
        int tasks = Parallel.tasksFor(rows);
        Parallel.forEach(tasks, t -> {
            int from = (int) ((long) rows * t / tasks);
            int to = (int) ((long) rows * (t + 1) / tasks);
            for (int n = from; n < to; n++) {
                body.accept(n);
            }
        });
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("pool_size", List.of(py, px));
        c.put("strides", List.of(sy, sx));
        c.put("padding", "valid");
        return c;
    }
}
