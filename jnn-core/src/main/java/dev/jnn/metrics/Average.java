package dev.jnn.metrics;

/** scikit-learn's {@code average} for precision, recall and F: per label (NONE), or one number. */
public enum Average {
    NONE, MICRO, MACRO, WEIGHTED
}
