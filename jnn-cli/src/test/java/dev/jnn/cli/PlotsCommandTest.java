package dev.jnn.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --plots DIR} writes the figures that apply and a page that a real browser shows whole; {@code jnn plot}
 * draws from saved results.
 */
class PlotsCommandTest {
    private static void assertPng(Path file) throws IOException {
        assertPng(file, 100);
    }

    private static void assertPng(Path file, int minHeight) throws IOException {
        assertTrue(Files.isRegularFile(file), file + " missing");
        BufferedImage img = ImageIO.read(file.toFile());
        assertTrue(img.getWidth() >= 640 && img.getHeight() >= minHeight, file + ": " + img.getWidth() + "x"
                + img.getHeight());
    }

    @Test
    void fitOnTwoDimensionalDataWritesItsFiguresAndAPageChromiumShows(@TempDir Path dir) throws Exception {
        Path plots = dir.resolve("plots");
        CliRun cli = new CliRun();
        assertEquals(0, cli.run("fit", "--data", "moons:n=200,noise=0.2", "--hidden-layer-sizes", "8",
                "--max-iter", "60", "--random-state", "0", "--quiet", "--plots", plots.toString(),
                "--report", dir.resolve("run.json").toString()), cli.err.toString());
        for (String kind : new String[] {"loss_curve", "confusion_matrix", "decision_boundary", "roc_curves"}) {
            assertPng(plots.resolve(kind + ".png"));
        }
        String html = Files.readString(plots.resolve("index.html"));
        assertTrue(html.contains("test accuracy") && html.contains("--plots"), html.substring(0, 300));
        checkInChromium(plots.resolve("index.html"), 4, "test accuracy");

        // jnn plot redraws from the saved report
        cli = new CliRun();
        Path out = dir.resolve("again.png");
        assertEquals(0, cli.run("plot", "loss-curve", "--report", dir.resolve("run.json").toString(),
                "--report", dir.resolve("run.json").toString(), "--output", out.toString()), cli.err.toString());
        assertPng(out);
        cli = new CliRun();
        assertEquals(0, cli.run("plot", "confusion-matrix", "--report", dir.resolve("run.json").toString(),
                "-o", dir.resolve("cm.png").toString()), cli.err.toString());
        assertPng(dir.resolve("cm.png"));
    }

    @Test
    void imageDataGetImageFiguresAndSearchGetsItsHeatmap(@TempDir Path dir) throws Exception {
        Path plots = dir.resolve("mlp");
        CliRun cli = new CliRun();
        assertEquals(0, cli.run("fit", "--data", "digits", "--hidden-layer-sizes", "16", "--max-iter", "20",
                "--random-state", "0", "--quiet", "--plots", plots.toString()), cli.err.toString());
        for (String kind : new String[] {"loss_curve", "confusion_matrix", "misclassified", "first_layer_weights"}) {
            assertPng(plots.resolve(kind + ".png"));
        }
        Path search = dir.resolve("search");
        Path results = dir.resolve("cv.json");
        cli = new CliRun();
        assertEquals(0, cli.run("search", "--data", "iris", "--param", "alpha=0.0001,0.01,1", "--param",
                "hidden-layer-sizes=4;8", "--cv", "2", "--max-iter", "30", "--random-state", "0", "--quiet",
                "--return-train-score", "--plots", search.toString(), "--results", results.toString()),
                cli.err.toString());
        assertPng(search.resolve("search_heatmap.png"));
        assertPng(search.resolve("search_heatmap_train.png"));
        cli = new CliRun();
        assertEquals(0, cli.run("plot", "search-heatmap", "--results", results.toString(), "--rows", "alpha",
                "--cols", "hidden_layer_sizes", "-o", dir.resolve("h.png").toString()), cli.err.toString());
        assertPng(dir.resolve("h.png"));
        cli = new CliRun();
        assertEquals(0, cli.run("plot", "data", "--data", "iris", "--features", "0,2", "-o",
                dir.resolve("iris.png").toString()), cli.err.toString());
        assertPng(dir.resolve("iris.png"));
        cli = new CliRun();
        assertEquals(0, cli.run("plot", "data", "--data", "digits", "-o", dir.resolve("digits.png").toString()),
                cli.err.toString());
        assertPng(dir.resolve("digits.png"));
        cli = new CliRun();
        assertEquals(0, cli.run("plot", "activations", "-o", dir.resolve("act.png").toString()), cli.err.toString());
        assertPng(dir.resolve("act.png"));
    }

