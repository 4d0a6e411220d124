package dev.jnn.data;

import dev.jnn.tensor.DType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Random byte flips and truncations of valid files: every reader either reads the damaged file or throws a
 * {@link DataException} naming it. Any other exception, or running out of memory, fails the test.
 */
class MutationTest {
    private static final int ROUNDS = 300;

    @TempDir
    Path tmp;

    @Test
    void idxRawAndGzip() throws IOException {
        byte[] idx = new byte[12 + 5 * 12]; // 5 x 12 unsigned bytes
        idx[2] = 8;
        idx[3] = 2;
        idx[7] = 5;
        idx[11] = 12;
        Arrays.fill(idx, 12, idx.length, (byte) 7);
        IdxReader.read(write("valid-idx", idx), DType.FLOAT32);
        mutate("a-idx", idx, p -> IdxReader.read(p, DType.FLOAT32));
        mutate("a-idx.gz", gzip(idx), p -> IdxReader.read(p, DType.FLOAT32));
    }

    @Test
    void numpyFiles() throws IOException {
        mutate("a.npy", Files.readAllBytes(Fixtures.file("a_f8_be_F.npy")), p -> NumpyFiles.readNpy(p, DType.FLOAT64));
        mutate("b.npy", Files.readAllBytes(Fixtures.file("v3.npy")), p -> NumpyFiles.readNpy(p, DType.FLOAT64));
        for (String f : List.of("xy.npz", "xy_compressed.npz")) {
            mutate(f, Files.readAllBytes(Fixtures.file(f)), p -> NumpyFiles.readNpz(p, DType.FLOAT64));
        }
    }

    @Test
    void matlabFiles() throws IOException {
        for (String f : List.of("vars_plain.mat", "vars_compressed.mat")) {
            mutate(f, Files.readAllBytes(Fixtures.file(f)), p -> MatFiles.read(p, DType.FLOAT64));
        }
    }

    @Test
    void csvFiles() throws IOException {
        byte[] csv = "a,b,label\n1,2,x\n3,4.5,y\n\"5\",6,\"z, q\"\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        mutate("a.csv", csv, CsvReader::read);
        mutate("a.csv.gz", gzip(csv), CsvReader::read);
    }

    private void mutate(String name, byte[] valid, Consumer<Path> reader) throws IOException {
        Random rnd = new Random(name.hashCode());
        Path p = tmp.resolve(name);
        int failures = 0;
        for (int round = 0; round < ROUNDS; round++) {
            byte[] b;
            if (round % 3 == 0) {
                b = Arrays.copyOf(valid, rnd.nextInt(valid.length));
            } else {
                b = valid.clone();
                int flips = 1 + rnd.nextInt(4);
                for (int k = 0; k < flips; k++) {
                    b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
                }
            }
            Files.write(p, b);
            try {
                reader.accept(p);
            } catch (DataException e) {
                failures++;
                assertTrue(e.getMessage().contains(p.toString()), "the message names the file: " + e.getMessage());
            } catch (RuntimeException | OutOfMemoryError e) {
                fail(name + " round " + round + ": " + e, e);
            }
        }
        assertTrue(failures > ROUNDS / 4, name + ": only " + failures + " of " + ROUNDS + " damaged files were rejected");
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(tmp.resolve(name), bytes);
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(bytes)) {
            z.write(data);
        }
        return bytes.toByteArray();
    }
}
