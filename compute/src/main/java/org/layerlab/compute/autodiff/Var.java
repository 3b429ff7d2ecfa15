package org.layerlab.compute.autodiff;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
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
    private static final Var[] NO_PARENTS = new Var[0];

    Var(Tensor value, String op, Backward backward, Var... parents) {
        this.value = value;
        this.op = op;
        boolean any = false;
        if (NO_TAPE.get() != null) parents = NO_PARENTS; // inference: nothing is kept alive for a backward pass
        this.parents = parents;
        for (Var p : parents) any |= p.requiresGrad;
        this.requiresGrad = any;
        this.backward = any ? backward : null;
    }

    private Var(Tensor value, Tensor grad, boolean requiresGrad) {
        this.value = value;
        this.grad = grad;
        this.parents = new Var[0];
        this.backward = null;
        this.op = "leaf";
        this.requiresGrad = requiresGrad;
    }

    /** A constant input: no gradient is kept. */
    public static Var constant(Tensor value) { return new Var(value, null, false); }

    /** A trainable leaf whose gradient accumulates into {@code grad} (owned by the parameter). */
    public static Var parameter(Tensor value, Tensor grad) { return new Var(value, grad, NO_TAPE.get() == null); }

    /** A value computed with no tape on this thread: for inference, where no gradient will be asked for. */
    public static <T> T withoutTape(java.util.function.Supplier<T> body) {
        if (NO_TAPE.get() != null) return body.get();
        NO_TAPE.set(Boolean.TRUE);
        try {
            return body.get();
        } finally {
            NO_TAPE.set(null); // not remove(): an absent entry makes every later get() insert one (seen in profiles)
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
        List<Var> order = reachable();
        // Parents are always created before their children, so decreasing creation order is a topological order.
        order.sort((x, y) -> Long.compare(y.seq, x.seq));
        for (Var v : order) {
            if (v.parents.length == 0 || !v.requiresGrad) continue;
            if (v.backward == null) throw new IllegalStateException("no gradient rule for op '" + v.op + "'");
            if (v.grad == null) continue; // nothing flowed here
            v.backward.apply(v);
        }
    }

    /** This node and every ancestor that needs a gradient, each once (marked with a fresh pass number, no hash set). */
    private List<Var> reachable() {
        int pass = PASSES.incrementAndGet();
        List<Var> out = new ArrayList<>();
        Deque<Var> todo = new ArrayDeque<>();
        mark = pass;
        todo.push(this);
        while (!todo.isEmpty()) {
            Var v = todo.pop();
            out.add(v);
            for (Var p : v.parents) {
                if (p.requiresGrad && p.mark != pass) { p.mark = pass; todo.push(p); }
            }
        }
        return out;
    }

    @Override public String toString() { return op + value.shape(); }
}
