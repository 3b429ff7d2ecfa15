package org.layerlab.compute.graph;

import java.util.List;
import org.layerlab.compute.tensor.Shape;

/** What shape inference found for one node: its input and output shapes, counts, or the error that stops it. */
public record NodeInfo(List<Shape> inputShapes, Shape outputShape, long parameterCount, long flops, String error) {
    public boolean valid() { return error == null; }

    static NodeInfo error(String message) { return new NodeInfo(List.of(), null, 0, 0, message); }
}
