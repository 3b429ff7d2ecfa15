package org.layerlab.compute.autodiff;

import java.util.List;
import org.layerlab.compute.tensor.Shape;
import org.layerlab.compute.tensor.Tensor;

/**
 * A node of the reverse-mode tape: a value, its gradient, and the rule that pushes the gradient to its parents.
 * Primitives in {@link Ops} create these; everything else is composed from primitives.
 */
public final class Var {
    /** Pushes {@code out.grad()} into the gradients of {@code out}'s parents (accumulating). */
    @FunctionalInterface
    public interface Backward {
        void apply(Var out);
    }

    private final Tensor value;
    private Tensor grad;
    private final Var[] parents;
    private final Backward backward;
    private final String op;
    private final boolean requiresGrad;
    private final long seq = SEQUENCE.getAndIncrement();
    private int mark;
    private static final java.util.concurrent.atomic.AtomicLong SEQUENCE = new java.util.concurrent.atomic.AtomicLong();
    private static final java.util.concurrent.atomic.AtomicInteger PASSES = new java.util.concurrent.atomic.AtomicInteger();

    /** Set while {@link #withoutTape} runs: nodes then keep no parents or rules, parameters need no gradient. */
    private static final ThreadLocal<Boolean> NO_TAPE = new ThreadLocal<>();
    /**
     * How many threads are inside {@link #withoutTape} now: while none is, a node need not look up the thread-local
     * (a look-up per node was a visible part of a small network's training step).
     */
    private static final java.util.concurrent.atomic.AtomicInteger UNTAPED = new java.util.concurrent.atomic.AtomicInteger();

    /** True when the calling thread runs inside {@link #withoutTape}. */
    private static boolean noTape() { return UNTAPED.get() != 0 && NO_TAPE.get() != null; }
    private static final Var[] NO_PARENTS = new Var[0];

    Var(Tensor value, String op, Backward backward, Var... parents) {
        this.value = value;
        this.op = op;
        boolean any = false;
        if (noTape()) parents = NO_PARENTS; // inference: nothing is kept alive for a backward pass
        this.parents = parents;
        for (Var p : parents) any |= p.requiresGrad;
        this.requiresGrad = any;
        this.backward = any ? backward : null;
    }

    private Var(Tensor value, Tensor grad, boolean requiresGrad) {
        this.value = value;
        this.grad = grad;
        this.parents = NO_PARENTS;
        this.backward = null;
        this.op = "leaf";
        this.requiresGrad = requiresGrad;
    }

    /** A constant input: no gradient is kept. */
    public static Var constant(Tensor value) { return new Var(value, null, false); }

    /** A trainable leaf whose gradient accumulates into {@code grad} (owned by the parameter). */
    public static Var parameter(Tensor value, Tensor grad) { return new Var(value, grad, !noTape()); }

    /** A value computed with no tape on this thread: for inference, where no gradient will be asked for. */
    public static <T> T withoutTape(java.util.function.Supplier<T> body) {
        if (noTape()) return body.get();
        UNTAPED.incrementAndGet(); // before the thread-local is set: a thread that sees it set also sees the count
        NO_TAPE.set(Boolean.TRUE);
        try {
            return body.get();
        } finally {
            NO_TAPE.set(null); // not remove(): an absent entry makes every later get() insert one (seen in profiles)
            UNTAPED.decrementAndGet();
        }
    }

    public Tensor value() { return value; }
    public Shape shape() { return value.shape(); }
    public String op() { return op; }
    public boolean requiresGrad() { return requiresGrad; }
    List<Var> parents() { return List.of(parents); }

    /** The gradient, allocated (zeroed) on first use. */
    public Tensor grad() {
        if (grad == null) grad = Tensor.zeros(value.shape());
        return grad;
    }

    boolean hasGrad() { return grad != null; }

    /** Reverse pass from this scalar (seeded with 1). */
    public void backward() {
        if (value.size() != 1) throw new IllegalStateException("backward() needs a scalar, got " + value.shape());
        grad().data()[0] = 1f;
        backwardFromSeed();
    }

    /** Reverse pass with this node's gradient already set by the caller. */
    public void backwardFromSeed() {
        Var[] order = new Var[16];
        int count = 0;
        // This node and every ancestor that needs a gradient, each once (marked with a fresh pass number, no hash set),
        // kept sorted by decreasing creation number as they are found: parents are always created before their
        // children, so that is a topological order. A depth-first walk finds them nearly in that order already, so the
        // insertion costs next to nothing (a comparator sort of a list was a visible part of a small network's step).
        int pass = PASSES.incrementAndGet();
        Var[] todo = new Var[16];
        int top = 0;
        mark = pass;
        todo[top++] = this;
        while (top > 0) {
            Var v = todo[--top];
            if (count == order.length) order = java.util.Arrays.copyOf(order, 2 * count);
            int at = count++;
            while (at > 0 && order[at - 1].seq < v.seq) { order[at] = order[at - 1]; at--; }
            order[at] = v;
            for (Var p : v.parents) {
                if (p.requiresGrad && p.mark != pass) {
                    p.mark = pass;
                    if (top == todo.length) todo = java.util.Arrays.copyOf(todo, 2 * top);
                    todo[top++] = p;
                }
            }
        }
        for (int i = 0; i < count; i++) {
            Var v = order[i];
            if (v.parents.length == 0 || !v.requiresGrad) continue;
            if (v.backward == null) throw new IllegalStateException("no gradient rule for op '" + v.op + "'");
            if (v.grad == null) continue; // nothing flowed here
            v.backward.apply(v);
        }
    }

    @Override public String toString() { return op + value.shape(); }
}
