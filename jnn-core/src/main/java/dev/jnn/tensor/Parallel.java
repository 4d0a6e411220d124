package dev.jnn.tensor;

import java.util.function.IntConsumer;

/**
 * The thread count of jnn's kernels and the fixed pool that runs them.
 *
 * <p>The count comes from {@link #setThreads(int)}, else the system property {@code jnn.threads}, else the
 * environment variable {@code JNN_THREADS}, else the number of available processors. Kernels split work so that
 * every output element is computed by exactly one task in a fixed order: results do not depend on the count.
 */
public final class Parallel {
    private static volatile int configured;
    private static final ThreadLocal<Boolean> SERIAL = ThreadLocal.withInitial(() -> false);
    private static KernelPool pool;

    private Parallel() {
    }

    /** The number of threads kernels use. */
    public static int threads() {
        int n = configured;
        return n > 0 ? n : fromEnvironment();
    }

    /** Sets the thread count for all kernels; {@code 0} returns to the default (property, environment, cores). */
    public static void setThreads(int threads) {
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be >= 0 (0 = default); got " + threads);
        }
        configured = checkLimit(threads, "threads");
    }

    /**
     * The most threads a run may ask for: 8 per core, at least 64. Each kernel thread reserves a stack outside the
     * heap, and past a few per core more threads only slow the kernels down.
     */
    public static int maxThreads() {
        return Math.max(64, 8 * Runtime.getRuntime().availableProcessors());
    }

    private static int checkLimit(int threads, String source) {
        if (threads > maxThreads()) {
            throw new IllegalArgumentException(source + " must be <= " + maxThreads() + " (8 per core on this "
                    + Runtime.getRuntime().availableProcessors() + "-core machine, at least 64); got " + threads);
        }
        return threads;
    }

    /**
     * Runs {@code body} with this thread's kernels on this thread only, for callers that already run work in
     * parallel (such as a search fitting several models at once). Results are the same bits either way.
     */
    public static void serial(Runnable body) {
        boolean before = SERIAL.get();
        SERIAL.set(true);
        try {
            body.run();
        } finally {
            SERIAL.set(before);
        }
    }

    /** The environment variable and processor count do not change while the JVM runs: read them once. */
    private static volatile Integer fromEnvOrCores;

    static int fromEnvironment() {
        String prop = System.getProperty("jnn.threads");
        if (prop != null && !prop.isBlank()) {
            return parse(prop, "system property jnn.threads");
        }
        Integer cached = fromEnvOrCores;
        if (cached == null) {
            String env = System.getenv("JNN_THREADS");
            cached = env != null && !env.isBlank() ? parse(env, "environment variable JNN_THREADS")
                    : Runtime.getRuntime().availableProcessors();
            fromEnvOrCores = cached;
        }
        return cached;
    }

    private static int parse(String value, String source) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 1) {
                return checkLimit(n, source);
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(source + " must be a whole number >= 1; got '" + value + "'");
    }

    /**
     * Tasks per thread when work splits into independent items. Threads claim tasks one at a time, so one that
     * starts late (a parked worker takes tens of microseconds to wake) leaves its share to the others.
     */
    private static final int TASKS_PER_THREAD = 8;

    /**
     * How many tasks to split {@code items} independent items into (at least 1). The split never changes results:
     * each item is computed whole by one task.
     */
    public static int tasksFor(int items) {
        int n = threads();
        return Math.max(1, Math.min(items, n == 1 ? 1 : n * TASKS_PER_THREAD));
    }

    /**
     * Runs {@code body.accept(t)} for {@code t = 0..tasks-1} and returns when all are done. Runs inline when there
     * is one task, when called from a kernel thread, or when another thread's job holds the pool.
     */
    public static void forEach(int tasks, IntConsumer body) {
        if (tasks > 1 && !SERIAL.get()) {
            KernelPool p = pool(threads());
            if (!p.isWorker(Thread.currentThread()) && p.tryRun(tasks, body)) {
                return;
            }
        }
        for (int t = 0; t < tasks; t++) {
            body.accept(t);
        }
    }

    private static synchronized KernelPool pool(int threads) {
        // The caller runs tasks too, so the pool needs one thread fewer than the count.
        int workers = Math.max(1, threads - 1);
        if (pool == null || pool.size() != workers + 1) {
            if (pool != null) {
                pool.shutdown();
            }
            pool = new KernelPool(workers);
        }
        return pool;
    }
}
