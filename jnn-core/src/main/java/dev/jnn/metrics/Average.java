package dev.jnn.metrics;

/**
 * scikit-learn's {@code average} for precision, recall and F: per label (NONE), or one number. SAMPLES (per-row
 * scores averaged) is for multilabel targets only.
 */
public enum Average {
    NONE, MICRO, MACRO, WEIGHTED, SAMPLES
}
