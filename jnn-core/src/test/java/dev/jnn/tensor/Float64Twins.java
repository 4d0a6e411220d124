package dev.jnn.tensor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The FLOAT64 kernels are the FLOAT32 kernels with the types swapped: Java has no generics over primitives, and
 * boxing would cost the kernels their speed. After editing one of the F32 files, run
 * {@code java jnn-core/src/test/java/dev/jnn/tensor/Float64Twins.java} from the repository root to rewrite its
 * twin; {@code Float64TwinsTest} fails while a twin has drifted.
 */
final class Float64Twins {
    static final List<String> PAIRS = List.of("GemmF32", "VectorTilesF32", "ScalarKernelsF32", "VectorKernelsF32");
    static final Path SRC = Path.of("src/main/java/dev/jnn/tensor");

    /** The float32 -> float64 rewrite, applied line by line. */
    static String toFloat64(String src) {
        return src
                .replace("F32", "F64")
                .replace("FLOAT32", "FLOAT64")
                .replace("FloatVector", "DoubleVector")
                .replace("<Float>", "<Double>")
                .replace("Float.NEGATIVE_INFINITY", "Double.NEGATIVE_INFINITY")
                .replace("(8 x 32 on AVX-512)", "(8 x 16 on AVX-512)")
                .replace("(float) ", "")
                .replace("(double) y[yOff + i]", "y[yOff + i]")
                .replaceAll("\\bfloat\\b", "double")
                .replaceAll("\\b([0-9])f\\b", "$1.0")
                .replace("VectorTilesF64.L : 16;", "VectorTilesF64.L : 8;");
    }

    /** Rewrites the F64 twins from the F32 files (run from the repository root). */
    public static void main(String[] args) throws IOException {
        Path src = Path.of("jnn-core").resolve(SRC);
        for (String name : PAIRS) {
            String f32 = Files.readString(src.resolve(name + ".java"));
            Files.writeString(src.resolve(name.replace("F32", "F64") + ".java"), toFloat64(f32));
        }
    }
}
