package dev.jnn.util;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Python's ways of printing numbers, so that messages and reports read exactly as scikit-learn's: {@code repr} of a
 * float ({@code 1e-05}, {@code 0.0001}, {@code -1.0}, {@code inf}, {@code nan}) and {@code %.Nf} with Python's
 * rounding of the exact binary value (half-to-even on ties, which Java's {@code String.format} does not do).
 */
public final class PyFormat {
    private PyFormat() {
    }

    private static final java.util.regex.Pattern FLOAT = java.util.regex.Pattern.compile(
            "[+-]?(?:(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?|(?i:inf|infinity|nan))");

    /** Whether {@code s} holds only digits, signs, a point and exponent letters (so no hex, suffix or word). */
    private static boolean plainDecimal(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
                return false;
            }
        }
        return !s.isEmpty();
    }

    /**
     * Parses number text as Python's {@code float()} and numpy's {@code loadtxt} read it: decimal digits with an
     * optional fraction and exponent, or {@code inf}, {@code infinity}, {@code nan} in any case, with surrounding
     * whitespace. Java-only forms ({@code 0x1p3}, {@code 1d}, {@code 2f}) are refused.
     *
     * @throws NumberFormatException when Python would refuse the text
     */
    public static double parseFloat(String text) {
        String s = text.strip();
        if (plainDecimal(s)) {
            return Double.parseDouble(s);   // digits, sign, point, exponent: Java's grammar and Python's agree
        }
        if (!FLOAT.matcher(s).matches()) {
            throw new NumberFormatException("could not convert string to float: '" + text + "'");
        }
        String word = s.replaceFirst("^[+-]", "").toLowerCase(java.util.Locale.ROOT);
        if (word.startsWith("inf")) {
            return s.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return word.equals("nan") ? Double.NaN : Double.parseDouble(s);
    }

    /** Python's {@code repr(float(x))}: the shortest round-tripping digits, in Python's layout. */
    public static String repr(double x) {
        if (Double.isNaN(x)) {
            return "nan";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "inf" : "-inf";
        }
        if (x == 0) {
            return (1 / x < 0) ? "-0.0" : "0.0";
        }
        BigDecimal shortest = new BigDecimal(Double.toString(Math.abs(x))).stripTrailingZeros();
        String digits = shortest.unscaledValue().toString();
        int exponent = digits.length() - 1 - shortest.scale();   // decimal exponent of the first digit
        String sign = x < 0 ? "-" : "";
        if (exponent < -4 || exponent >= 16) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
        }
        String plain = shortest.toPlainString();
        return sign + (plain.contains(".") ? plain : plain + ".0");
    }

    /** Python's {@code "%.{digits}f" % x}: fixed point, rounding the exact binary value half-to-even. */
    public static String fixed(double x, int digits) {
        if (Double.isNaN(x)) {
            return "nan";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "inf" : "-inf";
        }
        String s = new BigDecimal(x).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
        if ((x < 0 || (x == 0 && 1 / x < 0)) && !s.startsWith("-")) {
            s = "-" + s;                    // Python keeps the sign of a negative value that rounds to zero
        }
        return s;
    }

    /** A Python list of ints, e.g. {@code [100, 50]}. */
    public static String list(int[] values) {
        return Arrays.stream(values).mapToObj(Integer::toString).collect(Collectors.joining(", ", "[", "]"));
    }

    /** A Python string literal in single quotes, as {@code repr(str)} prints simple strings. */
    public static String quote(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
