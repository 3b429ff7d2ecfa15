package org.layerlab.compute.train.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.layerlab.compute.autodiff.Var;
import org.layerlab.compute.data.Batch;
import org.layerlab.compute.data.Dataset;
import org.layerlab.compute.graph.CompiledNetwork;
import org.layerlab.compute.layers.ForwardContext;
import org.layerlab.compute.layers.Parameter;
import org.layerlab.compute.nn.Loss;
import org.layerlab.compute.tensor.Workspace;

/**
 * Any one training sample's forward and backward pass on its own, at the weights a traced step started from, for the
 * step-through panel when the sample the user picks was not in that step's batch: each layer's output for it, its own
 * loss, and the gradient of that loss with respect to each layer's output. It runs the engine's own forward and
 * backward on a network of its own (never the trainer's), in inference mode (no dropout; BatchNorm uses its running
 * statistics as they were when the network was compiled), so it changes nothing about the run.
 *
 * @param step   the traced step whose starting weights were used
 * @param index  the sample's index in the training set
 * @param label  its class, or -1 for regression
 * @param targets its targets (regression), else null
 * @param loss   the loss of this sample alone
 */
public record SampleTrace(long step, int index, float[] features, int label, float[] targets, double loss,
                          List<StepTrace.Layer> layers) {
    public SampleTrace { layers = List.copyOf(layers); }

    /**
     * Traces sample {@code index} of {@code train} through {@code network} (compiled from the trained graph; its
     * weights are overwritten with the weights {@code step} started from). Call from a pool thread, one at a time per
     * network.
     */
    public static SampleTrace of(StepTrace step, CompiledNetwork network, Loss loss, Dataset train, int index) {
        if (index < 0 || index >= train.size()) throw new IllegalArgumentException("no sample " + index + " in " + train.size());
        Map<String, Parameter> params = network.namedParameters();
        for (StepTrace.Weights w : step.weights()) {
            Parameter p = params.get(w.key());
            if (p == null) throw new IllegalArgumentException("the network has no weights '" + w.key() + "'");
            System.arraycopy(w.before(), 0, p.value().data(), 0, w.before().length);
        }
        try (Workspace.Scope reuse = network.workspace().open()) {
            Batch one = train.batch(new int[] {index}, 0, 1);
            Map<String, Var> outputs = network.forwardAll(one.x(), ForwardContext.inference());
            Var l = loss.compute(outputs.get(network.outputId()), one);
            double lv = l.value().item();
            for (Parameter p : network.parameters()) p.zeroGrad();
            l.backward();
            List<StepTrace.Layer> layers = new ArrayList<>();
            for (Map.Entry<String, Var> e : outputs.entrySet()) {
                Var v = e.getValue();
                var node = network.graph().node(e.getKey());
                layers.add(new StepTrace.Layer(node.id(), node.name(), node.type(), v.value().size(),
                        java.util.Arrays.copyOf(v.value().data(), v.value().size()),
                        v.requiresGrad() ? java.util.Arrays.copyOf(v.grad().data(), v.value().size()) : null));
            }
            float[] features = java.util.Arrays.copyOf(one.x().data(), one.x().size());
            int label = one.labels() == null ? -1 : one.labels()[0];
            float[] targets = one.targets() == null ? null : one.targets().clone();
            return new SampleTrace(step.step(), index, features, label, targets, lv, layers);
        }
    }
}
