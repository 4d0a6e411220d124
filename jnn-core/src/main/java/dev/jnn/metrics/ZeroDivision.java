package dev.jnn.metrics;

/** scikit-learn's {@code zero_division}: the value of a precision or recall whose denominator is 0. */
public enum ZeroDivision {
    /** 0, with scikit-learn's UndefinedMetricWarning (the default). */
    WARN(0),
    /** 0, silently. */
    ZERO(0),
    /** 1. */
    ONE(1);

    private final double value;

    ZeroDivision(double value) {
        this.value = value;
    }

    /** The substituted value. */
    public double value() {
        return value;
    }
}
