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
 * gradient, the split of a step over the kernel threads, and checkpointing of the state. Subclasses state only their
 * update rule, as one plain loop over a range of a parameter that C2 vectorises by itself: written with the Vector
 * API instead, the same pass ran 7× slower for the first calls of a run (interpreted and C1-compiled vector code
 * allocates a box per operation: Adam's first step took 204 ms instead of 29, 2 Dec 2026) and no faster once warm.
 */
public abstract class SlotOptimizer implements Optimizer {
    private final int slots;
    private final Map<Parameter, float[][]> state = new IdentityHashMap<>();
    private final float l1, l2;
    /** Whether either penalty is on. */
    private final boolean penalised;
    private static final VectorSpecies<Float> S = Vectors.FLOAT;
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
     * Updates {@code w[from, to)} in place from gradient {@code g} (the penalties already added) and this parameter's
     * slots. Elements are independent: a parameter may be updated in several ranges, on several threads, with the
     * same result.
     */
    protected abstract void update(float[] w, float[] g, float[][] slot, float lr, int from, int to);

    /**
     * g[from, to) += λ₁·sign(w) + λ₂·w, the penalties λ₁|w| + ½λ₂w² (PyTorch's weight_decay = λ₂), written to the
     * gradient, which then holds what the step used. Its own vector pass: sign() keeps C2 from vectorising the
     * update loops if it were folded into them.
     */
    private void addPenalties(float[] w, float[] g, int from, int to) {
        int i = from;
        for (int bound = from + S.loopBound(to - from); i < bound; i += S.length()) {
            FloatVector wi = FloatVector.fromArray(S, w, i);
            // Math.signum: 1 above zero, −1 below, and w itself for ±0 and NaN.
            FloatVector sign = wi.blend(1f, wi.compare(VectorOperators.GT, 0f)).blend(-1f, wi.compare(VectorOperators.LT, 0f));
            FloatVector.fromArray(S, g, i).add(sign.mul(l1).add(wi.mul(l2))).intoArray(g, i);
        }
        for (; i < to; i++) g[i] += l1 * Math.signum(w[i]) + l2 * w[i];
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
                if (a >= b) continue;
                int first = (int) (a - start[i]), end = (int) (b - start[i]); // this parameter's part of the stretch
                if (penalised) addPenalties(w[i], g[i], first, end);
                update(w[i], g[i], slot[i], rate, first, end);
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
