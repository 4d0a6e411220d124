package dev.jnn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jnn.data.Datasets;
import dev.jnn.data.NumpyFiles;
import dev.jnn.data.TrainTestSplit;
import dev.jnn.estimator.MLPRegressor;
import dev.jnn.tensor.DType;
import dev.jnn.tensor.Rng;
import dev.jnn.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code jnn fit --autoencoder}: the reconstruction error of the same MLPRegressor trained through the API, the code
 * layer's features equal to relu(relu(x·W0 + b0)·W1 + b1) worked from its weights, and {@code jnn fit --data} on
 * the written archive training on them with its test rows.
 */
class AutoencoderCommandTest {
    @Test
    void writesTheCodeLayerAndTrainsOnIt(@TempDir Path dir) throws Exception {
        Path codes = dir.resolve("codes.npz");
        Path report = dir.resolve("ae.json");
        Path plots = dir.resolve("plots");
        CliRun cli = new CliRun();
        assertEquals(0, cli.run("fit", "--autoencoder", "16,4,16", "--data", "digits", "--max-iter", "40",
                "--random-state", "0", "--quiet", "--features-out", codes.toString(), "--report", report.toString(),
                "--plots", plots.toString()), cli.err.toString());
        var digits = Datasets.byName("digits");
        var split = TrainTestSplit.split(digits.train().size(), 0.25, new Rng(0), digits.train().y());
        var train = digits.train().subset(split.train());
        var test = digits.train().subset(split.test());
        MLPRegressor ae = new MLPRegressor();
        ae.setParams(Map.of("hidden_layer_sizes", "16,4,16", "max_iter", 40, "random_state", 0));
        ae.fit(train.x(), train.x());
        JsonNode r = new ObjectMapper().readTree(report.toFile());
        assertEquals(AutoencoderFit.mse(test.x(), ae.predictTensor(test.x())),
                r.get("test_reconstruction_mse").asDouble(), 0.0);
        assertEquals(1, r.get("code_layer").asInt());

        Map<String, Tensor> arrays = NumpyFiles.readNpz(codes, DType.FLOAT64);
        Tensor x = arrays.get("x_test");
        assertArrayEquals(new int[] {test.size(), 4}, x.shape());
        double[][] w0 = ae.coefs().get(0).toDoubleMatrix();
        double[][] w1 = ae.coefs().get(1).toDoubleMatrix();
        double[] b0 = ae.intercepts().get(0).toDoubleArray();
        double[] b1 = ae.intercepts().get(1).toDoubleArray();
        for (int row = 0; row < 5; row++) {
            double[] in = test.x().rows(row, row + 1).toDoubleArray();
            double[] h = new double[16];
            for (int j = 0; j < 16; j++) {
                double s = b0[j];
                for (int i = 0; i < in.length; i++) {
                    s += in[i] * w0[i][j];
                }
                h[j] = Math.max(0, s);
            }
            for (int j = 0; j < 4; j++) {
                double s = b1[j];
                for (int i = 0; i < 16; i++) {
                    s += h[i] * w1[i][j];
                }
                assertEquals(Math.max(0, s), x.get(row, j), 1e-9);
            }
        }
        assertArrayEquals(java.util.Arrays.stream(test.y()).asDoubleStream().toArray(),
                arrays.get("y_test").toDoubleArray());
        assertTrue(Files.isRegularFile(plots.resolve("reconstructions.png")));

        cli = new CliRun();
        assertEquals(0, cli.run("fit", "--data", codes.toString(), "--max-iter", "30"), cli.err.toString());
        assertTrue(cli.out.toString().contains(train.size() + " training and " + test.size() + " test rows, 4 features"),
                cli.out.toString());
    }

    @Test
    void optionsThatDoNotApplyAreUsageErrors() {
        CliRun cli = new CliRun();
        assertEquals(2, cli.run("fit", "--data", "digits", "--features-out", "x.npz"));
        assertTrue(cli.err.toString().contains("--features-out goes with --autoencoder"), cli.err.toString());
        cli = new CliRun();
        assertEquals(2, cli.run("fit", "--autoencoder", "8", "--data", "digits", "--hidden-layer-sizes", "5"));
        assertTrue(cli.err.toString().contains("drop --hidden-layer-sizes"), cli.err.toString());
    }
}
