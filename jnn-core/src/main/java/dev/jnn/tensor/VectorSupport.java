package dev.jnn.tensor;

/**
 * Whether the Vector API ({@code jdk.incubator.vector}) is usable in this JVM.
 *
 * <p>It is an incubator module, present only when the JVM starts with {@code --add-modules jdk.incubator.vector}
 * (the {@code jnn} launcher, Surefire and JMH pass it). Without it the kernels run their plain-Java versions, and
 * one warning is logged. {@code -Djnn.vector=false} forces the plain-Java kernels.
 */
public final class VectorSupport {
    private static final boolean AVAILABLE = detect();

    private VectorSupport() {
    }

    /** True when the Vector API kernels run. */
    public static boolean available() {
        return AVAILABLE;
    }

    private static boolean detect() {
        if ("false".equalsIgnoreCase(System.getProperty("jnn.vector", "true"))) {
            return false;
        }
        boolean present = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        if (!present) {
            System.getLogger("dev.jnn").log(System.Logger.Level.WARNING,
                    "jdk.incubator.vector is not available: jnn runs its plain-Java kernels, which are several "
                            + "times slower. Start the JVM with --add-modules jdk.incubator.vector (the jnn launcher does).");
        }
        return present;
    }
}
