package dev.jnn.data;

import dev.jnn.tensor.DType;
import dev.jnn.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvAndImageTest {
    @TempDir
    Path tmp;

    @Test
    void labelColumnByNameOrIndexAndStringLabels() throws IOException {
        Path f = Files.writeString(tmp.resolve("a.csv"), "species,\"len, cm\",width\nsetosa,1.5,2\n\"vir,ginica\",3,4\n");
        Samples byName = CsvReader.read(f, "species");
        assertArrayEquals(new String[]{"setosa", "vir,ginica"}, byName.labels());
        assertArrayEquals(new double[]{1.5, 2, 3, 4}, byName.x().toDoubleArray(), 0.0);
        Samples byIndex = CsvReader.read(f, "0");
        assertArrayEquals(byName.labels(), byIndex.labels());
        Samples last = CsvReader.read(Files.writeString(tmp.resolve("b.csv"), "1,2,0\n3,4,1\n"));
        assertArrayEquals(new int[]{0, 1}, last.y());
        DataException e = assertThrows(DataException.class, () -> CsvReader.read(f, "colour"));
        assertTrue(e.getMessage().contains("no column named 'colour'"), e.getMessage());
    }

    @Test
    void missingAndNonNumericValuesNameLineAndColumn() throws IOException {
        Path f = Files.writeString(tmp.resolve("bad.csv"), "a,b,y\n1,2,0\n3,,1\n");
        DataException e = assertThrows(DataException.class, () -> CsvReader.read(f));
        assertEquals(f + " line 3, column 2: missing value", e.getMessage());
        Path g = Files.writeString(tmp.resolve("bad2.csv"), "1,2,0\n3,x4,1\n");
        e = assertThrows(DataException.class, () -> CsvReader.read(g));
        assertEquals(g + " line 2, column 2: not a number: 'x4'", e.getMessage());
    }

    @Test
    void writerRoundTrips() throws IOException {
        Samples s = new Samples("s", Tensor.wrap(new double[]{0.1, -2, 3.25, 1e-7}, 2, 2), new String[]{"a \"q\"", "b,c"});
        Path f = tmp.resolve("out.csv");
        CsvWriter.write(f, s);
        Samples back = CsvReader.read(f);
        assertArrayEquals(s.labels(), back.labels());
        assertArrayEquals(s.x().toDoubleArray(), back.x().toDoubleArray(), 0.0);
        assertTrue(Files.readString(f).startsWith("x0,x1,label\n"));
    }

    @Test
    void drawnDigitBecomesMnistLike() throws IOException {
        // A black "1" on a white page, off centre: inverted, cropped, fitted into 20x20 and centred by mass.
        BufferedImage img = new BufferedImage(200, 160, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 200, 160);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(12));
        g.drawLine(40, 20, 40, 140);
        g.dispose();
        Path f = tmp.resolve("one.png");
        ImageIO.write(img, "png", f.toFile());
        Tensor t = ImageFiles.readDigit(f, true, DType.FLOAT32);
        assertArrayEquals(new int[]{1, 784}, t.shape());
        double mass = 0;
        double cx = 0;
        double cy = 0;
        int rowsWithInk = 0;
        for (int r = 0; r < 28; r++) {
            boolean ink = false;
            for (int c = 0; c < 28; c++) {
                double v = t.get(0, r * 28 + c);
                assertTrue(v >= 0 && v <= 1);
                mass += v;
                cx += c * v;
                cy += r * v;
                ink |= v > 0.5;
            }
            rowsWithInk += ink ? 1 : 0;
        }
        assertEquals(13.5, cx / mass, 1.0);
        assertEquals(13.5, cy / mass, 1.0);
        assertTrue(rowsWithInk >= 18 && rowsWithInk <= 20, "the stroke spans the 20-pixel box: " + rowsWithInk);
        Tensor notInverted = ImageFiles.readDigit(f, false, DType.FLOAT32);
        double page = 0;
        for (double v : notInverted.toDoubleArray()) {
            page += v;
        }
        assertTrue(page > 250 && mass < 120, "without inversion the white page is the ink: " + page + " vs " + mass);
        Path text = Files.writeString(tmp.resolve("x.png"), "not an image");
        DataException e = assertThrows(DataException.class, () -> ImageFiles.readDigit(text, true, DType.FLOAT32));
        assertTrue(e.getMessage().startsWith(text.toString()), e.getMessage());
    }

    @Test
    void javaOnlyNumbersAreNotNumbers() throws IOException {
        for (String javaOnly : new String[] {"0x1p3", "1d", "2f"}) {
            Path f = tmp.resolve("java-" + javaOnly + ".csv");
            Files.writeString(f, "1,2,0\n3," + javaOnly + ",1\n");
            DataException e = assertThrows(DataException.class, () -> CsvReader.read(f));
            assertEquals(f + " line 2, column 2: not a number: '" + javaOnly + "'", e.getMessage());
        }
        Path ok = tmp.resolve("python.csv");
        Files.writeString(ok, "1e3, .5,0\n+2.,-1E-2,1\n");
        assertArrayEquals(new double[] {1000, 0.5, 2, -0.01}, CsvReader.read(ok).x().toDoubleArray());
    }

    @Test
    void continuousNumbersAreNotClasses() {
        Tensor x = Tensor.zeros(DType.FLOAT64, 3, 1);
        DataException e = assertThrows(DataException.class,
                () -> Samples.of("t.npz", x, new double[] {1, 0.5, 2}).requireClassLabels());
        assertEquals("t.npz: label '0.5' of row 2 is not a class: the labels are continuous numbers, which a classifier"
                + " cannot take (Unknown label type: 'continuous'); use --regressor, or give whole-number or text"
                + " classes", e.getMessage());
        assertThrows(DataException.class, () -> new Samples("t.csv", x, new String[] {"1", "inf", "2"})
                .requireClassLabels());
        new Samples("t.csv", x, new String[] {"1", "cat", "0.5"}).requireClassLabels();   // text: class names
        Samples.of("t.npz", x, new double[] {1, 0, 2}).requireClassLabels();
    }

    @Test
    void aLineWithoutBreaksStopsAtTheBudget() {
        BinaryReadersTest.Endless digits = new BinaryReadersTest.Endless('1');
        DataException e = assertThrows(DataException.class, () -> CsvReader.read(digits, "/dev/zero", -1));
        assertTrue(e.getMessage().startsWith("/dev/zero line 1: more than ") && e.getMessage().contains(" bytes without"
                + " a line break; splitting it into fields needs more than the "), e.getMessage());
        assertTrue(digits.served < Runtime.getRuntime().maxMemory() / 40, "read " + digits.served);
    }

    @Test
    void anImageIsMeasuredBeforeItIsDecoded() throws IOException {
        // a 40000 x 40000 PNG header (and no pixels): 1.6 G pixels, refused from the header alone
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        java.nio.ByteBuffer ihdr = java.nio.ByteBuffer.allocate(17).put("IHDR".getBytes()).putInt(40000).putInt(40000)
                .put(new byte[] {1, 0, 0, 0, 0});
        png.write(new byte[] {0, 0, 0, 13});
        png.write(ihdr.array());
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(ihdr.array());
        png.write(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        Path f = tmp.resolve("huge.png");
        Files.write(f, png.toByteArray());
        DataException e = assertThrows(DataException.class, () -> ImageFiles.readDigit(f, false, DType.FLOAT32));
        assertTrue(e.getMessage().startsWith(f + ": a 40000×40000 image needs 17 GB (1600000000 × 12 bytes), more"
                + " than the "), e.getMessage());
    }
}
