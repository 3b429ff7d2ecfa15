package org.layerlab.compute.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.layerlab.compute.graph.CompiledNetwork;
import org.layerlab.compute.layers.Parameter;
import org.layerlab.compute.nn.Optimizer;
import org.layerlab.compute.tensor.Tensor;

/**
 * A copy of everything training changes, taken at the end of an epoch: weights and buffers keyed "nodeId/name", the
 * optimizer's state (and which optimizer it belongs to), the epoch's metrics and the early-stopping count. The random
 * generators need no copy: each epoch's shuffle and dropout streams follow from the seed and the epoch number. So
 * resuming from it ({@link Trainer#resumeFrom}) with the same settings gives, bit for bit, what never stopping gives.
 */
public record Checkpoint(int epoch, long step, Map<String, Tensor> weights, Map<String, Tensor> buffers,
                         String optimizerId, Map<String, float[]> optimizerState, Map<String, Double> metrics,
                         double bestMonitored, int epochsSinceBest) {

    public static Checkpoint capture(int epoch, long step, CompiledNetwork net, String optimizerId, Optimizer optimizer,
                                     Map<String, Double> metrics, double bestMonitored, int epochsSinceBest) {
        Map<String, Tensor> w = new LinkedHashMap<>();
        net.namedParameters().forEach((k, p) -> w.put(k, p.value().copy()));
        Map<String, Tensor> b = new LinkedHashMap<>();
        net.namedBuffers().forEach((k, t) -> b.put(k, t.copy()));
        Map<String, float[]> opt = optimizer == null ? Map.of() : optimizer.saveState(net.parameters());
        return new Checkpoint(epoch, step, w, b, optimizerId, opt, Map.copyOf(metrics), bestMonitored, epochsSinceBest);
    }

    /**
     * Copies the weights and buffers into {@code net} (which must be compiled from the same graph) and the state into
     * {@code optimizer} (pass null when the run goes on with another optimizer: it starts with fresh state).
     */
    public void restore(CompiledNetwork net, Optimizer optimizer) {
        Map<String, Parameter> params = net.namedParameters();
        for (Map.Entry<String, Tensor> e : weights.entrySet()) {
            Parameter p = params.get(e.getKey());
            if (p == null) throw new IllegalArgumentException("the checkpoint has weights '" + e.getKey() + "' that the network lacks");
            p.value().copyFrom(e.getValue());
        }
        Map<String, Tensor> bufs = net.namedBuffers();
        for (Map.Entry<String, Tensor> e : buffers.entrySet()) {
            Tensor t = bufs.get(e.getKey());
            if (t == null) throw new IllegalArgumentException("the checkpoint has state '" + e.getKey() + "' that the network lacks");
            t.copyFrom(e.getValue());
        }
        if (optimizer != null) {
            List<Parameter> list = net.parameters();
            optimizer.loadState(list, optimizerState);
        }
    }

    /** Bytes held, to judge whether keeping every epoch's checkpoint is cheap. */
    public long sizeBytes() {
        long n = 0;
        for (Tensor t : weights.values()) n += 4L * t.size();
        for (Tensor t : buffers.values()) n += 4L * t.size();
        for (float[] f : optimizerState.values()) n += 4L * f.length;
        return n;
    }
}
