package dev.jnn.cli;

import dev.jnn.model.Sequential;
import dev.jnn.model.zoo.ModelZoo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code jnn models}: the named networks of {@code --model}, with their sizes and training recipes. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "List the named networks that jnn fit --model and jnn search --model take, each with its"
                + " trainable parameters (for 28x28 images, 784 features) and the recipe it trains with.")
final class ModelsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--summary", description = "Also print each network's layer table.")
    boolean summary;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (ModelZoo.Entry e : ModelZoo.entries()) {
            Sequential net = e.build(784).seed(0).build(784);
            long params = net.parameters().stream().mapToLong(p -> p.value().size()).sum();
            out.printf("%-11s %,10d parameters  recipe: %s%n            %s%n", e.name(), params,
                    e.recipe().describe(), e.description());
            if (summary) {
                out.println(net.summary());
            }
        }
        out.println("Flags override a recipe: --optimizer, --learning-rate-init, --lr-schedule, --batch-size,"
                + " --epochs.");
        out.flush();
        return 0;
    }

}
