package dev.jnn.preprocess;

import java.util.Map;
import java.util.Set;

/** Reading parameter values given as objects or as text, with errors that name the parameter. */
final class ParamValues {
    private ParamValues() {
    }

    static void checkKnown(String owner, Map<String, ?> params, Set<String> known) {
        for (String k : params.keySet()) {
            if (!known.contains(k)) {
                throw new IllegalArgumentException("Invalid parameter '" + k + "' for estimator " + owner
                        + ". Valid parameters are: " + known.stream().sorted().toList() + ".");
            }
        }
    }

    static boolean bool(String name, Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        String s = String.valueOf(v).strip().toLowerCase(java.util.Locale.ROOT);
        return switch (s) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("The '" + name + "' parameter must be a bool, got " + v);
        };
    }

    static int integer(String name, Object v) {
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.intValue();
        }
        try {
            return Integer.parseInt(String.valueOf(v).strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The '" + name + "' parameter must be an int, got " + v);
        }
    }

    static double real(String name, Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(String.valueOf(v).strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The '" + name + "' parameter must be a float, got " + v);
        }
    }
}
