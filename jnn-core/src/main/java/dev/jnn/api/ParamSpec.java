package dev.jnn.api;

import dev.jnn.util.PyFormat;
import dev.jnn.util.PythonNamed;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One row of a {@link ParamTable}: a hyperparameter's snake_case name, Java type, default, constraint and doc, with
 * the reading of its values from objects or text and the check of its constraint.
 */
public final class ParamSpec {
    private final String name;
    private final RecordComponent component;
    private final Param decl;
    private final Class<?> type;
    private final boolean lowClosed;
    private final double low;
    private final double high;
    private final boolean highClosed;
    private final List<String> choices;
    private final Object defaultValue;

    ParamSpec(String name, RecordComponent component, Param decl) {
        this.name = name;
        this.component = component;
        this.decl = decl;
        this.type = component.getType();
        String r = decl.range().trim();
        if (r.isEmpty()) {
            lowClosed = highClosed = true;
            low = Double.NEGATIVE_INFINITY;
            high = Double.POSITIVE_INFINITY;
        } else {
            String[] ends = r.substring(1, r.length() - 1).split(",");
            lowClosed = r.charAt(0) == '[';
            highClosed = r.charAt(r.length() - 1) == ']';
            low = number(ends[0].trim());
            high = number(ends[1].trim());
        }
        choices = type.isEnum() ? ParamTable.choiceNames(type, decl.choices()) : List.of();
        defaultValue = parse(decl.value(), "the defaults");
    }

    /** The snake_case name, e.g. {@code learning_rate_init}. */
    public String name() {
        return name;
    }

    /** The command line's kebab-case option, e.g. {@code --learning-rate-init}. */
    public String option() {
        return "--" + name.replace('_', '-');
    }

    /** The Java type of the values. */
    public Class<?> type() {
        return type;
    }

    /** What the parameter does. */
    public String doc() {
        return decl.doc();
    }

    /** The default as Python writes it, e.g. {@code 0.0001} or {@code auto}. */
    public String pythonDefault() {
        return decl.value();
    }

    /** The default as Java holds it. */
    public Object defaultValue() {
        return defaultValue;
    }

    /** Whether the values are true/false. */
    public boolean isFlag() {
        return type == boolean.class || type == Boolean.class;
    }

    /** The allowed Python names of an enum parameter, sorted; empty for other types. */
    public List<String> choices() {
        return choices;
    }

    /** A placeholder for the value on a command line, e.g. {@code N[,N...]}, {@code N|auto}, {@code adam|lbfgs|sgd}. */
    public String label() {
        if (!decl.label().isEmpty()) {
            return decl.label();
        }
        if (type.isEnum()) {
            return String.join("|", choices);
        }
        String base = type == int[].class ? "N[,N...]" : type == String.class ? "TEXT" : isInteger() ? "N" : "X";
        if (decl.wholeOrInf()) {
            return "N|inf";
        }
        return decl.none().isEmpty() || decl.none().equals("None") ? base : base + "|" + decl.none();
    }

    /** The constraint as scikit-learn's messages word it, e.g. {@code a float in the range [0, inf)}. */
    public String constraint() {
        if (!decl.says().isEmpty()) {
            return decl.says();
        }
        String range = (lowClosed ? "[" : "(") + text(low) + ", " + text(high) + (highClosed ? "]" : ")");
        String c;
        if (type.isEnum()) {
            c = "a str among " + set(choices);
        } else if (isFlag()) {
            c = "a bool";
        } else if (type == String.class) {
            c = "a str";
        } else if (decl.wholeOrInf()) {
            c = "an int in the range " + range + " or a float among {inf}";
        } else {
            c = (isInteger() ? "an int" : "a float") + " in the range " + range;
        }
        if (decl.none().isEmpty()) {
            return c;
        }
        return decl.none().equals("None") ? c + " or None" : "a str among " + set(List.of(decl.none())) + " or " + c;
    }

