package dev.jnn.cli;

import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;

/** {@code --model FILE}: the saved model that {@code predict}, {@code evaluate} and {@code info} read. */
final class ModelFileOption {
    @Option(names = "--model", required = true, paramLabel = "FILE.safetensors",
            description = "The saved model (jnn fit --save).")
    Path file;

    SavedModel load() throws IOException {
        return SavedModel.load(file);
    }
}
