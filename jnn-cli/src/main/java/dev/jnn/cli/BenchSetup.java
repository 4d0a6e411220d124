package dev.jnn.cli;

import dev.jnn.data.DataStore;
import dev.jnn.data.Dataset;
import dev.jnn.data.Datasets;
import dev.jnn.data.RemoteSet;
import dev.jnn.model.Sequential;
import dev.jnn.model.zoo.ModelZoo;
import dev.jnn.tensor.DType;
import dev.jnn.tensor.Parallel;

import java.nio.file.Path;
import java.util.Arrays;

/** What the {@code jnn bench} commands share: option checks, the data sets, the networks and a median. */
final class BenchSetup {
    /** The networks that jnn bench lenet and predict time, by their ModelZoo names. */
    static final String[] NETWORKS = {"lenet5-3x3", "lenet5"};

    private BenchSetup() {
    }

    /** Sets the kernel threads when given; below 1 is a usage error. */
    static void threads(Integer threads) {
        if (threads != null) {
            atLeast("--threads", threads, 1);
            Parallel.setThreads(threads);
        }
    }

    static void atLeast(String option, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(option + " must be at least " + min + "; got " + value);
        }
    }

    /** A float32 LeNet-5 of the zoo for 28×28 images, seeded with 0; another name is a usage error. */
    static Sequential lenet(String name) {
        if (!Arrays.asList(NETWORKS).contains(name)) {
            throw new IllegalArgumentException("--network must be one of " + String.join(", ", NETWORKS) + "; got '"
                    + name + "'");
        }
        return ModelZoo.get(name).build(784).dtype(DType.FLOAT32).seed(0);
    }

    /** Full MNIST in float32, pixels / 255, from dir or the catalogue's search order. */
    static Dataset mnist(Path dir, boolean progress) {
        return idx(RemoteSet.MNIST, dir, progress, DType.FLOAT32);
    }

    static Dataset idx(RemoteSet set, Path dir, boolean progress, DType dtype) {
        return Datasets.idx(set, DataStore.fromEnvironment(new DownloadProgress(progress)).locate(set, dir), dtype,
                true);
    }

    /** The median of the values (sorted in place). */
    static double median(double[] v) {
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
