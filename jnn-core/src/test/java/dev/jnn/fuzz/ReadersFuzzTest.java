package dev.jnn.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.jnn.data.DataException;
import dev.jnn.data.Readers;
import dev.jnn.tensor.DType;

/**
 * Fuzzing the binary and text readers (run with {@code scripts/fuzz}; the default suite leaves these out). Each
 * target may succeed or fail with {@link DataException}, which names the file and offset; any other exception, an
 * {@link OutOfMemoryError} beyond the memory budget, or a hang is a finding. Seeds and findings live in
 * {@code src/test/resources/dev/jnn/fuzz/ReadersFuzzTestInputs/<target>/}.
 */
class ReadersFuzzTest {
    /** Runs one read: success and {@link DataException} are the documented outcomes, anything else escapes. */
    private static void read(Runnable reader) {
        try {
            reader.run();
        } catch (DataException expected) {
            // a documented refusal
        }
    }

    @FuzzTest(maxDuration = "60s")
    void idx(byte[] data) {
        read(() -> Readers.idx(data));
    }

    @FuzzTest(maxDuration = "60s")
    void csv(byte[] data) {
        read(() -> Readers.csv(data));
    }

    @FuzzTest(maxDuration = "60s")
    void npy(byte[] data) {
        read(() -> Readers.npy(data, DType.FLOAT64));
    }

    @FuzzTest(maxDuration = "60s")
    void npz(byte[] data) {
        read(() -> Readers.npz(data, DType.FLOAT32));
    }

    @FuzzTest(maxDuration = "60s")
    void mat(byte[] data) {
        read(() -> Readers.mat(data, DType.FLOAT64));
    }

    @FuzzTest(maxDuration = "60s")
    void image(byte[] data) {
        read(() -> Readers.image(data));
    }
}
