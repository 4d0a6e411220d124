package dev.jnn.api;

import dev.jnn.util.PyFormat;

import java.util.Map;
import java.util.TreeMap;

/**
 * {@code get_params()}'s map: sorted by name, and printed as Python prints the dict
 * ({@code {'activation': 'relu', 'hidden_layer_sizes': (100,), 'tol': 0.0001, ...}}).
 */
public final class PythonDict extends TreeMap<String, Object> {
    /** An empty dict. */
    public PythonDict() {
    }

    /** A dict of these entries. */
    public PythonDict(Map<String, ?> entries) {
        super(entries);
    }

    /** Equal when the names and values are, arrays (such as {@code hidden_layer_sizes}) compared by content. */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Map<?, ?> other) || other.size() != size()) {
            return false;
        }
        for (Map.Entry<String, Object> e : entrySet()) {
            if (!other.containsKey(e.getKey()) || !java.util.Objects.deepEquals(e.getValue(), other.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 0;
        for (Map.Entry<String, Object> e : entrySet()) {
            h += e.getKey().hashCode() ^ java.util.Arrays.deepHashCode(new Object[] {e.getValue()});
        }
        return h;
    }

    /** A value as Python's {@code repr} writes it: None, True, 0.0001, 'relu', (100,). */
    public static String repr(Object v) {
        if (v == null) {
            return "None";
        }
        if (v instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (v instanceof Double || v instanceof Float) {
            return PyFormat.repr(((Number) v).doubleValue());
        }
        if (v instanceof int[] a) {
            if (a.length == 1) {
                return "(" + a[0] + ",)";
            }
            StringBuilder b = new StringBuilder("(");
            for (int i = 0; i < a.length; i++) {
                b.append(i > 0 ? ", " : "").append(a[i]);
            }
            return b.append(')').toString();
        }
        if (v instanceof CharSequence s) {
            return PyFormat.quote(s.toString());
        }
        return String.valueOf(v);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("{");
        forEach((k, v) -> b.append(b.length() > 1 ? ", " : "").append(PyFormat.quote(k)).append(": ").append(repr(v)));
        return b.append('}').toString();
    }

    @Override
    public PythonDict clone() {
        return new PythonDict(this);
    }
}
