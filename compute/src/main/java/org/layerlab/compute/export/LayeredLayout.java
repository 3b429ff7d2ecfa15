package org.layerlab.compute.export;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.layerlab.compute.graph.Edge;
import org.layerlab.compute.graph.ModelGraph;
import org.layerlab.compute.graph.Node;

/**
 * Places an imported graph for the canvas: each layer one column right of its deepest input, branches stacked in
 * rows. Simple on purpose; the editor can tidy further.
 */
public final class LayeredLayout {
    private LayeredLayout() {}

    public static final double COLUMN = 200, ROW = 120;

    public static ModelGraph apply(ModelGraph graph) {
        Map<String, Integer> depth = new HashMap<>();
        Map<Integer, Integer> rows = new HashMap<>();
        ModelGraph out = graph;
        for (Node n : graph.topologicalOrder()) {
            int d = 0;
            for (Edge e : graph.inputsOf(n.id())) d = Math.max(d, depth.get(e.from()) + 1);
            depth.put(n.id(), d);
            int row = rows.merge(d, 1, Integer::sum) - 1;
            out = out.replaceNode(n.withPosition(40 + d * COLUMN, 40 + row * ROW));
        }
        return out;
    }

    /** The columns of a laid-out graph's nodes, left to right (for tests). */
    static List<Double> columns(ModelGraph g) { return g.nodes().stream().map(Node::x).distinct().sorted().toList(); }
}
