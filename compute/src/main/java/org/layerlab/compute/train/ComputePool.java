package org.layerlab.compute.train;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** The background threads training and heavy evaluation run on: daemon threads, one per core. */
public final class ComputePool implements AutoCloseable {
    private final ExecutorService executor;

    public ComputePool() { this(Runtime.getRuntime().availableProcessors()); }

    public ComputePool(int threads) {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory f = r -> {
            Thread t = new Thread(r, "layerlab-compute-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        executor = Executors.newFixedThreadPool(Math.max(1, threads), f);
    }

    public ExecutorService executor() { return executor; }

    @Override public void close() { executor.shutdownNow(); }
}
