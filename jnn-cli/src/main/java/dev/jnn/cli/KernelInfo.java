package dev.jnn.cli;

import dev.jnn.tensor.Parallel;
import dev.jnn.tensor.VectorSupport;

/** A one-line description of how the kernels run here. */
final class KernelInfo {
    private KernelInfo() {
    }

    static String describe() {
        String simd = VectorSupport.available()
                ? "Vector API, " + jdk.incubator.vector.FloatVector.SPECIES_PREFERRED.vectorBitSize() + "-bit"
                : "plain Java (no jdk.incubator.vector)";
        return simd + ", " + Parallel.threads() + " thread" + (Parallel.threads() == 1 ? "" : "s");
    }
}
