package dev.jnn.api;

import java.util.Map;

/**
 * What grid search, pipelines and the CLI need of any model: scikit-learn's parameter protocol with snake_case
 * names, and an unfitted copy.
 */
public interface Estimator {
    /** The parameters by snake_case name, in a stable order. */
    Map<String, Object> getParams();

    /** Changes parameters by name; values may be objects or text. Unknown names and bad values are errors. */
    Estimator setParams(Map<String, ?> params);

    /** An unfitted copy with the same parameters (scikit-learn's {@code clone}). */
    Estimator clone();
}
