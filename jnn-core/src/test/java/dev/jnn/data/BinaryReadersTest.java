package dev.jnn.data;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jnn.tensor.DType;
import dev.jnn.tensor.Tensor;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The NumPy, MATLAB and IDX readers against files written by numpy and scipy (data_fixtures.py). */
class BinaryReadersTest {
    @TempDir
    Path tmp;

    @TestFactory
    List<DynamicTest> npyFilesMatchNumpy() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : Fixtures.json().get("files").get("npy")) {
            tests.add(DynamicTest.dynamicTest(c.get("file").asText(), () -> {
                for (DType dtype : DType.values()) {
                    Tensor t = NumpyFiles.readNpy(Fixtures.file(c.get("file").asText()), dtype);
                    assertArrayEquals(Fixtures.ints(c.get("shape")), t.shape());
                    assertArrayEquals(Fixtures.doubles(c.get("values")), t.toDoubleArray(), 0.0);
                }
            }));
        }
        return tests;
    }

    @Test
    void npzArchivesStoredAndCompressed() {
        for (JsonNode c : Fixtures.json().get("files").get("npz")) {
            Path f = Fixtures.file(c.get("file").asText());
            Map<String, Tensor> all = NumpyFiles.readNpz(f, DType.FLOAT64);
            assertArrayEquals(Fixtures.doubles(c.get("x")), all.get("x").toDoubleArray(), 0.0);
            assertArrayEquals(Fixtures.ints(c.get("x_shape")), all.get("x").shape());
            Samples s = DataFiles.load(f, DataFiles.Options.DEFAULTS, DType.FLOAT32);
            assertEquals(4, s.size());
            assertArrayEquals(new int[]{0, 1, 1, 0}, s.y());
            DataException e = assertThrows(DataException.class, () -> NumpyFiles.readNpz(f, "nope", DType.FLOAT64));
            assertTrue(e.getMessage().contains("no array named 'nope'") && e.getMessage().contains("x, y"), e.getMessage());
        }
    }

    @Test
    void npyWriterRoundTripsAndNumpyLayout() throws IOException {
        Tensor t = Tensor.wrap(new double[]{1.5, -2, 3, 4, 5, 6.25}, 2, 3);
        Path f = tmp.resolve("out.npy");
        NumpyFiles.writeNpy(f, t);
        byte[] bytes = Files.readAllBytes(f);
        assertEquals(0, (10 + ((bytes[8] & 0xff) | (bytes[9] & 0xff) << 8)) % 64, "data aligned to 64 bytes");
        assertArrayEquals(t.toDoubleArray(), NumpyFiles.readNpy(f, DType.FLOAT64).toDoubleArray(), 0.0);
        Tensor v = Tensor.wrap(new float[]{1, 2, 3}, 3);
        NumpyFiles.writeNpy(f, v);
        assertArrayEquals(new int[]{3}, NumpyFiles.readNpy(f, DType.FLOAT32).shape());
    }

    @Test
    void matFilesMatchScipy() {
        for (JsonNode c : Fixtures.json().get("files").get("mat")) {
            Path f = Fixtures.file(c.get("file").asText());
            Map<String, Tensor> all = MatFiles.read(f, DType.FLOAT64);
            c.get("numeric").fields().forEachRemaining(e -> {
                Tensor t = all.get(e.getKey());
                assertArrayEquals(Fixtures.ints(e.getValue().get("shape")), t.shape(), e.getKey());
                assertArrayEquals(Fixtures.doubles(e.getValue().get("values")), t.toDoubleArray(), 0.0, e.getKey());
            });
            for (JsonNode skipped : c.get("skipped")) {
                DataException e = assertThrows(DataException.class, () -> MatFiles.read(f, skipped.asText(), DType.FLOAT64));
                assertTrue(e.getMessage().contains("only numeric and logical matrices"), e.getMessage());
            }
            Samples s = DataFiles.load(f, DataFiles.Options.DEFAULTS, DType.FLOAT64);
            assertEquals(5, s.size());
            assertArrayEquals(new String[]{"1", "2", "2", "10", "1"}, s.labels());
        }
    }

    @Test
    void matV73AndV4GetClearErrors() throws IOException {
        byte[] hdf = new byte[1024];
        byte[] text = "MATLAB 7.3 MAT-file, Platform: GLNXA64, Created on: Mon Jan  1 00:00:00 2024 HDF5 schema 1.00 ."
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(text, 0, hdf, 0, text.length);
        System.arraycopy(new byte[]{(byte) 0x89, 'H', 'D', 'F'}, 0, hdf, 512, 4);
        Path f = tmp.resolve("v73.mat");
        Files.write(f, hdf);
        DataException e = assertThrows(DataException.class, () -> MatFiles.read(f, DType.FLOAT64));
        assertTrue(e.getMessage().contains("v7.3") && e.getMessage().contains("-v7"), e.getMessage());
        DataException v4 = assertThrows(DataException.class, () -> MatFiles.read(Fixtures.file("v4.mat"), DType.FLOAT64));
        assertTrue(v4.getMessage().contains("Level 4"), v4.getMessage());
    }

    @Test
    void idxEveryElementTypeRawAndGzip() throws IOException {
        int[] codes = {0x08, 0x09, 0x0B, 0x0C, 0x0D, 0x0E};
        for (int code : codes) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(code << 8 | 2);
            out.writeInt(2);
            out.writeInt(3);
            double[] want = code == 0x08 ? new double[]{0, 1, 200, 3, 255, 5} : new double[]{0, -1, 2, -3, 4, 100};
            for (double v : want) {
                switch (code) {
                    case 0x08, 0x09 -> out.writeByte((int) v);
                    case 0x0B -> out.writeShort((int) v);
                    case 0x0C -> out.writeInt((int) v);
                    case 0x0D -> out.writeFloat((float) v);
                    default -> out.writeDouble(v);
                }
            }
            Path raw = tmp.resolve("t" + code + "-idx");
            Files.write(raw, bytes.toByteArray());
            Path gz = tmp.resolve("t" + code + "-idx.gz");
            try (GZIPOutputStream z = new GZIPOutputStream(Files.newOutputStream(gz))) {
                z.write(bytes.toByteArray());
            }
            for (Path p : List.of(raw, gz)) {
                Tensor t = IdxReader.read(p, DType.FLOAT32);
                assertArrayEquals(new int[]{2, 3}, t.shape());
                assertArrayEquals(want, t.toDoubleArray(), 0.0, p.toString());
            }
        }
    }

    @Test
    void idxHeaderLiesFailBeforeAllocation() throws IOException {
        // 0x7fffffff x 0x7fffffff unsigned bytes: the shape exceeds any array and the file's length.
        Path f = tmp.resolve("huge-idx");
        Files.write(f, new byte[]{0, 0, 8, 2, 0x7f, -1, -1, -1, 0x7f, -1, -1, -1, 1, 2});
        DataException e = assertThrows(DataException.class, () -> IdxReader.read(f, DType.FLOAT64));
        assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains("byte"), e.getMessage());
        Files.write(f, new byte[]{0, 0, 8, 1, 0, 0, 0, 5, 1, 2});
        e = assertThrows(DataException.class, () -> IdxReader.read(f, DType.FLOAT64));
        assertTrue(e.getMessage().contains("truncated") && e.getMessage().contains("ends at byte 10"), e.getMessage());
        Files.write(f, new byte[]{0, 0, 8, 1, 0, 0, 0, 1, 1, 2});
        e = assertThrows(DataException.class, () -> IdxReader.read(f, DType.FLOAT64));
        assertTrue(e.getMessage().contains("size mismatch"), e.getMessage());
        Files.write(f, new byte[]{1, 2, 3, 4, 5});
        e = assertThrows(DataException.class, () -> IdxReader.read(f, DType.FLOAT64));
        assertTrue(e.getMessage().contains("bad magic number 0x01020304 at byte 0"), e.getMessage());
    }

    /** An endless stream of one byte, standing for a decompression bomb's output; counts what was read. */
    static final class Endless extends java.io.InputStream {
        long served;
        private final byte fill;

        Endless(int fill) {
            this.fill = (byte) fill;
        }

        @Override
        public int read() {
            served++;
            return fill & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            java.util.Arrays.fill(b, off, off + len, fill);
            served += len;
            return len;
        }
    }

    @Test
    void compressedHeadersAreCheckedAsTheirFirstBytesArrive() throws IOException {
        // an .npz entry declaring 40000 x 40000 uint8, 12 GB as float64: refused at its header, before it inflates
        byte[] header = "{'descr': '|u1', 'fortran_order': False, 'shape': (40000, 40000), }\n"
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        ByteArrayOutputStream npy = new ByteArrayOutputStream();
        npy.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) header.length, 0});
        npy.write(header);
        npy.write(new byte[1 << 20]);
        Path bomb = tmp.resolve("bomb.npz");
        try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(Files.newOutputStream(bomb))) {
            z.putNextEntry(new java.util.zip.ZipEntry("x.npy"));
            z.write(npy.toByteArray());
            z.closeEntry();
        }
        DataException e = assertThrows(DataException.class, () -> NumpyFiles.readNpz(bomb, DType.FLOAT64));
        assertTrue(e.getMessage().startsWith(bomb + "!x.npy: the header's shape [40000, 40000] (at byte 10)"
                + " needs 11 GB (1600000000 × 8 bytes), more than the "), e.getMessage());

        // a bad magic number fails after the first bytes of an endless stream, not at its end
        Endless zeros = new Endless(0);
        e = assertThrows(DataException.class, () -> BinaryFiles.drain(zeros, "s!x.npy", BinaryFiles.MAX_BYTES,
                NumpyFiles.headerCheck("s!x.npy", DType.FLOAT64)));
        assertEquals("s!x.npy: not a .npy file: bad magic number at byte 0", e.getMessage());
        assertTrue(zeros.served <= 1 << 16, "read " + zeros.served + " bytes");
        Endless idx = new Endless(1);
        e = assertThrows(DataException.class, () -> BinaryFiles.drain(idx, "s.idx", BinaryFiles.MAX_BYTES,
                IdxReader.headerCheck("s.idx", DType.FLOAT64)));
        assertTrue(e.getMessage().startsWith("s.idx: not an IDX file: bad magic number 0x01010101"), e.getMessage());

        // without a header to judge, the growing buffer stops at the budget, with one line
        e = assertThrows(DataException.class, () -> BinaryFiles.drain(new Endless(7), "s.gz", Long.MAX_VALUE));
        assertTrue(e.getMessage().startsWith("s.gz: decompressing past ") && e.getMessage().contains("the heap has"
                + " left"), e.getMessage());
    }

    @Test
    void idxLabelsMustBeClassNumbers() throws IOException {
        for (double bad : new double[] {Double.NaN, 0.5, -1, Double.POSITIVE_INFINITY}) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            DataOutputStream d = new DataOutputStream(b);
            d.write(new byte[] {0, 0, 0x0E, 1});
            d.writeInt(3);
            d.writeDouble(1);
            d.writeDouble(bad);
            d.writeDouble(2);
            Path f = tmp.resolve("labels-idx1");
            Files.write(f, b.toByteArray());
            DataException e = assertThrows(DataException.class, () -> IdxReader.readLabels(f));
            assertTrue(e.getMessage().startsWith(f + ": label ") && e.getMessage().endsWith(" at index 1 is not a class"
                    + " number (a whole number >= 0)"), e.getMessage());
        }
    }
}
