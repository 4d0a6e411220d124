package dev.jnn.cli;

import dev.jnn.tensor.DType;
import dev.jnn.tensor.Parallel;

/** Checks and applies the option values that several commands share. */
final class OptionValues {
    private OptionValues() {
    }

    /** {@code --dtype}: float32 or float64, anything else a usage error. */
    static DType dtype(String value) {
        return switch (value) {
            case "float64" -> DType.FLOAT64;
            case "float32" -> DType.FLOAT32;
            default -> throw new IllegalArgumentException("--dtype must be float32 or float64, got '" + value + "'");
        };
    }

    /** {@code --threads}: sets the kernel thread count when given; below 1 is a usage error. */
    static void threads(Integer value) {
        if (value != null) {
            if (value < 1) {
                throw new IllegalArgumentException("--threads must be >= 1, got " + value);
            }
            Parallel.setThreads(value);
        }
    }
}
