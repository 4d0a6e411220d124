package dev.jnn.cli;

import dev.jnn.api.ParamSpec;
import dev.jnn.api.ParamTable;
import dev.jnn.estimator.MLPParams;
import dev.jnn.estimator.PerceptronParams;
import dev.jnn.estimator.SVCParams;
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
 * Every parameter of the MLP, the Perceptron and the SVC as a kebab-case option, made from their tables
 * ({@link MLPParams#TABLE}, {@link PerceptronParams#TABLE}, {@link SVCParams#TABLE}): the option, its placeholder,
 * its help and its defaults all come from the tables, and the CLI restates none of them. An option has no value unless
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

    /** The estimators whose parameters are options, by the {@code --model} that picks them ("" for the MLP). */
    static final Map<String, ParamTable<?>> TABLES = tables();

    private final Map<String, OptionSpec> options = new LinkedHashMap<>();

    private static Map<String, ParamTable<?>> tables() {
        Map<String, ParamTable<?>> m = new LinkedHashMap<>();
        m.put("", MLPParams.TABLE);
        m.put("perceptron", PerceptronParams.TABLE);
        m.put("svc", SVCParams.TABLE);
        return m;
    }

    /** Adds the options to {@code command} (before it parses anything): the MLP's, then the others' new ones. */
    MlpOptions(CommandSpec command) {
        Map<String, ParamSpec> specs = new LinkedHashMap<>();
        for (ParamTable<?> table : TABLES.values()) {
            for (ParamSpec p : table.specs()) {
                specs.putIfAbsent(p.name(), p);
            }
        }
        for (ParamSpec p : specs.values()) {
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
        List<String> owners = new ArrayList<>();
        TABLES.forEach((model, table) -> {
            if (table.spec(p.name()) != null) {
                owners.add(model);
            }
        });
        boolean mlp = owners.get(0).isEmpty();
        StringBuilder b = new StringBuilder(mlp ? "" : "With --model " + String.join("|", owners) + ": ")
                .append(p.doc()).append(" Default: ").append(p.pythonDefault());
        for (String model : owners.subList(1, owners.size())) {
            String other = TABLES.get(model).spec(p.name()).pythonDefault();
            if (mlp || !other.equals(p.pythonDefault())) {
                b.append("; with --model ").append(model).append(": ").append(other);
            }
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
            b.append("; with --model: ").append(p.name().equals("learning_rate_init")
                    ? "the named network's recipe (jnn models), else " : "").append(String.join(", ", defaults));
        } else if (p.name().equals("batch_size")) {
            b.append("; with --model: the named network's recipe (jnn models), else 32");
        } else if (p.name().equals("random_state")) {
            b.append("; with --model: 0");
        }
        return b.append('.').toString();
    }

    /**
     * The given options that {@code table} takes; any other given one is a usage error naming {@code what} and the
     * models that do take it.
     */
    static Map<String, Object> only(Map<String, Object> given, ParamTable<?> table, String what) {
        for (String name : given.keySet()) {
            if (table.spec(name) == null) {
                List<String> owners = new ArrayList<>();
                TABLES.forEach((model, t) -> {
                    if (t.spec(name) != null) {
                        owners.add(model.isEmpty() ? "the MLP" : "--model " + model);
                    }
                });
                throw new IllegalArgumentException("--" + name.replace('_', '-') + " does not apply to " + what
                        + (owners.isEmpty() ? "" : " (it is an option of " + String.join(" and ", owners) + ")")
                        + "; see jnn fit --help");
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
