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
}
