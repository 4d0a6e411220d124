package dev.jnn.tensor;

import dev.jnn.util.MemoryBudget;

import java.util.Arrays;

/**
 * A dense, row-major array of {@code float} or {@code double} with a shape.
 *
 * <p>A tensor is a window on a backing array: {@link #offset()} is where its first element sits and the
 * elements follow contiguously. {@link #rows(int, int)} and {@link #reshape(int...)} return views that share
 * the backing array, so a minibatch costs no copy. Kernels ({@link Gemm}, {@link Kernels}) take tensors or the
 * raw arrays with offsets.
 */
public final class Tensor {
    private final DType dtype;
    private final int[] shape;
    private final float[] f;
    private final double[] d;
    private final int offset;
    private final int size;
    /** Elements per row, computed once: kernels ask for it per sample. */
    private final int cols;

    private Tensor(DType dtype, int[] shape, float[] f, double[] d, int offset) {
        this.dtype = dtype;
        this.shape = shape;
        this.f = f;
        this.d = d;
        this.offset = offset;
        this.size = sizeOf(shape);
        this.cols = shape.length == 0 ? 1 : sizeOf(Arrays.copyOfRange(shape, 1, shape.length));
        int capacity = f != null ? f.length : d.length;
        if (offset < 0 || (long) offset + size > capacity) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " at offset " + offset
                    + " does not fit a backing array of length " + capacity);
        }
    }

    /** A new tensor of zeros. */
    public static Tensor zeros(DType dtype, int... shape) {
        int[] s = checkShape(shape);
        int n = sizeOf(s);
        if (n >= 1 << 20) {   // small tensors cannot exhaust the heap; large ones are checked before allocating
            MemoryBudget.require("a " + dtype.name().toLowerCase(java.util.Locale.ROOT) + " tensor of shape "
                    + Arrays.toString(s), n, dtype.bytes());
        }
        return dtype == DType.FLOAT32
                ? new Tensor(dtype, s, new float[n], null, 0)
                : new Tensor(dtype, s, null, new double[n], 0);
    }

    /** Wraps {@code data} (not copied) as a tensor of the given shape. */
    public static Tensor wrap(float[] data, int... shape) {
        return wrapAt(data, 0, shape);
    }

    /** Wraps {@code data} (not copied) as a tensor of the given shape. */
    public static Tensor wrap(double[] data, int... shape) {
        return wrapAt(data, 0, shape);
    }

    /** Wraps {@code data} from {@code offset} (not copied) as a tensor of the given shape. */
    public static Tensor wrapAt(float[] data, int offset, int... shape) {
        return new Tensor(DType.FLOAT32, checkShape(shape), data, null, offset);
    }

    /** Wraps {@code data} from {@code offset} (not copied) as a tensor of the given shape. */
    public static Tensor wrapAt(double[] data, int offset, int... shape) {
        return new Tensor(DType.FLOAT64, checkShape(shape), null, data, offset);
    }

    /** Copies a rectangular {@code double[][]} into a new FLOAT64 matrix. */
    public static Tensor of(double[][] rows) {
        int cols = checkRectangular(rows.length, i -> rows[i] == null ? -1 : rows[i].length);
        double[] data = new double[Math.multiplyExact(rows.length, cols)];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, data, i * cols, cols);
        }
        return wrap(data, rows.length, cols);
    }

    /** Copies a rectangular {@code float[][]} into a new FLOAT32 matrix. */
    public static Tensor of(float[][] rows) {
        int cols = checkRectangular(rows.length, i -> rows[i] == null ? -1 : rows[i].length);
        float[] data = new float[Math.multiplyExact(rows.length, cols)];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, data, i * cols, cols);
        }
        return wrap(data, rows.length, cols);
    }

    public DType dtype() {
        return dtype;
    }

    /** A copy of the shape. */
    public int[] shape() {
        return shape.clone();
    }

    /** Whether {@code other} has this tensor's shape (without copying either). */
    public boolean sameShape(Tensor other) {
        return Arrays.equals(shape, other.shape);
    }

    public int rank() {
        return shape.length;
    }

    /** Extent of dimension {@code axis}. */
    public int dim(int axis) {
        return shape[axis];
    }

    /** Number of elements. */
    public int size() {
        return size;
    }

    /** Extent of the first dimension (1 for a scalar). */
    public int rows() {
        return shape.length == 0 ? 1 : shape[0];
    }

    /** Elements per row: the product of all dimensions after the first. */
    public int cols() {
        return cols;
    }

    /** Index in the backing array of the first element. */
    public int offset() {
        return offset;
    }

    /** The backing array of a FLOAT32 tensor (shared, not copied). */
    public float[] floatData() {
        if (f == null) {
            throw new IllegalStateException("tensor is " + dtype + ", not float32");
        }
        return f;
    }

    /** The backing array of a FLOAT64 tensor (shared, not copied). */
    public double[] doubleData() {
        if (d == null) {
            throw new IllegalStateException("tensor is " + dtype + ", not float64");
        }
        return d;
    }

    /** A view of rows {@code [from, to)} along the first dimension; shares the backing array. */
    public Tensor rows(int from, int to) {
        if (shape.length == 0) {
            throw new IllegalArgumentException("a scalar has no rows");
        }
        if (from < 0 || to > shape[0] || from > to) {
            throw new IllegalArgumentException("row range [" + from + ", " + to + ") is outside a tensor of shape "
                    + Arrays.toString(shape));
        }
        int[] s = shape.clone();
        s[0] = to - from;
        return new Tensor(dtype, s, f, d, offset + from * cols());
    }

    /** A new rank-2 tensor of the given columns, in that order (columns may repeat). */
    public Tensor takeColumns(int[] columns) {
        requireRank(2);
        int n = rows();
        int c = cols();
        Tensor out = zeros(dtype, n, columns.length);
        for (int j = 0; j < columns.length; j++) {
            java.util.Objects.checkIndex(columns[j], c);
        }
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < columns.length; j++) {
                int from = offset + r * c + columns[j];
                if (dtype == DType.FLOAT64) {
                    out.d[r * columns.length + j] = d[from];
                } else {
                    out.f[r * columns.length + j] = f[from];
                }
            }
        }
        return out;
    }

    /** A new rank-2 tensor of the given rows, in that order (rows may repeat). */
    public Tensor takeRows(int[] rows) {
        requireRank(2);
        Tensor out = zeros(dtype, rows.length, cols());
        takeRows(rows, 0, rows.length, out);
        return out;
    }

    /**
     * Copies rows {@code rows[from..to)} of this rank-2 tensor into the first {@code to - from} rows of {@code out}
     * (same dtype and columns), so a training loop can gather shuffled minibatches into one reused buffer.
     */
    public void takeRows(int[] rows, int from, int to, Tensor out) {
        requireRank(2);
        int cols = cols();
        if (out.dtype != dtype || out.rank() != 2 || out.cols() != cols || out.rows() < to - from) {
            throw new IllegalArgumentException("cannot gather " + (to - from) + " rows of " + this + " into " + out);
        }
        for (int i = from; i < to; i++) {
            if (rows[i] < 0 || rows[i] >= shape[0]) {
                throw new IndexOutOfBoundsException("row " + rows[i] + " of a tensor with " + shape[0] + " rows");
            }
            int dst = out.offset + (i - from) * cols;
            if (dtype == DType.FLOAT64) {
                System.arraycopy(d, offset + rows[i] * cols, out.d, dst, cols);
            } else {
                System.arraycopy(f, offset + rows[i] * cols, out.f, dst, cols);
            }
        }
    }

    /** A view with another shape and the same number of elements; shares the backing array. */
    public Tensor reshape(int... newShape) {
        int[] s = checkShape(newShape);
        if (sizeOf(s) != size) {
            throw new IllegalArgumentException("cannot reshape " + Arrays.toString(shape) + " (" + size
                    + " elements) to " + Arrays.toString(s) + " (" + sizeOf(s) + " elements)");
        }
        return new Tensor(dtype, s, f, d, offset);
    }

    /** The element at a multi-dimensional index, as a double. */
    public double get(int... index) {
        int i = offset + flatIndex(index);
        return f != null ? f[i] : d[i];
    }

    /** Sets the element at a multi-dimensional index (rounded to float for FLOAT32). */
    public void set(double value, int... index) {
        int i = offset + flatIndex(index);
        if (f != null) {
            f[i] = (float) value;
        } else {
            d[i] = value;
        }
    }

    /** Element {@code i} in row-major order, as a double (for small loops that serve both dtypes). */
    public double getFlat(int i) {
        return f != null ? f[offset + i] : d[offset + i];
    }

    /** Sets element {@code i} in row-major order (rounded to float for FLOAT32). */
    public void setFlat(int i, double value) {
        if (f != null) {
            f[offset + i] = (float) value;
        } else {
            d[offset + i] = value;
        }
    }

    /**
     * Copies every element of this tensor into {@code target} (same dtype), starting at row {@code row} of the
     * target's first dimension; the rows must fit.
     */
    public void copyInto(Tensor target, int row) {
        int start = row * (target.shape.length == 0 ? 1 : target.size / Math.max(1, target.shape[0]));
        if (target.dtype != dtype || row < 0 || start + size > target.size) {
            throw new IllegalArgumentException("cannot copy " + this + " into row " + row + " of " + target);
        }
        if (f != null) {
            System.arraycopy(f, offset, target.f, target.offset + start, size);
        } else {
            System.arraycopy(d, offset, target.d, target.offset + start, size);
        }
    }

    /** A contiguous copy with its own backing array. */
    public Tensor copy() {
        return f != null
                ? new Tensor(dtype, shape.clone(), Arrays.copyOfRange(f, offset, offset + size), null, 0)
                : new Tensor(dtype, shape.clone(), null, Arrays.copyOfRange(d, offset, offset + size), 0);
    }

    /** This tensor converted to {@code target} (a copy, even when the type is the same). */
    public Tensor to(DType target) {
        if (target == dtype) {
            return copy();
        }
        Tensor out = zeros(target, shape);
        if (target == DType.FLOAT64) {
            for (int i = 0; i < size; i++) {
                out.d[i] = f[offset + i];
            }
        } else {
            for (int i = 0; i < size; i++) {
                out.f[i] = (float) d[offset + i];
            }
        }
        return out;
    }

    /** The elements as a new {@code double[]} in row-major order. */
    public double[] toDoubleArray() {
        return to(DType.FLOAT64).d;
    }

    /** A rank-2 tensor as a new {@code double[rows][cols]}. */
    public double[][] toDoubleMatrix() {
        requireRank(2);
        double[] flat = toDoubleArray();
        double[][] out = new double[shape[0]][];
        for (int i = 0; i < shape[0]; i++) {
            out[i] = Arrays.copyOfRange(flat, i * shape[1], (i + 1) * shape[1]);
        }
        return out;
    }

    /** Throws unless this tensor has the given rank. */
    public Tensor requireRank(int rank) {
        if (shape.length != rank) {
            throw new IllegalArgumentException("expected a rank-" + rank + " tensor, got shape " + Arrays.toString(shape));
        }
        return this;
    }

    @Override
    public String toString() {
        return TensorText.of(this);
    }

    private int flatIndex(int[] index) {
        if (index.length != shape.length) {
            throw new IllegalArgumentException("index " + Arrays.toString(index) + " does not match shape "
                    + Arrays.toString(shape));
        }
        int flat = 0;
        for (int a = 0; a < index.length; a++) {
            if (index[a] < 0 || index[a] >= shape[a]) {
                throw new IndexOutOfBoundsException("index " + Arrays.toString(index) + " is outside shape "
                        + Arrays.toString(shape));
            }
            flat = flat * shape[a] + index[a];
        }
        return flat;
    }

    private static int[] checkShape(int[] shape) {
        for (int s : shape) {
            if (s < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
        }
        sizeOf(shape);
        return shape.clone();
    }

    private static int sizeOf(int[] shape) {
        long n = 1;
        for (int s : shape) {
            n *= s;
            if (n > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " has more than 2^31 elements");
            }
        }
        return (int) n;
    }

    private static int checkRectangular(int n, java.util.function.IntUnaryOperator lengthOf) {
        int cols = n == 0 ? 0 : lengthOf.applyAsInt(0);
        for (int i = 0; i < n; i++) {
            int len = lengthOf.applyAsInt(i);
            if (len < 0) {
                throw new IllegalArgumentException("row " + i + " is null");
            }
            if (len != cols) {
                throw new IllegalArgumentException("row " + i + " has " + len + " columns, row 0 has " + cols);
            }
        }
        return cols;
    }
}
