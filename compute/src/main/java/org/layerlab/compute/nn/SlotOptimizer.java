package org.layerlab.compute.nn;

import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.layerlab.compute.catalog.Params;
import org.layerlab.compute.layers.Parameter;

/**
 * The shared part of every optimizer: per-parameter state slots, a step counter, L1/L2 penalties folded into the
 * gradient, and checkpointing of the state. Subclasses state only their update rule.
 */
public abstract class SlotOptimizer implements Optimizer {
    private final int slots;
    private final Map<Parameter, float[][]> state = new IdentityHashMap<>();
    private final float l1, l2;
    protected double lr;
    protected long t;

    protected SlotOptimizer(Params p, int slots) {
        this.slots = slots;
        this.lr = p.getDouble("learningRate");
        this.l1 = (float) p.getDouble("l1");
        this.l2 = (float) p.getDouble("l2");
    }

    /** Updates {@code w} in place from gradient {@code g} (penalties already added) and this parameter's slots. */
    protected abstract void update(float[] w, float[] g, float[][] slot, float lr);

    @Override public final void step(List<Parameter> parameters) {
        t++;
        for (Parameter p : parameters) {
            float[] w = p.value().data(), g = p.grad().data();
            if (l1 != 0f || l2 != 0f) {
                // Penalties λ₁|w| + ½λ₂w² (PyTorch's weight_decay = λ₂) enter through the gradient.
                for (int i = 0; i < w.length; i++) g[i] += l1 * Math.signum(w[i]) + l2 * w[i];
            }
            float[][] s = state.computeIfAbsent(p, k -> new float[slots][w.length]);
            update(w, g, s, (float) lr);
        }
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
