package dev.jnn.api;

import dev.jnn.util.PyFormat;
import dev.jnn.util.PythonNamed;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The parameter table of an estimator or model family: the {@link Param} declarations on the components of its
 * parameter record, read once. It gives the defaults, scikit-learn's {@code get_params}/{@code set_params} (values
 * as objects or as text, the way a command line or a grid file writes them), and validation with scikit-learn's
 * messages ({@code The 'alpha' parameter of MLPClassifier must be a float in the range [0, inf). Got -1.0 instead.}).
 *
 * @param <R> the parameter record
 */
public final class ParamTable<R extends Record> {
    private static final ClassValue<ParamTable<?>> TABLES = new ClassValue<>() {
        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        protected ParamTable<?> computeValue(Class<?> type) {
            return new ParamTable(type);
        }
    };

    private final Map<String, ParamSpec> specs = new LinkedHashMap<>();
    private final Constructor<R> constructor;
    private final R defaults;

    private ParamTable(Class<R> type) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            types[i] = c.getType();
            Param p = c.getAnnotation(Param.class);
            if (p == null) {
                throw new IllegalStateException(type.getSimpleName() + "." + c.getName() + " has no @Param");
            }
            ParamSpec s = new ParamSpec(p.name().isEmpty() ? snakeCase(c.getName()) : p.name(), c, p);
            specs.put(s.name(), s);
        }
        try {
            constructor = type.getDeclaredConstructor(types);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(type + " has no canonical constructor", e);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParamSpec s : specs.values()) {
            values.put(s.name(), s.defaultValue());
        }
        defaults = construct(values);
    }

    /** The table of a parameter record whose every component carries a {@link Param}. */
    @SuppressWarnings("unchecked")
    public static <R extends Record> ParamTable<R> of(Class<R> type) {
        return (ParamTable<R>) TABLES.get(type);
    }

    /** The parameters in declaration order. */
    public List<ParamSpec> specs() {
        return List.copyOf(specs.values());
    }

    /** The parameter of a snake_case name, or null. */
    public ParamSpec spec(String name) {
        return specs.get(name);
    }

    /** The record of every default. */
    public R defaults() {
        return defaults;
    }

    /** The values of {@code r} by snake_case name, in declaration order, as Java holds them (null included). */
    public Map<String, Object> values(R r) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (ParamSpec s : specs.values()) {
            out.put(s.name(), s.get(r));
        }
        return out;
    }

    /** scikit-learn's {@code get_params()}: sorted snake_case names, values as Python would show them. */
    public Map<String, Object> toMap(R r) {
        PythonDict out = new PythonDict();
        for (ParamSpec s : specs.values()) {
            out.put(s.name(), s.python(s.get(r)));
        }
        return out;
    }

    /**
     * scikit-learn's repr of an estimator, {@code MLPClassifier(hidden_layer_sizes=(50,), max_iter=10)}: the
     * parameters that differ from their defaults, sorted by name as scikit-learn sorts them.
     */
    public String repr(String owner, R r) {
        StringBuilder b = new StringBuilder(owner).append('(');
        boolean first = true;
        for (ParamSpec s : new TreeMap<>(specs).values()) {
            Object v = s.python(s.get(r));
            Object d = s.python(s.defaultValue());
            if (!java.util.Objects.deepEquals(v, d)) {
                b.append(first ? "" : ", ").append(s.name()).append('=').append(PythonDict.repr(v));
                first = false;
            }
        }
        return b.append(')').toString();
    }

    /**
     * {@code base} with the named parameters changed ({@code set_params}); values may be objects or text. Unknown
     * names, unreadable text and values outside a choice list fail here; {@link #validate} checks the rest.
     */
    public R with(R base, Map<String, ?> changes, String owner) {
        Map<String, Object> values = values(base);
        for (Map.Entry<String, ?> e : changes.entrySet()) {
            ParamSpec s = specs.get(e.getKey());
            if (s == null) {
                throw new IllegalArgumentException("Invalid parameter " + PyFormat.quote(e.getKey()) + " for estimator "
                        + owner + "(). Valid parameters are: " + new TreeMap<>(specs).keySet().stream()
                        .map(PyFormat::quote).toList() + ".");
            }
            values.put(s.name(), s.parse(e.getValue(), owner));
        }
        return construct(values);
    }

    /** Checks every value of {@code r} against its constraint, naming the first that fails as scikit-learn does. */
    public void validate(R r, String owner) {
        for (ParamSpec s : specs.values()) {
            s.check(s.get(r), owner);
        }
    }

    /** The record of the given values by snake_case name (missing ones take their defaults); unvalidated. */
    public R construct(Map<String, Object> values) {
        Object[] args = new Object[specs.size()];
        int i = 0;
        for (ParamSpec s : specs.values()) {
            args[i++] = values.containsKey(s.name()) ? values.get(s.name()) : s.get(defaults);
        }
        try {
            return constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot build " + constructor.getDeclaringClass().getSimpleName()
                    + " from " + Arrays.toString(args), e);
        }
    }

    /**
     * {@code learningRateInit} → {@code learning_rate_init}; a digit after a letter starts a word
     * ({@code beta1} → {@code beta_1}).
     */
    static String snakeCase(String javaName) {
        StringBuilder b = new StringBuilder();
        char prev = 0;
        for (char c : javaName.toCharArray()) {
            if (Character.isUpperCase(c) || Character.isDigit(c) && Character.isLetter(prev)) {
                b.append('_');
            }
            b.append(Character.toLowerCase(c));
            prev = c;
        }
        return b.toString();
    }

    /** The Python names of an enum type's constants that a spec allows, sorted. */
    static List<String> choiceNames(Class<?> type, String[] allowed) {
        List<String> names = new ArrayList<>();
        if (allowed.length > 0) {
            names.addAll(List.of(allowed));
        } else {
            for (Object c : type.getEnumConstants()) {
                names.add(((PythonNamed) c).pythonName());
            }
        }
        Collections.sort(names);
        return names;
    }

    static String lower(String s) {
        return s.trim().toLowerCase(Locale.ROOT);
    }
}
