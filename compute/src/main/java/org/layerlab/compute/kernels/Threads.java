package org.layerlab.compute.kernels;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;

/**
 * The one shared set of kernel threads large work is split over, sized to the cores (or to {@code -Dlayerlab.threads}).
 * Work is split into ranges whose results do not depend on which thread runs them, so results are bit-identical
 * however many threads run them; small work runs on the caller's thread and pays nothing for the threads.
 *
 * <p>Not a {@code ForkJoinPool}: handing a range to a parked pool thread cost 50–60 µs on a 2-vCPU KVM guest (the idle
 * vCPU has to be woken), a tenth of a batch-256 MLP inference per product. Each worker keeps looking for its next
 * range for {@link #SPIN_NANOS} after finishing one (an inference's products follow each other within microseconds;
 * after {@link #YIELD_AFTER_NANOS} it yields the core between looks), and the caller takes back any range a worker
 * has not started when its own is done, so a worker that is late or descheduled costs the caller nothing beyond the
 * work itself.
 */
public final class Threads {
    private Threads() {}

    private static volatile int parallelism = Integer.getInteger("layerlab.threads", Runtime.getRuntime().availableProcessors());
    private static volatile Crew crew;

    /** How long an idle worker, or a caller waiting for a worker's range, spins before it parks. */
    static final long SPIN_NANOS = Long.getLong("layerlab.threads.spinMicros", 100) * 1000;

    /**
     * After this much of the spin, each turn yields the core instead of only pausing: on a machine whose other core is
     * taken by another process, a thread spinning for work would otherwise hold the core the caller needs to make it.
     */
    static final long YIELD_AFTER_NANOS = Long.getLong("layerlab.threads.yieldAfterMicros", 20) * 1000;

    /** One turn of a wait that has lasted {@code waited} ns. */
    private static void pause(long waited) {
        if (waited < YIELD_AFTER_NANOS) Thread.onSpinWait();
        else Thread.yield();
    }

    public static int parallelism() { return parallelism; }

    /** Set on a thread whose kernels must stay on it (see {@link #serially}). */
    private static final ThreadLocal<Boolean> SERIAL = ThreadLocal.withInitial(() -> Boolean.FALSE);

    /**
     * Runs {@code body} with every kernel it calls on this thread alone: background analysis (probes) must not spread
     * onto the cores training uses.
     */
    public static <T> T serially(java.util.function.Supplier<T> body) {
        boolean was = SERIAL.get();
        SERIAL.set(Boolean.TRUE);
        try {
            return body.get();
        } finally {
            SERIAL.set(was);
        }
    }

    /** Sets how many threads kernels may use (benchmarks match PyTorch's thread count with this). */
    public static synchronized void setParallelism(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1");
        parallelism = threads;
        Crew old = crew;
        crew = null;
        if (old != null) old.stop();
    }

    private static Crew crew() {
        Crew c = crew;
        if (c == null) {
            synchronized (Threads.class) {
                if (crew == null) crew = new Crew(parallelism - 1);
                c = crew;
            }
        }
        return c;
    }

    /** A body run for task indices [from, to). */
    @FunctionalInterface
    public interface Range { void run(int from, int to); }

    /**
     * Runs {@code body} over tasks 0..count-1, in parallel when {@code work} (a rough operation count) is worth it:
     * one contiguous range per thread, the caller running the first. Each task index is handled exactly once; which
     * thread runs it does not affect results. While one caller has the workers, another's work runs on its own thread
     * (as does work a kernel thread asks for), so two users of the pool never queue behind each other.
     */
    public static void parallelFor(int count, long work, Range body) {
        run(count, work, body, false);
    }

    /**
     * {@link #parallelFor} for a body whose ranges cost nothing to start (no per-range packing): the ranges are handed
     * out as threads come free, large ones first and smaller towards the end (guided scheduling), so a thread that is
     * woken late, descheduled by another process or slower leaves the rest to the others instead of holding up the
     * whole call. Which thread runs which range does not affect results, as there.
     */
    public static void parallelForShared(int count, long work, Range body) {
        run(count, work, body, true);
    }

    private static void run(int count, long work, Range body, boolean shared) {
        int threads = Math.min(parallelism, count);
        if (threads <= 1 || work < 1_000_000L || SERIAL.get() || Thread.currentThread() instanceof Worker) { body.run(0, count); return; }
        Crew c = crew();
        threads = Math.min(threads, c.workers.length + 1);
        if (threads <= 1 || !c.busy.compareAndSet(false, true)) { body.run(0, count); return; }
        try {
            Batch b = new Batch(body, count, threads, shared);
            for (int t = 1; t < threads; t++) c.workers[t - 1].post(b);
            try {
                b.runAll(0);
            } finally {
                b.awaitAll();
            }
            b.rethrow();
        } finally {
            c.busy.set(false);
        }
    }

