package io.github.attractor.core.linalg;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * A few daemon threads that share short data-parallel jobs (a mat-vec of about 100 µs) with the calling
 * thread. Written by hand because waking a parked fork/join worker costs about as long as the half of
 * the job it would take over: inside an ODE solve the mat-vecs come every ~100 µs with other work in
 * between, so pool workers are asleep at every call. These workers instead spin for
 * {@value #SPIN_NANOS} ns after each job (as BLAS threads do) and only then park, so back-to-back calls
 * find them awake; an idle program pays nothing after that window.
 *
 * <p>One job at a time: a caller that finds the workers busy (another thread's job) runs alone.
 */
final class SpinningWorkers {
    /** How long a worker spins for the next job before it parks. */
    static final long SPIN_NANOS = 500_000L;

    /** The shared instance: one worker per extra core, at most 3. */
    static final SpinningWorkers SHARED = new SpinningWorkers(
            Math.max(0, Math.min(3, Runtime.getRuntime().availableProcessors() - 1)));

    private final Worker[] workers;
    private final AtomicBoolean inUse = new AtomicBoolean();

    SpinningWorkers(int count) {
        workers = new Worker[count];
        for (int k = 0; k < count; k++) {
            workers[k] = new Worker("attractor-matvec-" + (k + 1));
            workers[k].start();
        }
    }

    /** Number of worker threads (the caller makes one more). */
    int size() {
        return workers.length;
    }

    /**
     * Runs {@code part.accept(p)} for {@code p = 0..size()}: part 0 on the calling thread, the others on the
     * workers, and returns when all are done (rethrowing a worker's failure). Returns false without running
     * anything when another thread's job holds the workers.
     */
    boolean tryRun(IntConsumer part) {
        if (workers.length == 0 || !inUse.compareAndSet(false, true)) {
            return false;
        }
        try {
            for (int k = 0; k < workers.length; k++) {
                workers[k].submit(part, k + 1);
            }
            part.accept(0);
            Throwable failure = null;
            for (Worker w : workers) {
                Throwable f = w.awaitDone();
                failure = failure == null ? f : failure;
            }
            if (failure instanceof RuntimeException re) {
                throw re;
            }
            if (failure instanceof Error err) {
                throw err;
            }
            return true;
        } finally {
            inUse.set(false);
        }
    }

    /** A worker: spins, then parks, until a task is published; runs it; signals completion. */
    private static final class Worker extends Thread {
        private volatile IntConsumer task;
        private volatile int part;
        private volatile boolean sleeping;
        private volatile boolean done = true;
        private volatile Throwable failure;

        Worker(String name) {
            super(name);
            setDaemon(true);
        }

        void submit(IntConsumer t, int p) {
            part = p;
            failure = null;
            done = false;
            task = t; // volatile write publishes part, failure and done
            if (sleeping) {
                LockSupport.unpark(this);
            }
        }

        Throwable awaitDone() {
            while (!done) {
                Thread.onSpinWait();
            }
            return failure;
        }

        @Override
        public void run() {
            while (true) {
                IntConsumer t = awaitTask();
                try {
                    t.accept(part);
                } catch (Throwable e) {
                    failure = e;
                }
                task = null;
                done = true; // volatile write publishes the results of the part
            }
        }

        private IntConsumer awaitTask() {
            long deadline = System.nanoTime() + SPIN_NANOS;
            while (true) {
                IntConsumer t = task;
                if (t != null) {
                    return t;
                }
                if (System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                    continue;
                }
                // Announce the park, then re-check: a submit either sees sleeping (and unparks) or its task is seen here.
                sleeping = true;
                if (task == null) {
                    LockSupport.park(this);
                }
                sleeping = false;
                deadline = System.nanoTime() + SPIN_NANOS;
            }
        }
    }
}
