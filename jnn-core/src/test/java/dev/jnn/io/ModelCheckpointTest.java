package dev.jnn.io;

import dev.jnn.model.Fit;
import dev.jnn.model.History;
import dev.jnn.model.ModelJson;
import dev.jnn.model.Sequential;
import dev.jnn.nn.Loss;
import dev.jnn.optim.Adam;
import dev.jnn.tensor.DType;
import dev.jnn.tensor.Rng;
import dev.jnn.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ModelCheckpoint keeps the best epoch's network (by val_loss) or one file per epoch. */
class ModelCheckpointTest {
    private static Sequential net() {
        Sequential m = ModelJson.read("{\"layers\": [{\"type\": \"Dense\", \"units\": 6, \"activation\": \"tanh\"},"
                + " {\"type\": \"Dense\", \"units\": 3, \"activation\": \"softmax\"}]}", "net").seed(2);
        m.compile(new Adam(0.05, 0.9, 0.999, 1e-7), Loss.SPARSE_CATEGORICAL_CROSSENTROPY);
        return m;
    }

    @Test
    void keepsTheBestEpochOrEveryEpoch(@TempDir Path dir) throws Exception {
        Rng rng = new Rng(1);
        Tensor x = Tensor.zeros(DType.FLOAT32, 90, 4);
        int[] y = new int[90];
        for (int r = 0; r < 90; r++) {
            y[r] = r % 3;
            for (int c = 0; c < 4; c++) {
                x.set(rng.normal(c == y[r] ? 1.5 : 0, 1), r, c);
            }
        }
        Sequential m = net();
        ModelCheckpoint best = new ModelCheckpoint(dir.resolve("best"), "val_loss", true, new String[] {"a", "b", "c"});
        History h = m.fit(x, y, Fit.epochs(6).batchSize(10).validationSplit(0.3).callbacks(best));
        Sequential saved = ModelFiles.load(dir.resolve("best").resolve("best.safetensors"), Sequential.class);
        int bestEpoch = h.get("val_loss").indexOf(Collections.min(h.get("val_loss")));
        assertEquals(bestEpoch, best.bestEpoch());
        saved.compile(new Adam(), Loss.SPARSE_CATEGORICAL_CROSSENTROPY);
        int split = Fit.epochs(1).validationSplit(0.3).trainingRows(90);      // Keras's int(90 * 0.7) = 62
        double valLoss = saved.evaluate(x.rows(split, 90), java.util.Arrays.copyOfRange(y, split, 90)).get("loss");
        assertEquals(h.get("val_loss").get(bestEpoch), valLoss, 1e-6, "the file holds the best epoch's weights");
        assertEquals("[\"a\",\"b\",\"c\"]", ModelFiles.metadata(dir.resolve("best").resolve("best.safetensors"))
                .get("classes"));

        Sequential every = net();
        every.fit(x, y, Fit.epochs(3).batchSize(10).callbacks(new ModelCheckpoint(dir.resolve("all"), "val_loss",
                false, null)));
        for (int e = 1; e <= 3; e++) {
            assertTrue(Files.isRegularFile(dir.resolve("all").resolve("epoch-" + e + ".safetensors")));
        }
        Sequential last = ModelFiles.load(dir.resolve("all").resolve("epoch-3.safetensors"), Sequential.class);
        assertArrayEquals(every.predict(x).floatData(), last.predict(x).floatData());
    }
}
