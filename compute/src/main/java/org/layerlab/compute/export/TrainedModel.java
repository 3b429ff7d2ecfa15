package org.layerlab.compute.export;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.layerlab.compute.graph.CompiledNetwork;
import org.layerlab.compute.graph.ModelGraph;
import org.layerlab.compute.layers.Parameter;
import org.layerlab.compute.tensor.Tensor;

/**
 * A network and the values it was trained to: what a project keeps per run, what exporters write and importers
 * make. Tensors are keyed as {@link CompiledNetwork} names them ("nodeId/name" for parameters and buffers), copied in,
 * and owned by the record.
 *
 * @param classNames the names of the output classes in order, or empty (regression, or not known)
 */
public record TrainedModel(ModelGraph graph, Map<String, Tensor> tensors, List<String> classNames) {
    public TrainedModel {
        tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
        classNames = List.copyOf(classNames);
    }

    /** The current weights and buffers of {@code net}, copied. */
    public static TrainedModel of(CompiledNetwork net, List<String> classNames) {
        Map<String, Tensor> t = new LinkedHashMap<>();
        net.namedParameters().forEach((k, p) -> t.put(k, p.value().copy()));
        net.namedBuffers().forEach((k, b) -> t.put(k, b.copy()));
        return new TrainedModel(net.graph(), t, classNames);
    }

    /**
     * Compiles the graph and loads these values into it. Every parameter and buffer of the network must be present
     * with the shape the graph gives it, and nothing else may be.
     *
     * @throws IllegalArgumentException naming the first tensor that is missing, extra or of the wrong shape
     */
    public CompiledNetwork compile() {
        CompiledNetwork net = CompiledNetwork.compile(graph, 0);
        Map<String, Tensor> targets = new LinkedHashMap<>();
        for (Map.Entry<String, Parameter> e : net.namedParameters().entrySet()) targets.put(e.getKey(), e.getValue().value());
        targets.putAll(net.namedBuffers());
        for (Map.Entry<String, Tensor> e : targets.entrySet()) {
            Tensor v = tensors.get(e.getKey());
            if (v == null) throw new IllegalArgumentException("the weights lack '" + e.getKey() + "'");
            if (!v.shape().equals(e.getValue().shape())) {
                throw new IllegalArgumentException("'" + e.getKey() + "' has shape " + v.shape() + " but the network needs "
                        + e.getValue().shape());
            }
            e.getValue().copyFrom(v);
        }
        for (String k : tensors.keySet()) {
            if (!targets.containsKey(k)) throw new IllegalArgumentException("the weights have '" + k + "' that the network lacks");
        }
        return net;
    }
}
