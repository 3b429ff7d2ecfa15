package org.layerlab.compute.train.probe;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.layerlab.compute.graph.CompiledNetwork;
import org.layerlab.compute.layers.Parameter;
import org.layerlab.compute.tensor.Tensor;

/**
 * A copy of a network's weights at one step, published by the trainer for probes to analyse on other threads. Besides
 * the weights (and BatchNorm's running statistics) it holds, for a step, the gradients of the loss — taken right after
 * the backward pass, before gradient clipping and before the optimizer folds L1/L2 penalties in — and the weights
 * before that step's update. Arrays are copies made once at publication and never written afterwards: readers must not
 * write them either.
 */
public final class WeightSnapshot {
    /**
     * When the snapshot was taken: before the first step, after a due step, when the run paused (and so after each
     * Step), after weights were edited while paused, or as it ended.
     */
    public enum Kind { START, STEP, PAUSE, EDIT, END }

    private final Kind kind;
    private final long step;
    private final int epoch;
    private final boolean endsEpoch;
    private final long nanos;
    private final Map<String, float[]> weights, gradients, previous, buffers;

    public WeightSnapshot(Kind kind, long step, int epoch, boolean endsEpoch, long nanos, Map<String, float[]> weights,
                          Map<String, float[]> gradients, Map<String, float[]> previous, Map<String, float[]> buffers) {
        this.kind = kind;
        this.step = step;
        this.epoch = epoch;
        this.endsEpoch = endsEpoch;
        this.nanos = nanos;
        this.weights = frozen(weights);
        this.gradients = frozen(gradients);
        this.previous = frozen(previous);
        this.buffers = frozen(buffers);
    }

    private static Map<String, float[]> frozen(Map<String, float[]> m) {
        return m == null || m.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    /** Copies a network's weights and buffers (the trainer's thread, between steps). */
    public static Map<String, float[]> copyWeights(CompiledNetwork net) {
        Map<String, float[]> m = new LinkedHashMap<>();
        for (Map.Entry<String, Parameter> e : net.namedParameters().entrySet()) m.put(e.getKey(), e.getValue().value().data().clone());
        return m;
    }

    /** Copies a network's accumulated gradients. */
    public static Map<String, float[]> copyGradients(CompiledNetwork net) {
        Map<String, float[]> m = new LinkedHashMap<>();
        for (Map.Entry<String, Parameter> e : net.namedParameters().entrySet()) m.put(e.getKey(), e.getValue().grad().data().clone());
        return m;
    }

    /** Copies a network's buffers (BatchNorm running statistics). */
    public static Map<String, float[]> copyBuffers(CompiledNetwork net) {
        Map<String, float[]> m = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : net.namedBuffers().entrySet()) m.put(e.getKey(), e.getValue().data().clone());
        return m;
    }

    /** Writes these weights and buffers into {@code net}, a network compiled from the same graph (a probe's own copy). */
    public void loadInto(CompiledNetwork net) {
        Map<String, Parameter> params = net.namedParameters();
        for (Map.Entry<String, float[]> e : weights.entrySet()) {
            Parameter p = params.get(e.getKey());
            if (p == null) throw new IllegalArgumentException("the snapshot has weights '" + e.getKey() + "' that the network lacks");
            System.arraycopy(e.getValue(), 0, p.value().data(), 0, e.getValue().length);
        }
        Map<String, Tensor> bufs = net.namedBuffers();
        for (Map.Entry<String, float[]> e : buffers.entrySet()) {
            Tensor t = bufs.get(e.getKey());
            if (t != null) System.arraycopy(e.getValue(), 0, t.data(), 0, e.getValue().length);
        }
    }

    public Kind kind() { return kind; }
    /** Steps done when it was taken (0 before the first). */
    public long step() { return step; }
    /** The epoch the step belongs to (0 at the start). */
    public int epoch() { return epoch; }
    /** Whether the step was its epoch's last (the confusion matrix is measured on these). */
    public boolean endsEpoch() { return endsEpoch; }
    /** The trainer's clock when it was taken. */
    public long nanos() { return nanos; }
    /** Weights keyed "nodeId/name", after the step. */
    public Map<String, float[]> weights() { return weights; }
    /** The loss's gradients of the step (no penalties, not clipped); empty unless {@link Kind#STEP}. */
    public Map<String, float[]> gradients() { return gradients; }
    /** The weights before the step's update; empty unless {@link Kind#STEP}. */
    public Map<String, float[]> previous() { return previous; }
    public Map<String, float[]> buffers() { return buffers; }
    public boolean hasGradients() { return !gradients.isEmpty(); }
}
