package dev.jnn.cli;

import picocli.CommandLine.Command;

/** {@code jnn bench}: speed measurements of the kernels. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure the speed of jnn's kernels and estimators.",
        subcommands = {GemmBenchCommand.class, MlpBenchCommand.class, LenetBenchCommand.class,
            PredictBenchCommand.class, SearchBenchCommand.class})
final class BenchCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