    /**
     * One call's ranges. Fixed: range t of {@code threads} is [count·t/threads, count·(t+1)/threads), meant for thread
     * t, and taken back by the caller if its thread has not started it. Shared: each range taken is a 1/(2·threads)
     * share of what is left (at least one task), from the front.
     */
    private static final class Batch {
        final Range body;
        final int count, threads;
        final boolean shared;
        /** Fixed: per range, 0 posted, 1 claimed by the thread that runs it. */
        final AtomicIntegerArray claimed;
        /** Shared: the first task not yet taken. */
        final AtomicInteger next = new AtomicInteger();
        /** Tasks not yet run. */
        final AtomicInteger pending;
        volatile Thread waiter;
        volatile Throwable error;

        Batch(Range body, int count, int threads, boolean shared) {
            this.body = body;
            this.count = count;
            this.threads = threads;
            this.shared = shared;
            this.claimed = shared ? null : new AtomicIntegerArray(threads);
            this.pending = new AtomicInteger(count);
        }

        int from(int t) { return (int) ((long) count * t / threads); }

        /** Runs what thread t should: its own range and any not started (fixed), or ranges until none is left (shared). */
        void runAll(int t) {
            if (!shared) {
                if (claimed.compareAndSet(t, 0, 1)) runRange(from(t), from(t + 1));
                if (t == 0) for (int u = 1; u < threads; u++) if (claimed.compareAndSet(u, 0, 1)) runRange(from(u), from(u + 1));
                return;
            }
            while (true) {
                int s = next.get();
                if (s >= count) return;
                int e = s + Math.max(1, (count - s) / (2 * threads));
                if (next.compareAndSet(s, e)) runRange(s, e);
            }
        }

        private void runRange(int from, int to) {
            try {
                body.run(from, to);
            } catch (Throwable e) {
                if (error == null) error = e;
            } finally {
                if (pending.addAndGet(from - to) == 0) {
                    Thread w = waiter;
                    if (w != null) LockSupport.unpark(w);
                }
            }
        }

        /** Waits until every task has run: spinning at first, then parked. */
        void awaitAll() {
            long t0 = System.nanoTime();
            while (pending.get() > 0) {
                long waited = System.nanoTime() - t0;
                if (waited > SPIN_NANOS) {
                    waiter = Thread.currentThread();
                    while (pending.get() > 0) LockSupport.park(this);
                    return;
                }
                pause(waited);
            }
        }

        void rethrow() {
            Throwable e = error;
            if (e instanceof RuntimeException r) throw r;
            if (e instanceof Error r) throw r;
            if (e != null) throw new IllegalStateException(e);
        }
    }

    /** The kernel threads besides the callers', and the flag that gives them to one caller at a time. */
    private static final class Crew {
        final Worker[] workers;
        final AtomicBoolean busy = new AtomicBoolean();

        Crew(int n) {
            workers = new Worker[Math.max(0, n)];
            for (int i = 0; i < workers.length; i++) {
                workers[i] = new Worker(i + 1);
                workers[i].start();
            }
        }

        void stop() {
            for (Worker w : workers) {
                w.stopped = true;
                LockSupport.unpark(w);
            }
        }
    }

    /** A kernel thread: runs range {@code index} of each batch posted to it. */
    private static final class Worker extends Thread {
        private static final VarHandle SLOT;
        static {
            try {
                SLOT = MethodHandles.lookup().findVarHandle(Worker.class, "slot", Batch.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        final int index;
        volatile Batch slot;
        volatile boolean parked, stopped;

        Worker(int index) {
            super("layerlab-kernel-" + index);
            this.index = index;
            setDaemon(true);
        }

        void post(Batch b) {
            slot = b;
            if (parked) LockSupport.unpark(this);
        }

        @Override public void run() {
            while (!stopped) {
                Batch b = next();
                if (b == null) continue;
                SLOT.compareAndSet(this, b, null); // a newer batch posted meanwhile stays
                b.runAll(index);
            }
        }

        /** The posted batch, spinning for it at first, then parked; null on a wake-up with nothing posted. */
        private Batch next() {
            long t0 = System.nanoTime();
            Batch b;
            while ((b = slot) == null) {
                long waited = System.nanoTime() - t0;
                if (waited > SPIN_NANOS) {
                    parked = true;
                    if (slot == null && !stopped) LockSupport.park(this);
                    parked = false;
                    return slot;
                }
                pause(waited);
            }
            return b;
        }
    }
}
