package dev.jnn.cli;

import dev.jnn.io.ModelFiles;
import dev.jnn.model.Sequential;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code jnn export}: a saved model as ONNX. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export a saved model as ONNX (opset 17): input 'input' (rows of features), outputs"
                + " 'probabilities', 'index' and 'label' for classifiers, 'predictions' for regressors.")
final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ModelFileOption model;

    @Option(names = "--onnx", required = true, paramLabel = "FILE.onnx", description = "Where to write the ONNX model.")
    Path onnx;

    @Override
    public Integer call() throws Exception {
        SavedModel m = model.load();
        String[] classes = m.model instanceof Sequential && m.isClassifier() ? m.classes() : null;
        ModelFiles.exportOnnx(m.model, classes, onnx);
        spec.commandLine().getOut().println("Wrote " + onnx);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
