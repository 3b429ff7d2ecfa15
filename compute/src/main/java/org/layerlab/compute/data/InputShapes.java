package org.layerlab.compute.data;

import java.util.Arrays;
import java.util.List;
import org.layerlab.compute.catalog.InvalidParamException;
import org.layerlab.compute.graph.ModelGraph;
import org.layerlab.compute.graph.Node;
import org.layerlab.compute.layers.InputLayer;
import org.layerlab.compute.tensor.Shape;

/**
 * The Input layer follows the data set: one pure function that the window (when the source changes) and the command
 * line ({@code train --data}) both call, so a network drawn for points trains on a CSV of 4 columns or on images.
 */
public final class InputShapes {
    private InputShapes() {}

    /**
     * {@code graph} with its Input layer's shape set to {@code sample}; the graph itself when it already has that
     * shape or when it has no single Input layer (several inputs cannot all take one sample's shape).
     */
    public static ModelGraph follow(ModelGraph graph, Shape sample) {
        List<Node> inputs = graph.nodes().stream().filter(n -> n.type().equals(InputLayer.ID)).toList();
        if (inputs.size() != 1 || sample == null) return graph;
        Node input = inputs.get(0);
        List<Integer> dims = Arrays.stream(sample.dims()).boxed().toList();
        if (input.params().getShape("shape").equals(dims)) return graph;
        try {
            return graph.replaceNode(input.withParams(input.params().with("shape", dims)));
        } catch (InvalidParamException e) {
            throw new IllegalArgumentException("a data set's sample shape " + sample + " is not a valid Input shape: " + e.getMessage(), e);
        }
    }
}
