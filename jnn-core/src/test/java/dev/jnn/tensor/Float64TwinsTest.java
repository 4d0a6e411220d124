package dev.jnn.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** Keeps each FLOAT64 kernel file equal to its FLOAT32 twin rewritten by {@link Float64Twins}. */
class Float64TwinsTest {
    @Test
    void float64FilesAreTheFloat32FilesRewritten() throws IOException {
        for (String name : Float64Twins.PAIRS) {
            String f32 = Files.readString(Float64Twins.SRC.resolve(name + ".java"));
            String f64 = Files.readString(Float64Twins.SRC.resolve(name.replace("F32", "F64") + ".java"));
            assertEquals(Float64Twins.toFloat64(f32), f64, name + ": its F64 twin has drifted; regenerate it with "
                    + "java jnn-core/src/test/java/dev/jnn/tensor/Float64Twins.java");
        }
    }
}
