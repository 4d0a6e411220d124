package dev.jnn.tensor;


/**
 * Kernels for the tall, narrow matrices of convolutions (rows = batch × positions, columns = filters), where the
 * general row-broadcast and column-sum kernels waste most of each vector. Work is split into chunks of a fixed
 * number of rows, and per-chunk results are combined in chunk order, so the thread count never changes the bits.
 */
public final class TallKernels {
    private static final int CHUNK = 4096;

    private TallKernels() {
    }

    /**
     * {@code z = z + bias} row by row, then relu when {@code relu}: in float32 as one pass over chunks of rows, else
     * the general kernels.
     */
    public static void addBias(Tensor z, Tensor bias, boolean relu) {
        if (z.dtype() != DType.FLOAT32) {
            Kernels.addRowVector(z, bias);
            if (relu) {
                Kernels.relu(z);
            }
            return;
        }
        float[] d = z.floatData();
        float[] b = bias.floatData();
        int bo = bias.offset();
        int cols = z.cols();
        int rows = z.rows();
        int chunks = (rows + CHUNK - 1) / CHUNK;
        Parallel.forEach(Math.min(chunks, Parallel.threads()), t -> {
            int tasks = Math.min(chunks, Parallel.threads());
            for (int c = chunks * t / tasks; c < chunks * (t + 1) / tasks; c++) {
                int end = z.offset() + Math.min(rows, (c + 1) * CHUNK) * cols;
                for (int i = z.offset() + c * CHUNK * cols; i < end; i += cols) {
                    for (int j = 0; j < cols; j++) {
                        float v = d[i + j] + b[bo + j];
                        d[i + j] = relu && v < 0 ? 0f : v;
                    }
                }
            }
        });
    }

    /** Column sums of a tall matrix into {@code out}, accumulated per chunk in double. */
    public static void columnSums(Tensor x, Tensor out) {
        int rows = x.rows();
        int cols = x.cols();
        int chunks = (rows + CHUNK - 1) / CHUNK;
        double[][] partial = new double[chunks][cols];
        int tasks = Math.min(chunks, Parallel.threads());
        Parallel.forEach(tasks, t -> {
            for (int c = chunks * t / tasks; c < chunks * (t + 1) / tasks; c++) {
                double[] s = partial[c];
                int end = Math.min(rows, (c + 1) * CHUNK);
                for (int r = c * CHUNK; r < end; r++) {
                    int base = r * cols;
                    for (int j = 0; j < cols; j++) {
                        s[j] += x.getFlat(base + j);
                    }
                }
            }
        });
        for (int j = 0; j < cols; j++) {
            double sum = 0;
            for (double[] s : partial) {
                sum += s[j];
            }
            out.setFlat(j, sum);
        }
    }

    /**
     * {@code out = aᵀ b} for tall {@code a} (rows × m) and {@code b} (rows × n) with a small result: one product
     * per chunk of rows, run in parallel, then summed in chunk order.
     */
    public static void tallTransposedProduct(Tensor a, Tensor b, Tensor out) {
        int rows = a.rows();
        int chunks = (rows + CHUNK - 1) / CHUNK;
        if (chunks < 4) {
            Gemm.gemm(true, false, 1.0, a, b, 0.0, out);
            return;
        }
        Tensor[] partial = new Tensor[chunks];
        int tasks = Math.min(chunks, Parallel.threads());
        Parallel.forEach(tasks, t -> {
            for (int c = chunks * t / tasks; c < chunks * (t + 1) / tasks; c++) {
                int end = Math.min(rows, (c + 1) * CHUNK);
                partial[c] = Tensor.zeros(out.dtype(), out.shape());
                Gemm.gemm(true, false, 1.0, a.rows(c * CHUNK, end), b.rows(c * CHUNK, end), 0.0, partial[c]);
            }
        });
        Kernels.scale(out, 0.0);
        for (Tensor p : partial) {
            Kernels.axpy(1.0, p, out);
        }
    }
}
