package dev.jnn.util;

import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A constant that Python code names by a string, such as an activation ({@code "relu"}) or a solver
 * ({@code "adam"}): the one lookup from those strings to Java's enums, and the choice lists that error messages
 * print.
 */
public interface PythonNamed {
    /** The name as scikit-learn or Keras writes it, e.g. {@code "invscaling"}. */
    String pythonName();

    /** Other names Python accepts for the same constant (Keras's {@code "mse"}); none by default. */
    default List<String> aliases() {
        return List.of();
    }

    /** The constant of {@code type} with that name or alias, or null. */
    static <E extends Enum<E> & PythonNamed> E byName(Class<E> type, String name) {
        for (E e : type.getEnumConstants()) {
            if (e.pythonName().equals(name) || e.aliases().contains(name)) {
                return e;
            }
        }
        return null;
    }

    /** The names as a sorted Python set literal, e.g. {@code {'adam', 'lbfgs', 'sgd'}}. */
    static String choices(Iterable<? extends PythonNamed> constants) {
        TreeSet<String> names = new TreeSet<>();
        constants.forEach(c -> names.add(Objects.requireNonNull(c).pythonName()));
        StringBuilder b = new StringBuilder("{");
        for (String n : names) {
            b.append(b.length() > 1 ? ", " : "").append(PyFormat.quote(n));
        }
        return b.append('}').toString();
    }
}
