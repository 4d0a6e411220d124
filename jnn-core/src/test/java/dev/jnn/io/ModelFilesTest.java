package dev.jnn.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jnn.data.CsvReader;
import dev.jnn.data.Samples;
import dev.jnn.data.ToySets;
import dev.jnn.estimator.MLPClassifier;
import dev.jnn.estimator.MLPRegressor;
import dev.jnn.estimator.Solver;
import dev.jnn.model.Fit;
import dev.jnn.model.ModelJson;
import dev.jnn.model.Sequential;
import dev.jnn.nn.Loss;
import dev.jnn.optim.Adam;
import dev.jnn.tensor.DType;
import dev.jnn.tensor.Rng;
import dev.jnn.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Model files: save, load and predict give the same bits for every model kind; a file written by numpy alone, and
 * the golden files of format version 1, load and predict as they must; an independent reader sees jnn's layout;
 * corrupt files fail with the fault named.
 */
class ModelFilesTest {
    private static final Path MODELS = Path.of("src/test/resources/fixtures/models");

    private static Object roundTrip(Object model, Path dir) throws Exception {
        Path file = dir.resolve("m.safetensors");
        ModelFiles.save(model, file);
        return ModelFiles.load(file);
    }

    @Test
    void saveLoadPredictIsBitIdenticalForEveryKind(@TempDir Path dir) throws Exception {
        Samples moons = ToySets.moons(120, 0.2, 0);
        MLPClassifier ints = MLPClassifier.builder().hiddenLayerSizes(6, 4).maxIter(30).randomState(0).build();
        ints.fit(moons.x(), moons.y());
        MLPClassifier back = (MLPClassifier) roundTrip(ints, dir);
        assertArrayEquals(ints.predictProba(moons.x()), back.predictProba(moons.x()));
        assertEquals(ints.getParams().toString().replaceAll("\\[I@\\w+", ""),
                back.getParams().toString().replaceAll("\\[I@\\w+", ""));
        assertEquals(ints.lossCurve(), back.lossCurve());
        assertEquals(ints.nIter(), back.nIter());

        String[] names = new String[moons.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = new String[] {"left", "right", "up"}[i % 3];
        }
        MLPClassifier strings = MLPClassifier.builder().solver(Solver.LBFGS).hiddenLayerSizes(5).maxIter(20)
                .randomState(1).build();
        strings.fit(moons.x().to(DType.FLOAT32), names);
        MLPClassifier back2 = (MLPClassifier) roundTrip(strings, dir);
        assertArrayEquals(strings.predictNames(moons.x()), back2.predictNames(moons.x()));
        assertArrayEquals(strings.predictProba(moons.x()), back2.predictProba(moons.x()));
        assertArrayEquals(strings.classNames(), back2.classNames());

        double[][] targets = new double[moons.size()][];
        for (int r = 0; r < moons.size(); r++) {
            targets[r] = new double[] {moons.x().get(r, 0) * 2, moons.x().get(r, 1) - 1};
        }
        MLPRegressor reg = MLPRegressor.builder().hiddenLayerSizes(8).maxIter(40).randomState(2).build();
        reg.fit(moons.x(), targets);
        MLPRegressor back3 = (MLPRegressor) roundTrip(reg, dir);
        assertArrayEquals(reg.predictOutputs(moons.x()), back3.predictOutputs(moons.x()));

        Sequential net = ModelJson.read(Files.readString(MODELS.resolve("golden-net.json")), "golden-net.json")
                .seed(3);
        net.compile(new Adam(), Loss.SPARSE_CATEGORICAL_CROSSENTROPY);
        Tensor images = Tensor.zeros(DType.FLOAT32, 40, 64);
        Rng rng = new Rng(5);
        int[] labels = new int[40];
        for (int r = 0; r < 40; r++) {
            labels[r] = r % 10;
            for (int c = 0; c < 64; c++) {
                images.set(rng.uniform(0, 1) + (c % 10 == labels[r] ? 1 : 0), r, c);
            }
        }
        net.fit(images, labels, Fit.epochs(2).batchSize(8));
        Sequential back4 = (Sequential) roundTrip(net, dir);
        assertArrayEquals(net.predict(images).floatData(), back4.predict(images).floatData());
        assertEquals(net.summary(), back4.summary());
    }

