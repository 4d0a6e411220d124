package dev.jnn.cli;

import dev.jnn.data.DataException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code jnn} command: neural networks for the JVM. */
@Command(name = "jnn",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Neural networks for the JVM: scikit-learn's estimators, Keras-style models, pure-Java kernels.",
        subcommands = {FitCommand.class, SearchCommand.class, DashboardCommand.class, PredictCommand.class, EvaluateCommand.class, InfoCommand.class,
            ExportCommand.class, PlotCommand.class, GradCheckCommand.class, TraceCommand.class, DatasetsCommand.class, ModelsCommand.class, BenchCommand.class, DoctorCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Print stack traces with errors.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        oneLineLogging();
        System.exit(execute(commandLine(), args));
    }

    /**
     * Runs a command line; running out of memory, which no size check foresaw, still ends in one line (exit 1)
     * rather than a stack trace.
     */
    static int execute(CommandLine cl, String[] args) {
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            PrintWriter err = cl.getErr();
            err.println("jnn: out of memory (" + oneLine(e) + ") with a heap of at most "
                    + (Runtime.getRuntime().maxMemory() >> 20) + " MB: use less data, or give the JVM more with"
                    + " JNN_JAVA_OPTS=-Xmx8g");
            err.flush();
            return 1;
        }
    }

    /** The configured command line (also used by the tests). */
    static CommandLine commandLine() {
        Main main = new Main();
        CommandLine cl = new CommandLine(main);
        // The MLP options are made from the parameter table, so they join the commands programmatically.
        for (CommandLine sub : cl.getSubcommands().values()) {
            if (sub.getCommand() instanceof FitCommand fit) {
                fit.mlp = new MlpOptions(sub.getCommandSpec());
            } else if (sub.getCommand() instanceof SearchCommand search) {
                search.mlp = new MlpOptions(sub.getCommandSpec());
            } else if (sub.getCommand() instanceof GradCheckCommand check) {
                check.mlp = new MlpOptions(sub.getCommandSpec());
            }
        }
        // Integer options take 15_000 and 1e7 where the value is integral, as the MLP's parameters do.
        cl.registerConverter(Integer.class, t -> Math.toIntExact(integral(t)));
        cl.registerConverter(Integer.TYPE, t -> Math.toIntExact(integral(t)));
        cl.registerConverter(Long.class, Main::integral);
        cl.registerConverter(Long.TYPE, Main::integral);
        // A usage error is one line and a hint, not the command's whole usage.
        cl.setParameterExceptionHandler((e, args) -> {
            CommandLine line = e.getCommandLine();
            PrintWriter err = line.getErr();
            String command = line.getCommandSpec().qualifiedName();
            err.println(command + ": " + oneLine(e) + " (see " + command + " --help)");
            if (main.verbose) {
                e.printStackTrace(err);
            }
            err.flush();
            return 2;
        });
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            PrintWriter err = line.getErr();
            err.println("jnn: " + oneLine(e));
            if (main.verbose) {
                e.printStackTrace(err);
            }
            err.flush();
            return e instanceof IllegalArgumentException && !(e instanceof DataException)
                    && !(e instanceof dev.jnn.api.CheckArray.NonFiniteInput) ? 2 : 1;
        });
        return cl;
    }

    /** An integer written as digits (with {@code _} between them), or in exponent form when the value is whole. */
    static long integral(String text) {
        String t = text.strip();
        if (t.matches("[+-]?\\d+(_+\\d+)*")) {
            return Long.parseLong(t.replace("_", ""));
        }
        try {
            return new java.math.BigDecimal(t.replace("_", "")).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not an integer");
        }
    }

    /** Library warnings (e.g. the ConvergenceWarning) print as one line on stderr: {@code WARNING: message}. */
    private static void oneLineLogging() {
        System.setProperty("java.util.logging.SimpleFormatter.format", "%4$s: %5$s%n");
    }

    private static String oneLine(Throwable e) {
        String msg = e.getMessage();
        if (msg == null || msg.isBlank()) {
            msg = e.getClass().getSimpleName();
        }
        return msg.replace('\n', ' ');
    }

    /** {@code jnn --version}: the release, the JVM, and whether the Vector API kernels run. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return lines();
        }

        /** The three lines; an unreadable version resource reads as "unknown". */
        String[] lines() {
            Properties p = new Properties();
            try (InputStream in = Main.class.getResourceAsStream("/jnn-version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            } catch (java.io.IOException e) {
                p.clear();
            }
            return new String[] {
                "jnn " + p.getProperty("version", "unknown"),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")",
                "kernels: " + KernelInfo.describe(),
            };
        }
    }
}
