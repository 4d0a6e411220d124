package dev.jnn.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Starts a JVM without jdk.incubator.vector: the plain-Java kernels must run and log exactly one warning. */
class NoVectorModuleTest {
    /** Entry point of the child JVM: a product and a kernel call, printed for the parent to check. */
    public static void main(String[] args) {
        double[] c = new double[4];
        Gemm.dgemm(false, false, 2, 2, 2, 1.0, new double[] {1, 2, 3, 4}, 0, 2, new double[] {5, 6, 7, 8}, 0, 2,
                0.0, c, 0, 2);
        Tensor t = Tensor.of(new float[][] {{-1, 2}});
        Kernels.relu(t);
        Gemm.sgemm(false, false, 1, 1, 1, 1f, new float[] {2}, 0, 1, new float[] {3}, 0, 1, 0f, new float[1], 0, 1);
        System.out.println(VectorSupport.available() + " " + c[0] + "," + c[1] + "," + c[2] + "," + c[3] + " "
                + t.get(0, 0) + "," + t.get(0, 1));
    }

    @Test
    void fallsBackWithOneWarning() throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                NoVectorModuleTest.class.getName())).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), err);
        assertEquals("false 19.0,22.0,43.0,50.0 0.0,2.0", out);
        int warnings = err.split("jdk.incubator.vector is not available", -1).length - 1;
        assertEquals(1, warnings, err);
        assertTrue(err.contains("--add-modules jdk.incubator.vector"), err);
    }
}
