package dev.jnn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jnn.data.Datasets;
import dev.jnn.data.NumpyFiles;
import dev.jnn.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code jnn datasets} and the data and feature options of {@code jnn fit}. */
class DataCommandsTest {
    private final CliRun cli = new CliRun();

    @TempDir
    Path dir;

    @Test
    void datasetsListInfoAndErrors() {
        assertEquals(0, cli.run("datasets", "list"));
        for (String name : Datasets.NAMES) {
            assertTrue(cli.out.toString().contains(name), name);
        }
        assertEquals(0, cli.run("datasets", "info", "spirals:n=10,arms=4"));
        assertTrue(cli.out.toString().contains("40 rows, 2 features"), cli.out.toString());
        assertTrue(cli.out.toString().contains("classes (rows): 0=10, 1=10, 2=10, 3=10"), cli.out.toString());
        assertEquals(1, cli.run("datasets", "info", "nope"));
        assertTrue(cli.err.toString().startsWith("jnn: unknown dataset 'nope'; known: mnist"), cli.err.toString());
        assertEquals(2, cli.run("datasets", "fetch", "iris"));
        assertTrue(cli.err.toString().contains("nothing to fetch"), cli.err.toString());
    }

    @Test
    void fitReadsNpzAndCsvWithNamedLabelColumn() throws IOException {
        Path npz = dir.resolve("xor.npz");
        double[] x = new double[200 * 2];
        double[] y = new double[200];
        var toy = Datasets.byName("xor:n=200,seed=3").train();
        System.arraycopy(toy.x().doubleData(), 0, x, 0, x.length);
        int[] yi = toy.y();
        for (int i = 0; i < y.length; i++) {
            y[i] = yi[i];
        }
        Path xs = dir.resolve("x.npy");
        Path ys = dir.resolve("y.npy");
        NumpyFiles.writeNpy(xs, Tensor.wrap(x, 200, 2));
        NumpyFiles.writeNpy(ys, Tensor.wrap(y, 200));
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(npz))) {
            for (Path p : new Path[]{xs, ys}) {
                z.putNextEntry(new ZipEntry(p.getFileName().toString()));
                z.write(Files.readAllBytes(p));
                z.closeEntry();
            }
        }
        Path report = dir.resolve("r.json");
        assertEquals(0, cli.run("fit", "--quiet", "--data", npz.toString(), "--max-iter", "50", "--functions", "sin",
                "--poly", "2", "--scale", "standard", "--pca", "4", "--report", report.toString()), cli.err.toString());
        JsonNode r = new ObjectMapper().readTree(report.toFile());
        assertEquals(50, r.get("test").get("n_samples").asInt());
        Path csv = Files.writeString(dir.resolve("s.csv"), "kind,a,b\ncat,1,2\ndog,3,4\ncat,1.5,2.5\ndog,3.5,4.5\n"
                + "cat,1.2,2\ndog,3,4.1\ncat,0.9,2.2\ndog,3.3,3.9\n");
        assertEquals(0, cli.run("fit", "--quiet", "--data", csv.toString(), "--label-column", "kind", "--test-size",
                "0.5", "--max-iter", "20"), cli.err.toString());
        assertTrue(cli.out.toString().contains("cat") && cli.out.toString().contains("dog"), cli.out.toString());
        assertEquals(1, cli.run("fit", "--quiet", "--data", csv.toString(), "--label-column", "colour"));
        assertTrue(cli.err.toString().contains("no column named 'colour'"), cli.err.toString());
    }

    @Test
    void fitOnIdxSetFromDataDirWithSubsets() throws IOException {
        Path mnist = Files.createDirectories(dir.resolve("mnist"));
        writeIdx(mnist, "train", 120);
        writeIdx(mnist, "t10k", 60);
        Path report = dir.resolve("r.json");
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(50, 60,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = img.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, 50, 60);
        g.setColor(java.awt.Color.BLACK);
        g.fillOval(10, 10, 30, 40);
        g.dispose();
        Path png = dir.resolve("drawn.png");
        javax.imageio.ImageIO.write(img, "png", png.toFile());
        assertEquals(0, cli.run("fit", "--quiet", "--data", "mnist", "--data-dir", dir.toString(), "--max-train", "100",
                "--max-test", "30", "--max-iter", "3", "--report", report.toString(), "--predict-image", png.toString()),
                cli.err.toString());
        assertTrue(cli.out.toString().matches("(?s).*drawn\\.png: [012] \\(probability 0\\.\\d{3}\\).*"), cli.out.toString());
        JsonNode r = new ObjectMapper().readTree(report.toFile());
        assertEquals(30, r.get("test").get("n_samples").asInt());
        assertEquals(0, cli.run("fit", "--quiet", "--data", "digits", "--max-train", "300", "--max-test", "100",
                "--max-iter", "3", "--report", report.toString()), cli.err.toString());
        assertEquals(100, new ObjectMapper().readTree(report.toFile()).get("test").get("n_samples").asInt());
        assertEquals(2, cli.run("fit", "--quiet", "--data", "digits", "--max-iter", "1", "--predict-image", png.toString()));
        assertTrue(cli.err.toString().contains("784 features"), cli.err.toString());
    }

    /** A tiny MNIST-format pair: n images of 28×28 whose brightness encodes the label. */
    private static void writeIdx(Path dir, String part, int n) throws IOException {
        try (DataOutputStream img = new DataOutputStream(Files.newOutputStream(dir.resolve(part + "-images-idx3-ubyte")));
             DataOutputStream lab = new DataOutputStream(Files.newOutputStream(dir.resolve(part + "-labels-idx1-ubyte")))) {
            img.writeInt(0x0803);
            img.writeInt(n);
            img.writeInt(28);
            img.writeInt(28);
            lab.writeInt(0x0801);
            lab.writeInt(n);
            for (int i = 0; i < n; i++) {
                int label = i % 3;
                for (int p = 0; p < 784; p++) {
                    img.writeByte(p % 7 == label ? 200 : 10);
                }
                lab.writeByte(label);
            }
        }
    }

    @Test
    void anEmptyDataOrTestValueIsAUsageError() {
        CliRun cli = new CliRun();
        assertEquals(2, cli.run("fit", "--data", ""));
        assertEquals("jnn: --data is empty: give a file or a dataset name (jnn datasets lists them)",
                cli.err.toString().strip());
        CliRun test = new CliRun();
        assertEquals(2, test.run("fit", "--data", "iris", "--test", " "));
        assertEquals("jnn: --test is empty: give a file or a dataset name", test.err.toString().strip());
    }

    @Test
    void badValuesInTheDataExitOne(@TempDir Path tmp) throws IOException {
        double[] x = new double[20 * 2];
        double[] y = new double[20];
        for (int i = 0; i < 20; i++) {
            x[2 * i] = i;
            x[2 * i + 1] = i % 3;
            y[i] = i % 2;
        }
        x[11] = Double.NaN;
        Path nan = tmp.resolve("nan.npz");
        NumpyFiles.writeNpz(nan, java.util.Map.of("x", Tensor.wrap(x, 20, 2), "y", Tensor.wrap(y, 20)));
        CliRun cli = new CliRun();
        assertEquals(1, cli.run("fit", "--data", nan.toString()), cli.err.toString());
        assertEquals("jnn: " + nan + ": row 6, column 2 is nan; features must be finite numbers",
                cli.err.toString().strip());

        CliRun outputs = new CliRun();   // 3 classes for a network with 10 outputs
        assertEquals(1, outputs.run("fit", "--model", "mlp-1200", "--data", "iris", "--epochs", "1"), outputs.err.toString());
        assertEquals("jnn: the model has 10 outputs but the training data have 3 classes", outputs.err.toString().strip());
    }
}
