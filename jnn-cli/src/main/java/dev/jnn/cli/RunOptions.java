package dev.jnn.cli;

import dev.jnn.tensor.DType;
import dev.jnn.tensor.Parallel;
import picocli.CommandLine.Option;

/** The options of every command that trains: the precision and the kernel threads, declared once. */
final class RunOptions {
    @Option(names = "--dtype", paramLabel = "float32|float64",
            description = "Precision of training. Default: float64 for the MLP estimators (scikit-learn's), float32"
                    + " for --model and jnn bench mlp.")
    String dtype;

    @Option(names = "--threads", paramLabel = "N", description = "Threads for the matrix kernels. Default: all cores.")
    Integer threads;

    /** {@code --dtype} if given, else {@code fallback}; anything but float32 or float64 is a usage error. */
    DType dtype(DType fallback) {
        if (dtype == null) {
            return fallback;
        }
        return switch (dtype) {
            case "float64" -> DType.FLOAT64;
            case "float32" -> DType.FLOAT32;
            default -> throw new IllegalArgumentException("--dtype must be float32 or float64, got '" + dtype + "'");
        };
    }

    /** Sets the kernel thread count when {@code --threads} was given; below 1 is a usage error. */
    void applyThreads() {
        if (threads != null) {
            if (threads < 1) {
                throw new IllegalArgumentException("--threads must be >= 1, got " + threads);
            }
            Parallel.setThreads(threads);
        }
    }
}
