package dev.jnn.optim;

import dev.jnn.api.ParamTable;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The optimizers of {@code Sequential} models by Keras's names ({@code adam}, {@code sgd}, {@code rmsprop},
 * {@code adagrad}), each with its parameter table, so that the command line and model files can make any of them
 * from names and values with the same checks and messages as the Java constructors.
 */
public final class Optimizers {
    private record Kind(String owner, ParamTable<? extends Record> table, Function<Record, Optimizer> make) {
    }

    private static final Map<String, Kind> KINDS = new LinkedHashMap<>();

    static {
        KINDS.put("adam", new Kind("Adam", Adam.Params.TABLE, p -> new Adam((Adam.Params) p)));
        KINDS.put("sgd", new Kind("SGD", Sgd.Params.TABLE, p -> new Sgd((Sgd.Params) p)));
        KINDS.put("rmsprop", new Kind("RMSprop", RmsProp.Params.TABLE, p -> new RmsProp((RmsProp.Params) p)));
        KINDS.put("adagrad", new Kind("Adagrad", Adagrad.Params.TABLE, p -> new Adagrad((Adagrad.Params) p)));
    }

    private Optimizers() {
    }

    /** The names, in the order above. */
    public static List<String> names() {
        return List.copyOf(KINDS.keySet());
    }

    /** The parameter table of the optimizer called {@code name}. */
    public static ParamTable<? extends Record> table(String name) {
        return kind(name).table();
    }

    /**
     * The optimizer called {@code name} with the given parameters by snake_case name (objects or text), the others
     * at Keras's defaults.
     */
    public static Optimizer byName(String name, Map<String, ?> params) {
        Kind k = kind(name);
        return k.make().apply(with(k.table(), params, k.owner()));
    }

    private static <R extends Record> R with(ParamTable<R> table, Map<String, ?> params, String owner) {
        return table.with(table.defaults(), params, owner);
    }

    private static Kind kind(String name) {
        Kind k = KINDS.get(name);
        if (k == null) {
            throw new IllegalArgumentException("unknown optimizer '" + name + "': choose one of "
                    + String.join(", ", KINDS.keySet()));
        }
        return k;
    }

    /** {@code p} after {@code table}'s checks, which raise scikit-learn-style messages naming {@code owner}. */
    static <R extends Record> R checked(ParamTable<R> table, R p, String owner) {
        table.validate(p, owner);
        return p;
    }
}
