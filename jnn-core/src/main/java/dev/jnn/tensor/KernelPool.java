package dev.jnn.tensor;

import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntConsumer;

/**
 * A fixed set of daemon threads that run the tasks of one kernel call at a time.
 *
 * <p>Waking a parked thread costs tens of microseconds on a virtual machine, as much as a whole MLP-sized
 * product, so workers spin for a short while after each job before they park (as BLAS thread pools do).
 * Each call publishes a fresh {@link Job}; a worker that wakes late only finds that job's tasks all taken.
 */
final class KernelPool {
    /** How long an idle worker spins before parking. */
    private static final long SPIN_NANOS = 300_000L;

    private final Thread[] workers;
    private final ReentrantLock busy = new ReentrantLock();
    private volatile Job current;
    private volatile long epoch;
    private volatile boolean stopped;
    private final boolean[] parked;

    KernelPool(int workerCount) {
        workers = new Thread[workerCount];
        parked = new boolean[workerCount];
        for (int w = 0; w < workerCount; w++) {
            int id = w;
            Thread t = new Thread(() -> work(id), "jnn-kernel-" + (w + 1));
            t.setDaemon(true);
            workers[w] = t;
            t.start();
        }
    }

    int size() {
        return workers.length + 1;
    }

    /** True when the calling thread is one of this pool's workers. */
    boolean isWorker(Thread t) {
        for (Thread w : workers) {
            if (w == t) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs tasks 0..tasks-1 on the caller and the workers. Returns false, having run nothing, when another
     * thread's job holds the pool: the caller then runs its tasks itself.
     */
    boolean tryRun(int tasks, IntConsumer body) {
        if (!busy.tryLock()) {
            return false;
        }
        try {
            Job job = new Job(body, tasks);
            current = job;
            epoch++;
            // Pairs with the worker's fence: either it sees the new epoch, or this sees its parked flag.
            VarHandle.fullFence();
            for (int w = 0; w < workers.length; w++) {
                if (parked[w]) {
                    LockSupport.unpark(workers[w]);
                }
            }
            job.drain();
            job.awaitDone();
            Throwable failure = job.failure.get();
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            return true;
        } finally {
            current = null;
            busy.unlock();
        }
    }

    void shutdown() {
        stopped = true;
        for (Thread w : workers) {
            LockSupport.unpark(w);
        }
    }

    private void work(int id) {
        long seen = 0;
        while (!stopped) {
            long start = System.nanoTime();
            while (epoch == seen && !stopped) {
                if (System.nanoTime() - start < SPIN_NANOS) {
                    Thread.onSpinWait();
                } else {
                    parked[id] = true;
                    // Re-check after announcing: a dispatcher that saw parked == false has already moved epoch.
                    VarHandle.fullFence();
                    if (epoch == seen && !stopped) {
                        LockSupport.park(this);
                    }
                    parked[id] = false;
                }
            }
            seen = epoch;
            Job job = current;
            if (job != null) {
                job.drain();
            }
        }
    }

    /** One call's tasks: claimed one at a time by the caller and the workers. */
    private static final class Job {
        final IntConsumer body;
        final int tasks;
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger done = new AtomicInteger();
        final AtomicReference<Throwable> failure = new AtomicReference<>();

        Job(IntConsumer body, int tasks) {
            this.body = body;
            this.tasks = tasks;
        }

        void drain() {
            int t;
            while ((t = next.getAndIncrement()) < tasks) {
                try {
                    body.accept(t);
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                } finally {
                    done.incrementAndGet();
                }
            }
        }

        void awaitDone() {
            int spins = 0;
            while (done.get() < tasks) {
                if (++spins < 1 << 20) {
                    Thread.onSpinWait();
                } else {
                    Thread.yield();
                }
            }
        }
    }
}
