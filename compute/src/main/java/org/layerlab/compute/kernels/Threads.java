package org.layerlab.compute.kernels;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The one shared pool the kernels split large work over, sized to the cores (or to {@code -Dlayerlab.threads}).
 * Work is split into fixed ranges that do not depend on the thread count, so results are bit-identical however
 * many threads run them; small work runs on the caller's thread and pays nothing for the pool.
 */
public final class Threads {
    private Threads() {}

    private static volatile int parallelism = Integer.getInteger("layerlab.threads", Runtime.getRuntime().availableProcessors());
    private static volatile ForkJoinPool pool;

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
        ForkJoinPool old = pool;
        pool = null;
        if (old != null) old.shutdown();
    }

    private static ForkJoinPool pool() {
        ForkJoinPool p = pool;
        if (p == null) {
            synchronized (Threads.class) {
                if (pool == null) {
                    AtomicInteger n = new AtomicInteger();
                    pool = new ForkJoinPool(parallelism, fj -> {
                        var t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(fj);
                        t.setName("layerlab-kernel-" + n.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    }, null, false);
                }
                p = pool;
            }
        }
        return p;
    }

    /** A body run for task indices [from, to). */
    @FunctionalInterface
    public interface Range { void run(int from, int to); }

    /**
     * Runs {@code body} over tasks 0..count-1, in parallel when {@code work} (a rough operation count) is worth it.
     * Each task index is handled exactly once; which thread runs it does not affect results.
     */
    public static void parallelFor(int count, long work, Range body) {
        int threads = Math.min(parallelism, count);
        if (threads <= 1 || work < 1_000_000L || SERIAL.get()) { body.run(0, count); return; }
        ForkJoinPool p = pool();
        if (ForkJoinTask.inForkJoinPool() && ForkJoinTask.getPool() == p) { body.run(0, count); return; }
        List<ForkJoinTask<?>> tasks = new ArrayList<>(threads);
        for (int t = 1; t < threads; t++) {
            int from = (int) ((long) count * t / threads), to = (int) ((long) count * (t + 1) / threads);
            tasks.add(p.submit(() -> body.run(from, to)));
        }
        body.run(0, (int) ((long) count / threads));
        for (ForkJoinTask<?> f : tasks) f.join();
    }
}
