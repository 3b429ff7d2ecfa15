package org.layerlab.editor.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.layerlab.compute.graph.Edge;
import org.layerlab.compute.graph.ModelGraph;
import org.layerlab.compute.graph.Node;

/** A piece of a graph on the clipboard: some layers and the wires between them (wires leaving the piece are dropped). */
public record GraphFragment(List<Node> nodes, List<Edge> edges) {
    public GraphFragment {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    public static GraphFragment copy(ModelGraph g, Set<String> ids) {
        List<Node> nodes = new ArrayList<>();
        for (Node n : g.nodes()) if (ids.contains(n.id())) nodes.add(n);
        List<Edge> edges = g.edges().stream().filter(e -> ids.contains(e.from()) && ids.contains(e.to())).toList();
        return new GraphFragment(nodes, edges);
    }

    public boolean isEmpty() { return nodes.isEmpty(); }

    /** The fragment as it would be pasted into {@code g}: fresh ids and names, shifted by (dx, dy), wires renamed. */
    public GraphFragment renamedFor(ModelGraph g, double dx, double dy) {
        ModelGraph scratch = g;
        Map<String, String> ids = new HashMap<>();
        List<Node> placed = new ArrayList<>();
        for (Node n : nodes) {
            String id = scratch.freshId(n.type());
            String name = scratch.freshName(baseName(n.name()));
            Node copy = new Node(id, n.type(), name, n.params(), n.x() + dx, n.y() + dy);
            scratch = scratch.withNode(copy);
            ids.put(n.id(), id);
            placed.add(copy);
        }
        List<Edge> wires = edges.stream().map(e -> new Edge(ids.get(e.from()), ids.get(e.to()), e.port())).toList();
        return new GraphFragment(placed, wires);
    }

    public Set<String> ids() {
        Set<String> s = new LinkedHashSet<>();
        for (Node n : nodes) s.add(n.id());
        return s;
    }

    /** "Hidden 2" → "Hidden"; a name without a trailing number stays as it is. */
    static String baseName(String name) {
        String b = name.replaceFirst("\\s+\\d+$", "");
        return b.isBlank() ? name : b;
    }
}
