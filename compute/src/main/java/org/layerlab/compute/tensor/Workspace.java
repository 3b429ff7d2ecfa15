package org.layerlab.compute.tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Buffers reused from one training step to the next. A compiled network owns one; the trainer opens it around each
 * step (batch, forward, loss, backward, update), and while it is open on a thread every op's output, gradient and
 * scratch array comes from here instead of {@code new float[]}. Shapes are fixed per batch size, so from the second
 * step on each request is met by the buffer the same request got a step earlier and training allocates next to
 * nothing (the garbage collector, which used to copy each step's live activations, has nothing to do).
 *
 * <p>Buffers are kept per length, each length with a cursor that {@link #open()} rewinds: the k-th request for n floats
 * in a step gets the k-th buffer of n floats, whatever the order of other requests. Arrays under
 * {@value #SMALLEST_REUSED} elements are not pooled. A smaller last batch of an epoch
 * has other lengths and so its own buffers. Arrays handed out are zeroed (ops accumulate into fresh arrays) unless the
 * caller asks for {@link #floatsUninitialised} and writes every element. Nothing handed out may be kept past the step:
 * the next step writes over it. Outside an open scope (inference, evaluation, tests) every request is a new array.
 */
public final class Workspace {
    private static final ThreadLocal<Workspace> CURRENT = new ThreadLocal<>();

    /**
     * Arrays shorter than this are allocated afresh even inside a scope: a bump in the thread's allocation buffer is
     * cheaper than a pool lookup, and short-lived small garbage costs the young collector nothing (W1's 2-8-8-1
     * network at batch 10 ran 28 % slower when its tiny arrays were pooled).
     */
    static final int SMALLEST_REUSED = 1024;

    private static final class Pool<T> {
        final List<T> buffers = new ArrayList<>();
        int next;
    }

    private final Map<Integer, Pool<float[]>> floats = new HashMap<>();
    private final Map<Integer, Pool<int[]>> ints = new HashMap<>();
    private final AtomicBoolean inUse = new AtomicBoolean();
    private volatile boolean reuse = true;
    private long retainedBytes;

    /** While open, requests on this thread reuse this workspace's buffers. */
    public interface Scope extends AutoCloseable {
        @Override void close();
    }

    private static final Scope NONE = () -> {};

    /**
     * Starts a step on the calling thread: rewinds every cursor and routes this thread's requests here until the scope
     * closes. When the workspace is already open (another thread trains the same network), the scope does nothing and
     * requests allocate as usual, so sharing a network is never wrong, only slower.
     */
    public Scope open() {
        if (!reuse || CURRENT.get() != null || !inUse.compareAndSet(false, true)) return NONE;
        for (Pool<float[]> p : floats.values()) p.next = 0;
        for (Pool<int[]> p : ints.values()) p.next = 0;
        CURRENT.set(this);
        return () -> {
            CURRENT.set(null); // not remove(): an absent entry makes every later get() insert one
            inUse.set(false);
        };
    }

    /** Turns reuse off (every step allocates afresh, as before workspaces) or back on; tests compare the two. */
    public void setReuse(boolean on) { reuse = on; }

    /** Bytes held in reused buffers (all batch sizes seen so far). */
    public synchronized long retainedBytes() { return retainedBytes; }

    /** A zeroed array of {@code n} floats: reused inside an open scope, new otherwise. */
    public static float[] floats(int n) {
        if (n < SMALLEST_REUSED) return new float[n];
        Workspace w = CURRENT.get();
        if (w == null) return new float[n];
        float[] a = w.takeFloats(n);
        Arrays.fill(a, 0f);
        return a;
    }

    /** An array of {@code n} floats with arbitrary contents; the caller writes every element before reading any. */
    public static float[] floatsUninitialised(int n) {
        if (n < SMALLEST_REUSED) return new float[n];
        Workspace w = CURRENT.get();
        return w == null ? new float[n] : w.takeFloats(n);
    }

    /** An array of {@code n} ints, arbitrary contents; the caller writes every element before reading any. */
    public static int[] intsUninitialised(int n) {
        if (n < SMALLEST_REUSED) return new int[n];
        Workspace w = CURRENT.get();
        if (w == null) return new int[n];
        Pool<int[]> p = w.ints.computeIfAbsent(n, k -> new Pool<>());
        if (p.next == p.buffers.size()) {
            p.buffers.add(new int[n]);
            w.grew(4L * n);
        }
        return p.buffers.get(p.next++);
    }

    private float[] takeFloats(int n) {
        Pool<float[]> p = floats.computeIfAbsent(n, k -> new Pool<>());
        if (p.next == p.buffers.size()) {
            p.buffers.add(new float[n]);
            grew(4L * n);
        }
        return p.buffers.get(p.next++);
    }

    private synchronized void grew(long bytes) { retainedBytes += bytes; }
}
