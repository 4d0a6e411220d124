package dev.jnn.nn;

import dev.jnn.tensor.DType;
import dev.jnn.tensor.Parallel;
import dev.jnn.tensor.Rng;
import dev.jnn.tensor.Tensor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Derivatives of large maps, which run in row blocks on the kernel threads, equal the element-wise formulas. */
class ActivationTest {
    @AfterEach
    void resetThreads() {
        Parallel.setThreads(0);
    }

    @Test
    void derivativesOfLargeMapsAtAnyThreadCount() {
        Rng rng = new Rng(3);
        int rows = 301;
        int cols = 257; // 77,357 elements: split into pieces at 2 and more threads
        for (DType dtype : DType.values()) {
            Tensor a = Tensor.zeros(dtype, rows, cols);
            Tensor delta = Tensor.zeros(dtype, rows, cols);
            for (int i = 0; i < a.size(); i++) {
                a.setFlat(i, i % 3 == 0 ? 0 : rng.nextDouble() * 2 - 1); // relu's outputs hold exact zeros
                delta.setFlat(i, rng.nextDouble() * 2 - 1);
            }
            for (Activation f : new Activation[] {Activation.RELU, Activation.TANH, Activation.LOGISTIC,
                Activation.LEAKY_RELU}) {
                for (int threads : new int[] {1, 2, 3}) {
                    Parallel.setThreads(threads);
                    Tensor d = delta.copy();
                    f.derivative(a, d, 0.1);
                    for (int i = 0; i < a.size(); i++) {
                        double v = a.getFlat(i);
                        double slope = switch (f) {
                            case RELU -> v == 0 ? 0 : 1; // scikit-learn's rule, through the output
                            case TANH -> 1 - v * v;
                            case LOGISTIC -> v * (1 - v);
                            default -> v > 0 ? 1 : 0.1;
                        };
                        assertEquals(delta.getFlat(i) * slope, d.getFlat(i), dtype == DType.FLOAT32 ? 1e-6 : 1e-15,
                                f + " " + dtype + " at " + threads + " threads, element " + i);
                    }
                }
            }
        }
    }
}
