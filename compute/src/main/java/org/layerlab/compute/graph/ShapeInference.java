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
        if (order.isEmpty()) graphErrors.add(org.layerlab.compute.layers.ShapeText.get("graph.empty"));
        else if (order.stream().noneMatch(n -> graph.typeOf(n.id()).arity().max() == 0)) graphErrors.add(org.layerlab.compute.layers.ShapeText.get("graph.noInput"));
        for (Node node : order) infos.put(node.id(), inferNode(graph, node, infos));
        return GraphAnalysis.of(infos, graphErrors);
    }

    private static NodeInfo inferNode(ModelGraph graph, Node node, LinkedHashMap<String, NodeInfo> done) {
        LayerType type = graph.typeOf(node.id());
        List<Edge> in = graph.inputsOf(node.id());
        if (!type.arity().accepts(in.size())) {
            return NodeInfo.error(org.layerlab.compute.layers.ShapeText.get(in.size() < type.arity().min() ? "node.tooFew" : "node.tooMany", node.name(),
                    type.arity().min() == type.arity().max() ? 0 : 1, String.valueOf(type.arity().min()), String.valueOf(in.size()),
                    type.arity().min()));
        }
        List<Shape> shapes = new ArrayList<>();
        for (Edge e : in) {
            NodeInfo upstream = done.get(e.from());
            if (upstream == null || !upstream.valid()) {
                return NodeInfo.error(org.layerlab.compute.layers.ShapeText.get("node.inputError", node.name(), graph.node(e.from()).name()));
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
            return new NodeInfo(List.copyOf(shapes), null, 0, 0, org.layerlab.compute.layers.ShapeText.get("node.shape", node.name(), e.getMessage()));
        } catch (IllegalArgumentException | ArithmeticException e) {
            // Sizes past what a tensor or a count can hold (Shape.TooLargeException, multiplyExact in a rule).
            return new NodeInfo(List.copyOf(shapes), null, 0, 0, org.layerlab.compute.layers.ShapeText.get("node.problem", node.name(), e.getMessage()));
        }
    }
}
