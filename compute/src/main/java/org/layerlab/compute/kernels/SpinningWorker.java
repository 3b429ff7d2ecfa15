package org.layerlab.compute.kernels;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * One extra thread that takes half of a batch-1 product (the two large products of a batch-1 MLP inference, tens of
 * microseconds each). Handing such work to the kernel pool cost more than it saved (a parked pool thread takes
 * longer to wake than the half takes to run), so this thread spins for a short while after each job before it
 * parks: calls that follow each other closely find it awake. The caller never waits for a worker that has not
 * started: if the half is still unclaimed when the caller's own half is done, the caller runs it itself, so a
 * descheduled worker (a busy machine) costs no more than running alone. Which thread runs a half does not change
 * its result.
 */
final class SpinningWorker {
    /** How long the worker stays awake after a job, waiting for the next. */
    private static final long SPIN_NANOS = Long.getLong("layerlab.spin.micros", 100) * 1_000L;

    private static volatile SpinningWorker instance;

    private final AtomicReference<Runnable> job = new AtomicReference<>();
    private final AtomicBoolean busy = new AtomicBoolean();
    private final Thread thread;
    private volatile boolean done;
    private volatile boolean parked;
    private volatile Throwable failure;

    private SpinningWorker() {
        thread = new Thread(this::loop, "layerlab-spinning-worker");
        thread.setDaemon(true);
        thread.start();
    }

    static SpinningWorker get() {
        SpinningWorker w = instance;
        if (w == null) {
            synchronized (SpinningWorker.class) {
                if (instance == null) instance = new SpinningWorker();
                w = instance;
            }
        }
        return w;
    }

    /** Runs {@code theirs} on the worker (or here, if it does not start in time) and {@code mine} here; returns when both are done. */
    void runPair(Runnable theirs, Runnable mine) {
        if (!busy.compareAndSet(false, true)) { // another caller has the worker: run both here
            mine.run();
            theirs.run();
            return;
        }
        try {
            done = false;
            failure = null;
            job.set(theirs);
            if (parked) LockSupport.unpark(thread);
            mine.run();
            if (job.compareAndSet(theirs, null)) {
                theirs.run(); // not started yet: do not wait for it
                return;
            }
            while (!done) Thread.onSpinWait();
            Throwable t = failure;
            if (t instanceof RuntimeException e) throw e;
            if (t instanceof Error e) throw e;
        } finally {
            busy.set(false);
        }
    }

    private void loop() {
        long idleSince = System.nanoTime();
        while (true) {
            Runnable j = job.get() == null ? null : job.getAndSet(null); // read before claiming: spinning only reads
            if (j != null) {
                try {
                    j.run();
                } catch (Throwable t) {
                    failure = t;
                }
                done = true;
                idleSince = System.nanoTime();
                continue;
            }
            if (System.nanoTime() - idleSince < SPIN_NANOS) { Thread.onSpinWait(); continue; }
            parked = true;
            if (job.get() == null) LockSupport.park(this);
            parked = false;
            idleSince = System.nanoTime();
        }
    }
}