    @Test
    void theOptimizerStateLetsPartialFitContinueAsIfNeverSaved(@TempDir Path dir) throws Exception {
        Samples moons = ToySets.moons(100, 0.2, 4);
        int[] classes = {0, 1};
        for (Solver solver : new Solver[] {Solver.ADAM, Solver.SGD}) {
            MLPClassifier kept = MLPClassifier.builder().solver(solver).hiddenLayerSizes(5).randomState(0).build();
            MLPClassifier saved = MLPClassifier.builder().solver(solver).hiddenLayerSizes(5).randomState(0).build();
            for (int i = 0; i < 2; i++) {
                kept.partialFit(moons.x(), moons.y(), classes);
                saved.partialFit(moons.x(), moons.y(), classes);
            }
            Path file = dir.resolve(solver + ".safetensors");
            ModelFiles.saveWithOptimizerState(saved, file);
            MLPClassifier back = ModelFiles.load(file, MLPClassifier.class);
            kept.partialFit(moons.x(), moons.y(), classes);
            back.partialFit(moons.x(), moons.y(), classes);
            assertArrayEquals(kept.coefs().get(0).doubleData(), back.coefs().get(0).doubleData(), solver + " coefs");
            assertEquals(kept.lossCurve(), back.lossCurve(), solver + " loss curve");
            // without the state the third step differs: the moments restart
            ModelFiles.save(saved, file);
            MLPClassifier fresh = ModelFiles.load(file, MLPClassifier.class);
            fresh.partialFit(moons.x(), moons.y(), classes);
            assertTrue(!java.util.Arrays.equals(kept.coefs().get(0).doubleData(), fresh.coefs().get(0).doubleData()));
        }
    }

    @Test
    void aFileWrittenByNumpyAloneLoadsAndPredictsAsNumpyDid() throws Exception {
        MLPClassifier clf = ModelFiles.load(MODELS.resolve("from-python.safetensors"), MLPClassifier.class);
        JsonNode want;
        try (InputStream in = Files.newInputStream(MODELS.resolve("from-python.json"))) {
            want = new ObjectMapper().readTree(in);
        }
        double[][] x = new ObjectMapper().convertValue(want.get("x"), double[][].class);
        double[][] p = clf.predictProba(x);
        for (int r = 0; r < x.length; r++) {
            for (int k = 0; k < 3; k++) {
                assertEquals(want.get("proba").get(r).get(k).asDouble(), p[r][k], 1e-12);
            }
            assertEquals(want.get("labels").get(r).asText(), clf.predictNames(Tensor.wrap(x[r], 1, 3))[0]);
        }
        assertEquals(List.of(0.9, 0.8, 0.7, 0.6, 0.5), clf.lossCurve());
    }

    @Test
    void goldenFilesOfVersionOneStillPredictTheirSavedOutputs() throws Exception {
        check(ModelFiles.load(MODELS.resolve("golden-v1-mlp.safetensors"), MLPClassifier.class), "mlp", "4");
        check(ModelFiles.load(MODELS.resolve("golden-v1-sequential.safetensors"), Sequential.class), "sequential",
                "64");
    }

    private static void check(Object model, String name, String features) throws Exception {
        Samples expected = CsvReader.read(MODELS.resolve("golden-v1-" + name + ".csv"), 0);
        Tensor input = CsvReader.read(MODELS.resolve("golden-input-" + features + ".csv"), -1).x();
        // the input files have no label column: rebuild all their columns
        List<String> lines = Files.readAllLines(MODELS.resolve("golden-input-" + features + ".csv"));
        int cols = Integer.parseInt(features);
        double[] values = new double[lines.size() * cols];
        for (int r = 0; r < lines.size(); r++) {
            String[] cells = lines.get(r).split(",");
            for (int c = 0; c < cols; c++) {
                values[r * cols + c] = Double.parseDouble(cells[c]);
            }
        }
        assertEquals(input.rows(), lines.size());
        Tensor x = Tensor.wrap(values, lines.size(), cols);
        double[][] p = model instanceof MLPClassifier c ? c.predictProba(x) : rows(((Sequential) model).predict(x.to(DType.FLOAT32)));
        for (int r = 0; r < p.length; r++) {
            for (int k = 0; k < p[r].length; k++) {
                assertEquals(expected.x().get(r, k), p[r][k], 0.0, name + " row " + r + " class " + k);
            }
        }
    }

    private static double[][] rows(Tensor t) {
        double[][] out = new double[t.rows()][t.cols()];
        for (int r = 0; r < t.rows(); r++) {
            for (int c = 0; c < t.cols(); c++) {
                out[r][c] = t.get(r, c);
            }
        }
        return out;
    }

