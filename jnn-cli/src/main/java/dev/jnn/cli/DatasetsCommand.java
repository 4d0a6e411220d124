package dev.jnn.cli;

import dev.jnn.data.DataException;
import dev.jnn.data.DataStore;
import dev.jnn.data.Dataset;
import dev.jnn.data.Datasets;
import dev.jnn.data.RemoteSet;
import dev.jnn.data.Samples;
import dev.jnn.tensor.DType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** {@code jnn datasets list | info NAME | fetch NAME | path NAME}: the dataset catalogue. */
@Command(name = "datasets", mixinStandardHelpOptions = true,
        description = "The dataset catalogue: list the sets, describe one, fetch or locate the large ones.")
final class DatasetsCommand {
    @Spec
    CommandSpec spec;

    @Command(name = "list", description = "Every catalogue set with one line about it.")
    int list() {
        PrintWriter out = spec.commandLine().getOut();
        for (String name : Datasets.NAMES) {
            out.printf("%-14s %s%n", name, Datasets.description(name));
        }
        out.flush();
        return 0;
    }

    @Command(name = "info", description = "Describe a set: options, size, classes, and where its files are.")
    int info(@Parameters(paramLabel = "NAME") String name) {
        PrintWriter out = spec.commandLine().getOut();
        String base = name.contains(":") ? name.substring(0, name.indexOf(':')) : name;
        out.println(base + ": " + Datasets.description(base));
        Map<String, String> options = Datasets.options(base);
        if (!options.isEmpty()) {
            out.println("options (defaults): " + options.toString().replaceAll("[{}]", ""));
        }
        var remote = Datasets.remote(base);
        if (remote.isPresent()) {
            RemoteSet set = remote.get();
            Path dir = DataStore.fromEnvironment(null).findLocal(set);
            out.println("files: " + (dir == null ? "not found locally (`jnn datasets fetch " + base + "` downloads them)"
                    : dir));
            for (RemoteSet.RemoteFile f : set.files()) {
                out.println("  " + f.baseName() + "  sha256 " + f.sha256() + "  " + f.url());
            }
            out.flush();
            return 0;
        }
        Dataset d = Datasets.byName(name, DType.FLOAT64, DataStore.fromEnvironment(null));
        Samples rows = d.train();
        out.printf("%d rows, %d features%n", rows.size(), rows.x().cols());
        boolean regression = base.equals("diabetes");
        if (regression) {
            double[] t = rows.targets();
            out.printf("target: min %s, max %s%n", min(t), max(t));
        } else {
            Map<String, Integer> counts = new TreeMap<>((a, b) -> rows.hasIntLabels()
                    ? Integer.compare(Integer.parseInt(a), Integer.parseInt(b)) : a.compareTo(b));
            for (String l : rows.labels()) {
                counts.merge(l, 1, Integer::sum);
            }
            out.println("classes (rows): " + counts.toString().replaceAll("[{}]", ""));
        }
        out.flush();
        return 0;
    }

    @Command(name = "fetch", description = "Find or download a large set and verify its SHA-256 checksums.")
    int fetch(@Parameters(paramLabel = "NAME") String name) throws Exception {
        RemoteSet set = remoteOrFail(name);
        PrintWriter out = spec.commandLine().getOut();
        Path dir = DataStore.fromEnvironment(new DownloadProgress(true)).locate(set, null);
        DataStore.verify(set, dir);
        out.println(dir);
        out.flush();
        return 0;
    }

    @Command(name = "path", description = "Print the directory that holds a large set (no download).")
    int path(@Parameters(paramLabel = "NAME") String name) {
        RemoteSet set = remoteOrFail(name);
        Path dir = DataStore.fromEnvironment(null).findLocal(set);
        if (dir == null) {
            throw new DataException(name + " is not available locally; `jnn datasets fetch " + name
                    + "` finds or downloads it");
        }
        spec.commandLine().getOut().println(dir);
        spec.commandLine().getOut().flush();
        return 0;
    }

    private static RemoteSet remoteOrFail(String name) {
        Datasets.description(name); // unknown names fail here with the list of known ones
        return Datasets.remote(name).orElseThrow(() -> new IllegalArgumentException(name
                + " is bundled or generated; there is nothing to fetch (the large sets: mnist, fashion-mnist)"));
    }

    private static double min(double[] t) {
        return java.util.Arrays.stream(t).min().orElse(Double.NaN);
    }

    private static double max(double[] t) {
        return java.util.Arrays.stream(t).max().orElse(Double.NaN);
    }
}