    Object get(Record r) {
        try {
            return component.getAccessor().invoke(r);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The value as scikit-learn's {@code get_params()} shows it. */
    Object python(Object v) {
        if (v == null) {
            return decl.none().equals("None") ? null : decl.none();
        }
        if (v instanceof PythonNamed p) {
            return p.pythonName();
        }
        if (v instanceof int[] a) {
            return a.clone();
        }
        if (decl.wholeOrInf() && v instanceof Double d && !d.isInfinite()) {
            return (int) d.doubleValue();
        }
        return v;
    }

    /** A value from an object of the type or from text; fails on what cannot be read or is not among the choices. */
    public Object parse(Object v, String owner) {
        if (v == null || !decl.none().isEmpty() && decl.none().equals(String.valueOf(v).trim())) {
            return null;
        }
        if (type.isEnum()) {
            if (type.isInstance(v)) {
                return v;
            }
            Object e = byName(String.valueOf(v).trim());
            if (e == null || !choices.contains(((PythonNamed) e).pythonName())) {
                throw bad(owner, v instanceof String s ? PyFormat.quote(s) : String.valueOf(v));
            }
            return e;
        }
        if (type == int[].class) {
            return sizes(v);
        }
        if (type == String.class) {
            return String.valueOf(v).trim();
        }
        if (isFlag()) {
            return flag(v);
        }
        if (type == double.class || type == Double.class) {
            return v instanceof Number n ? n.doubleValue() : real(String.valueOf(v));
        }
        long l = integer(v);
        if (type == int.class || type == Integer.class) {
            if (l != (int) l) {
                throw new IllegalArgumentException("parameter " + name + " is out of the int range: " + v);
            }
            return (int) l;
        }
        return l;
    }

    /** Fails with scikit-learn's message when {@code v} breaks the constraint. */
    public void check(Object v, String owner) {
        if (v == null) {
            if (decl.none().isEmpty()) {
                throw bad(owner, "None");
            }
            return;
        }
        if (v instanceof PythonNamed p) {
            if (!choices.contains(p.pythonName())) {
                throw bad(owner, PyFormat.quote(p.pythonName()));
            }
        } else if (v instanceof int[] a) {
            for (int x : a) {
                if (!inside(x)) {
                    throw new IllegalArgumentException(name + " must be " + decl.says() + ", got " + PyFormat.list(a)
                            + ".");
                }
            }
        } else if (v instanceof Number n) {
            double d = n.doubleValue();
            boolean ok = decl.wholeOrInf() ? d == Double.POSITIVE_INFINITY || inside(d) && d == Math.rint(d)
                    : inside(d);
            if (!ok) {
                // a whole n_iter_no_change is an int to Python, as whoever passed it wrote it
                boolean asInt = !(v instanceof Double)
                        || decl.wholeOrInf() && d == Math.rint(d) && !Double.isInfinite(d);
                throw bad(owner, asInt ? Long.toString((long) d) : PyFormat.repr(d));
            }
        }
    }

    private boolean inside(double v) {
        return (lowClosed ? v >= low : v > low) && (highClosed ? v <= high : v < high);
    }

    private boolean isInteger() {
        return type == int.class || type == Integer.class || type == long.class || type == Long.class;
    }

    private IllegalArgumentException bad(String owner, String got) {
        return new IllegalArgumentException("The '" + name + "' parameter of " + owner + " must be " + constraint()
                + ". Got " + got + " instead.");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object byName(String text) {
        return PythonNamed.byName((Class) type, text);
    }

    private static int[] sizes(Object v) {
        if (v instanceof int[] a) {
            return a.clone();
        }
        if (v instanceof Number n) {
            return new int[] {n.intValue()};
        }
        if (v instanceof Iterable<?> it) {
            List<Integer> out = new ArrayList<>();
            it.forEach(o -> out.add(((Number) o).intValue()));
            return out.stream().mapToInt(Integer::intValue).toArray();
        }
        String s = String.valueOf(v).trim().replaceAll("[()\\[\\]\\s]", "");
        if (s.isEmpty()) {
            return new int[0];
        }
        // Python's one-tuple (100,) ends in a comma; an empty entry anywhere else is a slip, not a layer
        List<String> parts = new ArrayList<>(Arrays.asList(s.split(",", -1)));
        if (parts.size() > 1 && parts.get(parts.size() - 1).isEmpty()) {
            parts.remove(parts.size() - 1);
        }
        if (parts.contains("")) {
            throw new IllegalArgumentException("hidden_layer_sizes '" + v + "' has an empty entry; write integers"
                    + " separated by commas, e.g. 100,50");
        }
        try {
            return parts.stream().mapToInt(Integer::parseInt).toArray();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("hidden_layer_sizes must be integers separated by commas, got '" + v
                    + "'");
        }
    }

    private double real(String text) {
        try {
            return number(text.trim().replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("parameter " + name + " must be a number, got '" + text + "'");
        }
    }

    /** A whole number from an integer object or text such as {@code 15000}, {@code 15_000} or {@code 1.5e4}. */
    private long integer(Object v) {
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        try {
            return new BigDecimal(String.valueOf(v).trim().replace("_", "")).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("parameter " + name + " must be an integer, got '" + v + "'");
        }
    }

    private boolean flag(Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        return switch (ParamTable.lower(String.valueOf(v))) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw new IllegalArgumentException("parameter " + name + " must be true or false, got '" + v
                    + "'");
        };
    }

    private static double number(String s) {
        return switch (ParamTable.lower(s)) {
            case "inf", "+inf", "infinity" -> Double.POSITIVE_INFINITY;
            case "-inf", "-infinity" -> Double.NEGATIVE_INFINITY;
            case "nan" -> Double.NaN;
            default -> Double.parseDouble(s);
        };
    }

    private static String text(double v) {
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : PyFormat.repr(v);
    }

    private static String set(List<String> names) {
        return "{" + String.join(", ", names.stream().map(PyFormat::quote).toList()) + "}";
    }
}
