package dev.jnn.cli;

import dev.jnn.api.ParamSpec;
import dev.jnn.api.ParamTable;
import dev.jnn.estimator.MLPParams;
import dev.jnn.estimator.PerceptronParams;
import dev.jnn.optim.Optimizers;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every MLP parameter as a kebab-case option, made from {@link MLPParams#TABLE}: the option, its placeholder, its
 * help and its default all come from the table, and the CLI restates none of them. An option has no value unless
 * given; only the options given reach the estimator's {@code setParams}, which reads and checks their text. The
 * options that also tune a {@code --model}'s optimizer say that optimizer's defaults, read from its own table.
 */
final class MlpOptions {
    /** MLP parameters that tune a {@code --model}'s optimizer, under the optimizers' (Keras's) names. */
    static final Map<String, String> OPTIMIZER_NAMES = Map.of("learning_rate_init", "learning_rate",
            "momentum", "momentum", "nesterovs_momentum", "nesterov", "beta_1", "beta_1", "beta_2", "beta_2",
            "epsilon", "epsilon");

    /**
     * Parameters without an option: {@code verbose} is the global {@code --verbose} (which also prints stack
     * traces), and {@code warm_start} needs an earlier fit in the same process.
     */
    static final Set<String> NOT_OPTIONS = Set.of("verbose", "warm_start");

    private final Map<String, OptionSpec> options = new LinkedHashMap<>();

    /** Adds the options to {@code command} (before it parses anything): the MLP's, then the Perceptron's others. */
    MlpOptions(CommandSpec command) {
        List<ParamSpec> specs = new ArrayList<>(MLPParams.TABLE.specs());
        for (ParamSpec p : PerceptronParams.TABLE.specs()) {
            if (MLPParams.TABLE.spec(p.name()) == null) {
                specs.add(p);
            }
        }
        for (ParamSpec p : specs) {
            if (NOT_OPTIONS.contains(p.name())) {
                continue;
            }
            OptionSpec.Builder b = OptionSpec.builder(p.option()).description(help(p));
            if (p.isFlag()) {
                b.type(Boolean.class).negatable(true).arity("0");
            } else {
                b.type(String.class).paramLabel(p.label());
            }
            OptionSpec o = b.build();
            command.addOption(o);
            options.put(p.name(), o);
        }
    }

    /** The options given, under scikit-learn's names, as text (flags as booleans). */
    Map<String, Object> params() {
        Map<String, Object> m = new TreeMap<>();
        options.forEach((name, o) -> {
            Object v = o.getValue();
            if (v != null) {
                m.put(name, v);
            }
        });
        return m;
    }

    private static String help(ParamSpec p) {
        boolean mlp = MLPParams.TABLE.spec(p.name()) == p;
        ParamSpec perceptron = PerceptronParams.TABLE.spec(p.name());
        StringBuilder b = new StringBuilder(mlp ? "" : "With --model perceptron: ").append(p.doc())
                .append(" Default: ").append(p.pythonDefault());
        if (mlp && perceptron != null) {
            b.append("; with --model perceptron: ").append(perceptron.pythonDefault());
        }
        String keras = OPTIMIZER_NAMES.get(p.name());
        if (keras != null) {
            List<String> defaults = new ArrayList<>();
            for (String optimizer : Optimizers.names()) {
                ParamSpec s = Optimizers.table(optimizer).spec(keras);
                if (s != null) {
                    defaults.add(optimizer + " " + s.pythonDefault());
                }
            }
            b.append("; with --model: ").append(String.join(", ", defaults));
        }
        return b.append('.').toString();
    }

    /** The given options that {@code table} takes; any other given one is a usage error naming {@code what}. */
    static Map<String, Object> only(Map<String, Object> given, dev.jnn.api.ParamTable<?> table, String what) {
        for (String name : given.keySet()) {
            if (table.spec(name) == null) {
                throw new IllegalArgumentException("--" + name.replace('_', '-') + " does not apply to " + what
                        + " (see jnn fit --help)");
            }
        }
        return given;
    }

    /** The optimizer parameters given for a {@code --model}, under the optimizers' names; also used by the tests. */
    static Map<String, Object> forOptimizer(Map<String, Object> mlp, String optimizer) {
        ParamTable<? extends Record> table = Optimizers.table(optimizer);
        Map<String, Object> out = new LinkedHashMap<>();
        mlp.forEach((name, v) -> {
            String keras = OPTIMIZER_NAMES.get(name);
            if (keras == null) {
                return;
            }
            if (table.spec(keras) == null) {
                throw new IllegalArgumentException("--" + name.replace('_', '-') + " does not apply to --optimizer "
                        + optimizer + " (it takes " + String.join(", ", OPTIMIZER_NAMES.entrySet().stream()
                        .filter(e -> table.spec(e.getValue()) != null).map(e -> "--" + e.getKey().replace('_', '-'))
                        .sorted().toList()) + ")");
            }
            out.put(keras, v);
        });
        return out;
    }
}
