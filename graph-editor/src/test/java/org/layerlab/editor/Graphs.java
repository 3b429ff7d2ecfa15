package org.layerlab.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.layerlab.compute.catalog.InvalidParamException;
import org.layerlab.compute.catalog.Params;
import org.layerlab.compute.graph.Edge;
import org.layerlab.compute.graph.ModelGraph;
import org.layerlab.compute.graph.Node;
import org.layerlab.compute.layers.LayerTypes;

/** Small graphs for tests, built from the real catalog. */
public final class Graphs {
    private Graphs() {}

    public static Node node(String id, String type, String name, double x, double y, Map<String, ?> params) {
        try {
            return new Node(id, type, name, Params.of(LayerTypes.CATALOG.get(type).params(), params), x, y);
        } catch (InvalidParamException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The default project's shape: Input(2) → Hidden 1 (24, tanh) → Hidden 2 (24, tanh) → Output (2), left to right at y = 200. */
    public static ModelGraph chain() {
        return ModelGraph.of(List.of(
                node("input", "input", "Input", 60, 200, Map.of("shape", List.of(2))),
                node("hidden-1", "dense", "Hidden 1", 280, 200, Map.of("units", 24, "activation", "tanh")),
                node("hidden-2", "dense", "Hidden 2", 500, 200, Map.of("units", 24, "activation", "tanh")),
                node("output", "dense", "Output", 720, 200, Map.of("units", 2))),
                List.of(new Edge("input", "hidden-1", 0), new Edge("hidden-1", "hidden-2", 0), new Edge("hidden-2", "output", 0)));
    }

    /**
     * A graph of {@code n} layers with branches: each Dense takes its input from one of the two previous layers,
     * so some wires skip a layer. All nodes start on top of each other at the origin.
     */
    public static ModelGraph branchy(int n, double spacing) {
        List<Node> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        nodes.add(node("input", "input", "Input", 0, 0, Map.of("shape", List.of(8))));
        for (int i = 1; i < n; i++) {
            nodes.add(node("d" + i, "dense", "Dense " + i, spacing * (i % 12), spacing * (i / 12), Map.of("units", 8)));
            String from = i == 1 ? "input" : (i % 3 == 0 && i > 2 ? "d" + (i - 2) : "d" + (i - 1));
            edges.add(new Edge(from, "d" + i, 0));
        }
        return ModelGraph.of(nodes, edges);
    }
}
