package dev.jnn.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.jnn.io.ModelFileException;
import dev.jnn.io.ModelFilesAccess;
import dev.jnn.model.ModelJson;
import dev.jnn.model.Sequential;

import java.nio.charset.StandardCharsets;

/**
 * Fuzzing the model JSON reader (with the build it leads to) and the model-file loader (run with
 * {@code scripts/fuzz}). Allowed outcomes: success, {@link IllegalArgumentException} for JSON (the documented
 * type, which names the layer and key), {@link ModelFileException} for model files.
 */
class ModelFilesFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void modelJson(byte[] data) {
        Sequential model;
        try {
            model = ModelJson.read(new String(data, StandardCharsets.UTF_8), "fuzz.json");
            model.build(4);
        } catch (IllegalArgumentException expected) {
            // a documented refusal
        }
    }

    @FuzzTest(maxDuration = "60s")
    void modelFile(byte[] data) {
        try {
            ModelFilesAccess.load(data);
        } catch (ModelFileException expected) {
            // a documented refusal
        }
    }
}
