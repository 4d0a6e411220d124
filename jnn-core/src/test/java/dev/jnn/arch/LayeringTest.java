package dev.jnn.arch;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The layer table of docs/ARCHITECTURE.md, enforced: every reference from one package of the core's main sources
 * to another (an import or a qualified name) must point down the table, and every package says what it is in a
 * package-info.java.
 */
class LayeringTest {
    /** What each package may use, besides itself: the table in docs/ARCHITECTURE.md. */
    static final Map<String, Set<String>> MAY_USE = Map.ofEntries(
            Map.entry("util", Set.of()),
            Map.entry("tensor", Set.of("util")),
            Map.entry("kernels", Set.of("tensor", "util")),
            Map.entry("nn", Set.of("kernels", "tensor", "util")),
            Map.entry("api", Set.of("tensor", "util")),
            Map.entry("optim", Set.of("nn", "api", "tensor", "util")),
            Map.entry("data", Set.of("tensor", "util")),
            Map.entry("metrics", Set.of("tensor", "util")),
            Map.entry("preprocess", Set.of("api", "tensor", "util")),
            Map.entry("estimator", Set.of("api", "nn", "optim", "data", "tensor", "util")),
            Map.entry("model", Set.of("nn", "optim", "api", "tensor", "util")),
            Map.entry("model.zoo", Set.of("model", "nn", "tensor", "util")),
            Map.entry("selection", Set.of("api", "metrics", "data", "tensor", "util")),
            Map.entry("io", Set.of("estimator", "model", "nn", "preprocess", "api", "data", "tensor", "util")));

    private static final Path SOURCES = Path.of("src/main/java/dev/jnn");
    private static final Pattern REFERENCE = Pattern.compile("\\bdev\\.jnn\\.([a-z.]+?)\\.[A-Z*]");

    @Test
    void everyReferenceBetweenPackagesPointsDownTheTable() throws IOException {
        List<String> upward = new ArrayList<>();
        for (Path file : javaFiles()) {
            String pkg = packageOf(file);
            String code = withoutComments(Files.readString(file));
            Matcher m = REFERENCE.matcher(code);
            while (m.find()) {
                String target = m.group(1);
                if (!target.equals(pkg) && !MAY_USE.get(pkg).contains(target)) {
                    upward.add(SOURCES.relativize(file) + " uses dev.jnn." + target);
                }
            }
        }
        assertEquals(List.of(), upward, "references that point up the layer table");
    }

    @Test
    void everyPackageIsInTheTableAndHasAPackageInfo() throws IOException {
        Set<String> packages = new TreeSet<>();
        for (Path file : javaFiles()) {
            packages.add(packageOf(file));
        }
        assertEquals(new TreeSet<>(MAY_USE.keySet()), packages, "packages of the core against the table");
        for (String p : packages) {
            assertTrue(Files.isRegularFile(SOURCES.resolve(p.replace('.', '/')).resolve("package-info.java")),
                    p + " has no package-info.java");
        }
    }

    @Test
    void theScanSeesAnUpwardReference() {
        // the rule's own check: a line like the ones it must catch is caught
        Matcher m = REFERENCE.matcher("import dev.jnn.estimator.MLPClassifier;\nx = dev.jnn.model.zoo.ModelZoo.get(n);");
        assertTrue(m.find());
        assertEquals("estimator", m.group(1));
        assertTrue(m.find());
        assertEquals("model.zoo", m.group(1));
        assertTrue(withoutComments("/** see {@link dev.jnn.cli.Main} */ int x; // dev.jnn.plot.Figures").trim()
                .equals("int x;"));
    }

    private static List<Path> javaFiles() throws IOException {
        try (Stream<Path> s = Files.walk(SOURCES)) {
            return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    private static String packageOf(Path file) {
        return SOURCES.relativize(file.getParent()).toString().replace('/', '.');
    }

    /** The code without its comments, so that Javadoc may name any class. */
    static String withoutComments(String code) {
        return code.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\n]*", "");
    }
}
