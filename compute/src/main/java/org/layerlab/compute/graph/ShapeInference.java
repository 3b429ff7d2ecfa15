package org.layerlab.compute.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.layerlab.compute.layers.LayerType;
import org.layerlab.compute.layers.ShapeException;
import org.layerlab.compute.tensor.Shape;

/** A pure pass over the graph in topological order, asking each layer's declaration for its output shape. */
public final class ShapeInference {
    private ShapeInference() {}

    public static GraphAnalysis analyze(ModelGraph graph) {
        LinkedHashMap<String, NodeInfo> infos = new LinkedHashMap<>();
        List<String> graphErrors = new ArrayList<>();
        List<Node> order;
        try {
            order = graph.topologicalOrder();
        } catch (GraphException e) {
            graphErrors.add(e.getMessage());
            return GraphAnalysis.of(infos, graphErrors);
        }
        if (order.isEmpty()) graphErrors.add("the network is empty — drag an Input layer from the palette");
        else if (order.stream().noneMatch(n -> graph.typeOf(n.id()).arity().max() == 0)) graphErrors.add("the network has no Input layer");
        for (Node node : order) infos.put(node.id(), inferNode(graph, node, infos));
        return GraphAnalysis.of(infos, graphErrors);
    }

    private static NodeInfo inferNode(ModelGraph graph, Node node, LinkedHashMap<String, NodeInfo> done) {
        LayerType type = graph.typeOf(node.id());
        List<Edge> in = graph.inputsOf(node.id());
        if (!type.arity().accepts(in.size())) {
            String need = type.arity().min() == type.arity().max() ? String.valueOf(type.arity().min()) : "at least " + type.arity().min();
            return NodeInfo.error(node.name() + " needs " + need + " input" + (type.arity().min() == 1 ? "" : "s")
                    + ", has " + in.size() + " — wire " + (in.size() < type.arity().min() ? "a layer into it" : "fewer layers into it"));
        }
        List<Shape> shapes = new ArrayList<>();
        for (Edge e : in) {
            NodeInfo upstream = done.get(e.from());
            if (upstream == null || !upstream.valid()) {
                return NodeInfo.error(node.name() + ": its input " + graph.node(e.from()).name() + " has an error");
            }
            shapes.add(upstream.outputShape());
        }
        try {
            Shape out = type.outputShape(shapes, node.params());
            long params = type.parameterCount(shapes, node.params());
            // Before anything is allocated: a layer whose weights alone exceed the heap is this layer's error.
            String tooLarge = MemoryEstimate.weightRefusal(node.name(), params, MemoryEstimate.available());
            if (tooLarge != null) return new NodeInfo(List.copyOf(shapes), out, params, 0, tooLarge);
            return new NodeInfo(List.copyOf(shapes), out, params, type.flops(shapes, node.params()), null);
        } catch (ShapeException e) {
            return new NodeInfo(List.copyOf(shapes), null, 0, 0, node.name() + " " + e.getMessage());
        } catch (IllegalArgumentException | ArithmeticException e) {
            // Sizes past what a tensor or a count can hold (Shape.TooLargeException, multiplyExact in a rule).
            return new NodeInfo(List.copyOf(shapes), null, 0, 0, node.name() + ": " + e.getMessage());
        }
    }
}
