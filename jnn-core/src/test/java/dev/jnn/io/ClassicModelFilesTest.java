package dev.jnn.io;

import dev.jnn.data.ToySets;
import dev.jnn.data.Samples;
import dev.jnn.estimator.Perceptron;
import dev.jnn.estimator.SVC;
import dev.jnn.preprocess.Pipeline;
import dev.jnn.preprocess.StandardScaler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Perceptron and the SVC through model files: a loaded model has the saved one's fitted attributes, decision
 * values and predictions to the bit (probabilities too), alone or at the end of a pipeline; a damaged shape fails.
 */
class ClassicModelFilesTest {
    @Test
    void aPerceptronComesBackWhole(@TempDir Path dir) throws Exception {
        Samples blobs = ToySets.blobs(90, 3, 1.5, 4);
        Perceptron p = new Perceptron().setParams(Map.of("penalty", "l2", "alpha", 0.001)).fit(blobs.x(), blobs.y());
        Path f = dir.resolve("p.safetensors");
        ModelFiles.save(p, f);
        Perceptron back = ModelFiles.load(f, Perceptron.class);
        assertEquals(p.getParams(), back.getParams());
        assertArrayEquals(p.classes(), back.classes());
        assertEquals(p.nIter(), back.nIter());
        assertEquals(p.t(), back.t());
        double[][] want = p.decisionFunction(blobs.x());
        double[][] got = back.decisionFunction(blobs.x());
        for (int r = 0; r < want.length; r++) {
            assertArrayEquals(want[r], got[r], 0.0);
        }
        assertEquals("Perceptron", ModelFiles.metadata(f).get("kind"));
    }

    @Test
    void anSvcComesBackWholeWithItsProbabilities(@TempDir Path dir) throws Exception {
        for (int classes : new int[] {2, 4}) {
            Samples blobs = ToySets.blobs(80, classes, 2.0, 7);
            SVC s = new SVC().setParams(Map.of("C", 3.0, "probability", true, "random_state", 1,
                    "class_weight", "balanced")).fit(blobs.x(), blobs.y());
            Path f = dir.resolve("svc" + classes + ".safetensors");
            ModelFiles.save(s, f);
            SVC back = ModelFiles.load(f, SVC.class);
            assertArrayEquals(s.support(), back.support());
            assertArrayEquals(s.nIter(), back.nIter());
            assertArrayEquals(s.intercept(), back.intercept(), 0.0);
            assertArrayEquals(s.dualCoef()[0], back.dualCoef()[0], 0.0);
            assertEquals(s.fittedGamma(), back.fittedGamma());
            double[][] want = s.decisionFunction(blobs.x());
            double[][] got = back.decisionFunction(blobs.x());
            double[][] pw = s.predictProba(blobs.x());
            double[][] pg = back.predictProba(blobs.x());
            for (int r = 0; r < want.length; r++) {
                assertArrayEquals(want[r], got[r], 0.0);
                assertArrayEquals(pw[r], pg[r], 0.0);
            }
            assertArrayEquals(s.predict(blobs.x()), back.predict(blobs.x()));
        }
    }

    @Test
    void aPipelineEndingInAnSvcAndADamagedFile(@TempDir Path dir) throws Exception {
        Samples moons = ToySets.moons(100, 0.2, 0);
        Pipeline.OfClassifier pipe = Pipeline.of(List.of(Pipeline.step("scale", new StandardScaler())), "svc",
                new SVC());
        pipe.fit(moons.x(), moons.y());
        Path f = dir.resolve("pipe.safetensors");
        ModelFiles.save(pipe, f);
        Pipeline.OfClassifier back = (Pipeline.OfClassifier) ModelFiles.load(f);
        assertArrayEquals(pipe.predict(moons.x()), back.predict(moons.x()));
        assertArrayEquals(pipe.decisionFunction(moons.x())[3], back.decisionFunction(moons.x())[3], 0.0);

        SVC s = new SVC().fit(moons.x(), moons.y());
        Map<String, String> meta = new java.util.LinkedHashMap<>(ModelFiles.metadata(writeTo(s, dir)));
        meta.put("fitted", meta.get("fitted").replace("\"n_support\":[", "\"n_support\":[1,"));
        var c = SafeTensors.read(writeTo(s, dir));
        Path bad = dir.resolve("bad.safetensors");
        Files.write(bad, SafeTensors.write(c.tensors(), meta));
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFiles.load(bad));
        assertTrue(e.getMessage().contains("n_support must have one count per class"), e.getMessage());
    }

    private static Path writeTo(SVC s, Path dir) throws Exception {
        Path f = dir.resolve("svc.safetensors");
        ModelFiles.save(s, f);
        return f;
    }
}