    @Test
    void anIndependentReaderSeesTheLayout(@TempDir Path dir) throws Exception {
        Samples moons = ToySets.moons(60, 0.2, 0);
        MLPClassifier clf = MLPClassifier.builder().hiddenLayerSizes(3).maxIter(5).randomState(0).build();
        clf.fit(moons.x(), moons.y());
        byte[] bytes = ModelFiles.bytes(clf, null);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long n = b.getLong();
        assertEquals(0, n % 8, "the header is padded to a multiple of 8");
        JsonNode header = new ObjectMapper().readTree(new String(bytes, 8, (int) n, StandardCharsets.UTF_8));
        assertEquals("MLPClassifier", header.get("__metadata__").get("kind").asText());
        assertTrue(header.get("__metadata__").get("jnn_version").asText().matches("\\d+\\.\\d+.*"),
                header.get("__metadata__").toString());
        JsonNode w = header.get("coefs.0");
        assertEquals("F64", w.get("dtype").asText());
        assertEquals(List.of(2, 3), List.of(w.get("shape").get(0).asInt(), w.get("shape").get(1).asInt()));
        long begin = w.get("data_offsets").get(0).asLong();
        Tensor coefs = clf.coefs().get(0);
        for (int i = 0; i < 6; i++) {
            assertEquals(coefs.getFlat(i), b.getDouble((int) (8 + n + begin + 8L * i)), 0.0);
        }
        long total = 0;
        for (var it = header.fields(); it.hasNext(); ) {
            var e = it.next();
            if (!e.getKey().equals("__metadata__")) {
                total += e.getValue().get("data_offsets").get(1).asLong() - e.getValue().get("data_offsets").get(0).asLong();
            }
        }
        assertEquals(bytes.length - 8 - n, total, "the tensors cover the data exactly");
    }

    @Test
    void corruptFilesAreRejectedWithTheFaultNamed(@TempDir Path dir) throws Exception {
        byte[] good = Files.readAllBytes(MODELS.resolve("from-python.safetensors"));
        int n = (int) ByteBuffer.wrap(good).order(ByteOrder.LITTLE_ENDIAN).getLong();
        String header = new String(good, 8, n, StandardCharsets.UTF_8);
        assertFault(dir, java.util.Arrays.copyOf(good, good.length - 8), "outside the data section");
        assertFault(dir, java.util.Arrays.copyOf(good, good.length + 8), "the tensors cover 248 bytes of data but the file holds 256");
        assertFault(dir, java.util.Arrays.copyOf(good, 20), "runs past the end of the file");
        assertFault(dir, java.util.Arrays.copyOf(good, 5), "shorter than the 8-byte header length");
        assertFault(dir, withHeader(good, n, header.replace("\"data_offsets\": [0, 96]", "\"data_offsets\": [0, 9600]")),
                "outside the data section");
        assertFault(dir, withHeader(good, n, header.replace("\"data_offsets\": [96, 192]", "\"data_offsets\": [90, 186]")),
                "contiguous and must not overlap");
        assertFault(dir, withHeader(good, n, header.replaceFirst("\"F64\"", "\"F32\"")), "needs 48 bytes");
        assertFault(dir, withHeader(good, n, header.replace("\"format_version\": \"1\"", "\"format_version\": \"9\"")),
                "has format_version 9");
        assertFault(dir, withHeader(good, n, header.replace("\"kind\": \"MLPClassifier\"", "\"kind\": \"Pickle\"")),
                "unknown kind 'Pickle'");
        byte[] nan = good.clone();
        ByteBuffer.wrap(nan).order(ByteOrder.LITTLE_ENDIAN).putDouble(8 + n + 8, Double.NaN);
        assertFault(dir, nan, "non-finite value");
        byte[] huge = good.clone();
        ByteBuffer.wrap(huge).order(ByteOrder.LITTLE_ENDIAN).putLong(0, SafeTensors.MAX_HEADER + 1);
        assertFault(dir, huge, "header length");
        assertFault(dir, withHeader(good, n, header.replace("\\\"hidden_layer_sizes\\\": [4]", "\\\"hidden_layer_sizes\\\": [5]")),
                "do not fit the configuration");
    }

    /** The same file with another header text (padded with spaces to a multiple of 8), and the same data. */
    private static byte[] withHeader(byte[] good, int n, String header) {
        byte[] h = header.strip().getBytes(StandardCharsets.UTF_8);
        int n2 = (h.length + 7) / 8 * 8;
        ByteBuffer out = ByteBuffer.allocate(8 + n2 + good.length - 8 - n).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(n2).put(h);
        for (int i = h.length; i < n2; i++) {
            out.put((byte) ' ');
        }
        out.put(good, 8 + n, good.length - 8 - n);
        return out.array();
    }

    private static void assertFault(Path dir, byte[] bytes, String fault) throws Exception {
        Path f = dir.resolve("bad.safetensors");
        Files.write(f, bytes);
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFiles.load(f), fault);
        assertTrue(e.getMessage().startsWith(f.toString()) && e.getMessage().contains(fault), e.getMessage());
    }
}
