package dev.jnn.data;

import dev.jnn.tensor.DType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The readers' parsing halves on bytes in memory, for the fuzz tests in other packages. */
public final class Readers {
    private static Path imageFile;

    private Readers() {
    }

    public static void idx(byte[] data) {
        IdxReader.parse(data, "fuzz.idx", DType.FLOAT32);
    }

    public static void csv(byte[] data) {
        try {
            CsvReader.read(new ByteArrayInputStream(data), "fuzz.csv", -1).requireClassLabels();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void npy(byte[] data, DType dtype) {
        NumpyFiles.parseNpy(data, "fuzz.npy", dtype);
    }

    public static void npz(byte[] data, DType dtype) {
        NumpyFiles.parseNpz(data, "fuzz.npz", dtype);
    }

    public static void mat(byte[] data, DType dtype) {
        MatFiles.parse(data, "fuzz.mat", dtype);
    }

    /** Decodes the bytes as an image file (ImageIO reads from a path, as the CLI's --predict-image does). */
    public static synchronized void image(byte[] data) {
        try {
            if (imageFile == null) {
                imageFile = Files.createTempFile("jnn-fuzz", ".img");
                imageFile.toFile().deleteOnExit();
            }
            Files.write(imageFile, data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ImageFiles.readDigit(imageFile, false, DType.FLOAT32);
    }
}
