package org.layerlab.compute.nn;

import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.layerlab.compute.catalog.Params;
import org.layerlab.compute.kernels.Threads;
import org.layerlab.compute.kernels.Vectors;
import org.layerlab.compute.layers.Parameter;

/**
 * The shared part of every optimizer: per-parameter state slots, a step counter, L1/L2 penalties folded into the
 * gradient, and checkpointing of the state. Subclasses state only their update rule, as one vectorised pass over each
 * parameter that reads its gradient through {@link #gradient(FloatVector, float[], int)} (so the penalties join that
 * pass instead of a pass of their own) and a scalar tail doing the same float operations in the same order (plain SGD
 * with no penalty keeps the scalar loop C2 vectorises by itself: see there).
 */
public abstract class SlotOptimizer implements Optimizer {
    private final int slots;
    private final Map<Parameter, float[][]> state = new IdentityHashMap<>();
    private final float l1, l2;
    /** Whether either penalty is on; when not, the gradient is read as it is. */
    private final boolean penalised;
    protected static final VectorSpecies<Float> S = Vectors.FLOAT;
    protected double lr;
    protected long t;

    protected SlotOptimizer(Params p, int slots) {
        this.slots = slots;
        this.lr = p.getDouble("learningRate");
        this.l1 = (float) p.getDouble("l1");
        this.l2 = (float) p.getDouble("l2");
        this.penalised = l1 != 0f || l2 != 0f;
    }

    /**
     * Updates {@code w[from, to)} in place from gradient {@code g} and this parameter's slots, in one pass: each lane's
     * gradient comes from {@link #gradient(FloatVector, float[], int)} (the scalar tail: {@link #gradient(float, float[], int)})
     * with {@code w}'s value before the update. Elements are independent: a parameter may be updated in several ranges,
     * on several threads, with the same result.
     */
    protected abstract void update(float[] w, float[] g, float[][] slot, float lr, int from, int to);

    /**
     * The gradient at {@code g[i..i+lanes)} with the penalties λ₁|w| + ½λ₂w² (PyTorch's weight_decay = λ₂) added, for
     * weights {@code w} (before their update); written back to {@code g}, which then holds what the step used.
     */
    protected final FloatVector gradient(FloatVector w, float[] g, int i) {
        FloatVector gi = FloatVector.fromArray(S, g, i);
        if (!penalised) return gi;
        // Math.signum: 1 above zero, −1 below, and w itself for ±0 and NaN.
        FloatVector sign = w.blend(1f, w.compare(VectorOperators.GT, 0f)).blend(-1f, w.compare(VectorOperators.LT, 0f));
        gi = gi.add(sign.mul(l1).add(w.mul(l2)));
        gi.intoArray(g, i);
        return gi;
    }

    /** Whether an L1 or L2 penalty is on (when not, {@link #gradient} returns the gradient as it is). */
    protected final boolean penalised() { return penalised; }

    /** {@link #gradient(FloatVector, float[], int)} for one element (the loops' tails). */
    protected final float gradient(float w, float[] g, int i) {
        if (!penalised) return g[i];
        return g[i] += l1 * Math.signum(w) + l2 * w;
    }

    /**
     * Elements per task when a step is split over the kernel threads: all parameters laid end to end and cut into
     * equal stretches, so two threads get equal shares whatever the layer sizes (a multiple of every vector width).
     */
    private static final int CHUNK = 8192;

    @Override public final void step(List<Parameter> parameters) {
        t++;
        int count = parameters.size();
        float[][] w = new float[count][], g = new float[count][], slot[] = new float[count][][];
        long[] start = new long[count + 1];
        for (int i = 0; i < count; i++) {
            Parameter p = parameters.get(i);
            float[] wi = p.value().data();
            w[i] = wi;
            g[i] = p.grad().data();
            slot[i] = state.computeIfAbsent(p, k -> new float[slots][wi.length]);
            start[i + 1] = start[i] + wi.length;
        }
        float rate = (float) lr;
        long total = start[count];
        // An update is memory-bound (Adam reads and writes four arrays): the second core's share of the cache bandwidth
        // halves it (a fifth of an MLP's training step on one thread).
        Threads.parallelFor((int) ((total + CHUNK - 1) / CHUNK), 16 * total, (from, to) -> {
            long lo = (long) from * CHUNK, hi = Math.min(total, (long) to * CHUNK);
            for (int i = 0; i < count; i++) {
                long a = Math.max(lo, start[i]), b = Math.min(hi, start[i + 1]);
                if (a < b) update(w[i], g[i], slot[i], rate, (int) (a - start[i]), (int) (b - start[i]));
            }
        });
    }

    @Override public double learningRate() { return lr; }
    @Override public void setLearningRate(double lr) { this.lr = lr; }

    @Override public Map<String, float[]> saveState(List<Parameter> parameters) {
        Map<String, float[]> m = new LinkedHashMap<>();
        m.put("t", new float[] {Float.intBitsToFloat((int) (t >>> 32)), Float.intBitsToFloat((int) t)});
        m.put("lr", new float[] {Float.intBitsToFloat((int) (Double.doubleToLongBits(lr) >>> 32)), Float.intBitsToFloat((int) Double.doubleToLongBits(lr))});
        for (int i = 0; i < parameters.size(); i++) {
            float[][] s = state.get(parameters.get(i));
            if (s == null) continue;
            for (int k = 0; k < slots; k++) m.put(i + "/" + k, s[k].clone());
        }
        return m;
    }

    @Override public void loadState(List<Parameter> parameters, Map<String, float[]> saved) {
        state.clear();
        float[] tt = saved.get("t"), l = saved.get("lr");
        t = tt == null ? 0 : ((long) Float.floatToRawIntBits(tt[0]) << 32) | (Float.floatToRawIntBits(tt[1]) & 0xFFFFFFFFL);
        if (l != null) lr = Double.longBitsToDouble(((long) Float.floatToRawIntBits(l[0]) << 32) | (Float.floatToRawIntBits(l[1]) & 0xFFFFFFFFL));
        for (int i = 0; i < parameters.size(); i++) {
            if (!saved.containsKey(i + "/0")) continue;
            float[][] s = new float[slots][];
            for (int k = 0; k < slots; k++) s[k] = saved.get(i + "/" + k).clone();
            state.put(parameters.get(i), s);
        }
    }
}
