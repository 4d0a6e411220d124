package dev.jnn.cli;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Holds back the estimators' warnings (the ConvergenceWarning and its kin, logged to {@code dev.jnn.estimator})
 * while a command runs: {@code --quiet} drops them, and a search reports each distinct one once with a count of the
 * fits that raised it, as scikit-learn's joblib output effectively does.
 */
final class EstimatorWarnings implements AutoCloseable {
    private static final Logger LOGGER = Logger.getLogger("dev.jnn.estimator");

    private final Map<String, AtomicInteger> counts = new TreeMap<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord r) {
            if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
                synchronized (counts) {
                    counts.computeIfAbsent(r.getMessage(), k -> new AtomicInteger()).incrementAndGet();
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final boolean parents;

    /** Starts holding the warnings back. */
    EstimatorWarnings() {
        parents = LOGGER.getUseParentHandlers();
        LOGGER.setUseParentHandlers(false);
        LOGGER.addHandler(handler);
    }

    /** Each distinct warning once: {@code WARNING: ConvergenceWarning in 12 of 12 fits: ...}. */
    String summary(int fits) {
        StringBuilder b = new StringBuilder();
        synchronized (counts) {
            counts.forEach((message, n) -> b.append("WARNING: ").append(message.startsWith("Stochastic Optimizer")
                    || message.startsWith("Maximum number") || message.startsWith("lbfgs failed")
                    ? "ConvergenceWarning" : "warning").append(" in ").append(n.get()).append(" of ").append(fits)
                    .append(" fits: ").append(message.replaceAll("\\s+", " ").strip()).append('\n'));
        }
        return b.toString();
    }

    @Override
    public void close() {
        LOGGER.removeHandler(handler);
        LOGGER.setUseParentHandlers(parents);
    }
}