    @Test
    void figuresOfASavedNetwork(@TempDir Path dir) throws Exception {
        Path net = dir.resolve("conv.json");
        Files.writeString(net, "{\"layers\": [{\"type\": \"Input\", \"shape\": [8, 8, 1]}, {\"type\": \"Conv2D\","
                + " \"filters\": 4, \"kernel_size\": 3, \"activation\": \"relu\"}, {\"type\": \"Flatten\"},"
                + " {\"type\": \"Dense\", \"units\": 10, \"activation\": \"softmax\"}]}");
        Path model = dir.resolve("conv.safetensors");
        CliRun cli = new CliRun();
        assertEquals(0, cli.run("fit", "--model", net.toString(), "--data", "digits", "--epochs", "1", "--quiet",
                "--save", model.toString()), cli.err.toString());
        for (String kind : new String[] {"feature-maps", "filters"}) {
            cli = new CliRun();
            assertEquals(0, cli.run("plot", kind, "--model", model.toString(), "--data", "digits", "--sample", "3",
                    "-o", dir.resolve(kind + ".png").toString()), cli.err.toString());
            assertPng(dir.resolve(kind + ".png"), 60);          // four 3x3 filters make one short row
        }
        // an autoencoder trained in Java (x against itself), saved, and its reconstructions drawn by the CLI
        var digits = dev.jnn.data.Datasets.digits().train().x().to(dev.jnn.tensor.DType.FLOAT32);
        var autoencoder = dev.jnn.model.Sequential.of(new dev.jnn.nn.Dense(16, dev.jnn.nn.Activation.RELU),
                new dev.jnn.nn.Dense(64, dev.jnn.nn.Activation.IDENTITY)).seed(0);
        autoencoder.compile(new dev.jnn.optim.Adam(), dev.jnn.nn.Loss.MEAN_SQUARED_ERROR);
        autoencoder.fit(digits, digits, dev.jnn.model.Fit.epochs(2));
        Path aeFile = dir.resolve("ae.safetensors");
        dev.jnn.io.ModelFiles.save(autoencoder, aeFile);
        cli = new CliRun();
        assertEquals(0, cli.run("plot", "reconstructions", "--model", aeFile.toString(), "--data", "digits", "-o",
                dir.resolve("ae.png").toString()), cli.err.toString());
        assertPng(dir.resolve("ae.png"));
        Path mlp = dir.resolve("mlp.safetensors");
        cli = new CliRun();
        assertEquals(0, cli.run("fit", "--data", "digits", "--max-iter", "5", "--quiet", "--save", mlp.toString()),
                cli.err.toString());
        cli = new CliRun();
        assertEquals(0, cli.run("plot", "weights", "--model", mlp.toString(), "-o", dir.resolve("w.png").toString()),
                cli.err.toString());
        assertPng(dir.resolve("w.png"));
        cli = new CliRun();
        assertEquals(2, cli.run("plot", "reconstructions", "--model", mlp.toString()));
        assertTrue(cli.err.toString().contains("needs a saved Sequential"), cli.err.toString());
    }

    @Test
    void badPlotRequestsAreOneLineErrors(@TempDir Path dir) throws Exception {
        CliRun cli = new CliRun();
        assertEquals(2, cli.run("plot", "pie"));
        assertTrue(cli.err.toString().startsWith("jnn: unknown KIND 'pie'"), cli.err.toString());
        cli = new CliRun();
        assertEquals(2, cli.run("plot", "loss-curve"));
        cli = new CliRun();
        assertEquals(1, cli.run("plot", "loss-curve", "--report", dir.resolve("none.json").toString()));
        assertTrue(cli.err.toString().contains("none.json: no such file"), cli.err.toString());
        Path file = dir.resolve("afile");
        Files.writeString(file, "x");
        cli = new CliRun();
        assertEquals(2, cli.run("fit", "--data", "iris", "--plots", file.toString()));
        assertTrue(cli.err.toString().contains("exists and is not a directory"), cli.err.toString());
    }

    /** Debian's Chromium, or null. */
    static Path chromium() {
        for (String p : new String[] {"/usr/bin/chromium", "/usr/bin/chromium-headless-shell", "/usr/bin/chromium-browser"}) {
            if (Files.isExecutable(Path.of(p))) {
                return Path.of(p);
            }
        }
        return null;
    }

    /**
     * Opens a copy of the page, with a script that counts the decoded images once the page has loaded, in headless
     * Chromium from the file system, and checks every image decoded and the text is there.
     */
    static void checkInChromium(Path page, int minImages, String text) throws Exception {
        Path browser = chromium();
        if (browser == null) {
            Assumptions.assumeTrue(System.getenv("CI") == null, "CI must have Chromium (.ci/run installs it)");
            Assumptions.abort("Chromium is not installed (apt-get install chromium): the page was not checked in a browser");
        }
        String html = Files.readString(page);
        String probe = "<script>window.addEventListener('load',function(){var i=document.images,ok=0;"
                + "for(var k=0;k<i.length;k++){if(i[k].complete&&i[k].naturalWidth>0)ok++;}"
                + "var d=document.createElement('div');d.id='probe';d.textContent='decoded '+ok+' of '+i.length;"
                + "document.body.appendChild(d);});</script>";
        Path copy = page.resolveSibling("browser-check.html");
        Files.writeString(copy, html.replace("</body>", probe + "</body>"));
        Path profile = Files.createTempDirectory("jnn-chromium");
        List<String> cmd = new ArrayList<>(List.of(browser.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--virtual-time-budget=10000", "--dump-dom",
                copy.toUri().toString()));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chromium did not finish");
        Matcher m = Pattern.compile("decoded (\\d+) of (\\d+)").matcher(dom);
        assertTrue(m.find(), "the page's probe did not run: " + dom.substring(0, Math.min(300, dom.length())));
        assertEquals(m.group(2), m.group(1), "every image decoded");
        assertTrue(Integer.parseInt(m.group(2)) >= minImages, "images: " + m.group(2));
        assertTrue(dom.contains(text), "the page shows '" + text + "'");
        Files.delete(copy);
    }
}
