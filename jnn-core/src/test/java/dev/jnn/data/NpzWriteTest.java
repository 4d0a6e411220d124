package dev.jnn.data;

import dev.jnn.tensor.DType;
import dev.jnn.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code NumpyFiles.writeNpz}: numpy.savez's layout (stored NAME.npy entries, each a version 1.0 .npy), read back
 * whole, and an archive with x_test and y_test read by {@code DataFiles.dataset} as its test split.
 */
class NpzWriteTest {
    @Test
    void writesStoredNpyEntriesThatReadBack(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("a.npz");
        Map<String, Tensor> arrays = new LinkedHashMap<>();
        arrays.put("x", Tensor.wrap(new double[] {1, 2, 3, 4, 5, 6}, 3, 2));
        arrays.put("y", Tensor.wrap(new double[] {0, 1, 0}, 3));
        arrays.put("x_test", Tensor.wrap(new double[] {7, 8}, 1, 2));
        arrays.put("y_test", Tensor.wrap(new double[] {1}, 1));
        NumpyFiles.writeNpz(f, arrays);
        try (ZipFile zip = new ZipFile(f.toFile())) {
            ZipEntry e = zip.getEntry("x.npy");
            assertEquals(ZipEntry.STORED, e.getMethod());
            assertArrayEquals(NumpyFiles.npyBytes(arrays.get("x")), zip.getInputStream(e).readAllBytes());
        }
        Map<String, Tensor> back = NumpyFiles.readNpz(f, DType.FLOAT64);
        assertEquals(arrays.keySet(), back.keySet());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, back.get("x").toDoubleArray());
        Dataset set = DataFiles.dataset(f, DataFiles.Options.DEFAULTS, DType.FLOAT64);
        assertEquals(3, set.train().size());
        assertEquals(1, set.test().size());
        assertArrayEquals(new int[] {1}, set.test().y());
        assertEquals(false, Files.exists(dir.resolve("a.npz.tmp")));
    }

    @Test
    void nonFiniteLabelsAreRefusedWithTheirIndex(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("nan.npz");
        Map<String, Tensor> arrays = new LinkedHashMap<>();
        arrays.put("x", Tensor.wrap(new double[] {1, 2, 3}, 3, 1));
        arrays.put("y", Tensor.wrap(new double[] {0, Double.NaN, 1}, 3));
        NumpyFiles.writeNpz(f, arrays);
        DataException e = org.junit.jupiter.api.Assertions.assertThrows(DataException.class,
                () -> DataFiles.load(f, DataFiles.Options.DEFAULTS, DType.FLOAT64));
        assertEquals(f + ": label 1 is NaN; labels and targets must be finite", e.getMessage());
    }
}
