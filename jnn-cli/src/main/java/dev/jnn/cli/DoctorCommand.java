package dev.jnn.cli;

import dev.jnn.data.DataStore;
import dev.jnn.data.RemoteSet;
import dev.jnn.tensor.Gemm;
import dev.jnn.tensor.Parallel;
import dev.jnn.tensor.VectorSupport;
import dev.jnn.util.MemoryBudget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code jnn doctor}: what this setup gives, for bug reports and for "why is it slow": the JDK, the Vector API,
 * the CPU and its SIMD flags, the GEMM micro-kernels chosen, the threads, the heap and its budget, where each
 * downloadable dataset was found, and the cache.
 */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Describe this setup: JDK, Vector API, CPU, kernels, threads, heap, datasets found and the"
                + " cache. Paste its output into bug reports.")
final class DoctorCommand implements Callable<Integer> {
    /** The CPU flags that decide which kernels are fast, in the order they are listed. */
    private static final List<String> FLAGS = List.of("sse4_2", "avx", "avx2", "fma", "avx512f", "avx512bw",
            "avx512vl", "avx512_fp16", "avx512_bf16", "amx_tile", "amx_bf16", "amx_int8");

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (String line : new Main.Version().lines()) {
            out.println(line);
        }
        line(out, "Java home", System.getProperty("java.home") + " (" + System.getProperty("java.vendor") + ")");
        line(out, "Vector API", VectorSupport.available()
                ? "jdk.incubator.vector, " + jdk.incubator.vector.FloatVector.SPECIES_PREFERRED.vectorBitSize()
                        + "-bit preferred species"
                : "not available: the plain-Java kernels run (start the JVM with --add-modules jdk.incubator.vector;"
                        + " the jnn launcher does)");
        line(out, "CPU", cpu());
        line(out, "GEMM kernels", Gemm.kernels());
        line(out, "Threads", Parallel.threads() + " (at most " + Parallel.maxThreads() + "; --threads, -Djnn.threads or"
                + " JNN_THREADS; default all " + Runtime.getRuntime().availableProcessors() + " cores)");
        Runtime rt = Runtime.getRuntime();
        line(out, "Heap", "at most " + MemoryBudget.human(rt.maxMemory()) + ", " + MemoryBudget.human(rt.totalMemory()
                - rt.freeMemory()) + " in use, " + MemoryBudget.human(MemoryBudget.available()) + " left for data"
                + " (JNN_JAVA_OPTS=-Xmx8g for more)");
        DataStore store = DataStore.fromEnvironment(null);
        for (RemoteSet set : List.of(RemoteSet.MNIST, RemoteSet.FASHION_MNIST)) {
            Path found = store.findLocal(set);
            line(out, "Data " + set.name(), found != null ? found.toString()
                    : "not found; jnn fit --data " + set.name() + " downloads it to " + store.cacheDir(set));
        }
        line(out, "Cache", cache(DataStore.defaultCache()));
        line(out, "Environment", env("JNN_DATA") + ", " + env("XDG_CACHE_HOME") + ", " + env("JNN_THREADS") + ", "
                + env("JNN_JAVA_OPTS"));
        out.flush();
        return 0;
    }

    private static void line(PrintWriter out, String what, String value) {
        out.printf(Locale.ROOT, "%-18s %s%n", what, value);
    }

    /** The model name and the kernel-relevant flags from /proc/cpuinfo (Linux), else the architecture. */
    static String cpu() {
        String base = System.getProperty("os.arch") + ", " + Runtime.getRuntime().availableProcessors() + " cores";
        Path info = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(info)) {
            return base;
        }
        String model = null;
        List<String> have = new ArrayList<>();
        try (Stream<String> lines = Files.lines(info)) {
            for (String l : (Iterable<String>) lines::iterator) {
                if (model == null && l.startsWith("model name")) {
                    model = l.substring(l.indexOf(':') + 1).strip();
                } else if (have.isEmpty() && l.startsWith("flags")) {
                    List<String> flags = List.of(l.substring(l.indexOf(':') + 1).strip().split("\\s+"));
                    FLAGS.stream().filter(flags::contains).forEach(have::add);
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            return base;
        }
        return (model == null ? "" : model + ", ") + base + (have.isEmpty() ? "" : "; " + String.join(" ", have));
    }

    /** The cache directory, the sets in it and their size. */
    private static String cache(Path dir) {
        if (!Files.isDirectory(dir)) {
            return dir + " (empty: nothing downloaded yet)";
        }
        List<String> sets = new ArrayList<>();
        long[] bytes = {0};
        try (Stream<Path> children = Files.list(dir)) {
            children.filter(Files::isDirectory).sorted().forEach(d -> sets.add(d.getFileName().toString()));
            try (Stream<Path> all = Files.walk(dir)) {
                all.filter(Files::isRegularFile).forEach(f -> bytes[0] += f.toFile().length());
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            return dir + " (unreadable: " + e.getMessage() + ")";
        }
        return dir + " (" + MemoryBudget.human(bytes[0]) + (sets.isEmpty() ? "" : "; " + String.join(", ", sets)) + ")";
    }

    private static String env(String name) {
        String v = System.getenv(name);
        return name + (v == null ? " unset" : "=" + v);
    }
}
