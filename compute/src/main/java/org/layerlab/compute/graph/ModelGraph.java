package org.layerlab.compute.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.layerlab.compute.layers.LayerType;
import org.layerlab.compute.layers.LayerTypes;

/**
 * The network as a document: nodes and wires. Immutable; every edit returns a new graph, so a trainer can hold a
 * snapshot while the editor goes on changing the document.
 */
public final class ModelGraph {
    private final Map<String, Node> nodes;
    private final List<Edge> edges;

    private ModelGraph(Map<String, Node> nodes, List<Edge> edges) {
        this.nodes = nodes;
        this.edges = edges;
    }

    public static ModelGraph empty() { return new ModelGraph(Map.of(), List.of()); }

    /** Builds a graph, checking that ids are unique and that wires join existing nodes. */
    public static ModelGraph of(List<Node> nodes, List<Edge> edges) {
        ModelGraph g = empty();
        for (Node n : nodes) g = g.withNode(n);
        for (Edge e : edges) g = g.withEdge(e);
        return g;
    }

    public List<Node> nodes() { return List.copyOf(nodes.values()); }
    public List<Edge> edges() { return edges; }
    public Optional<Node> find(String id) { return Optional.ofNullable(nodes.get(id)); }

    public Node node(String id) {
        Node n = nodes.get(id);
        if (n == null) throw new GraphException("no node '" + id + "'");
        return n;
    }

    public LayerType typeOf(String id) { return LayerTypes.CATALOG.get(node(id).type()); }

    /** Incoming wires of a node, ordered by port. */
    public List<Edge> inputsOf(String id) {
        return edges.stream().filter(e -> e.to().equals(id)).sorted(Comparator.comparingInt(Edge::port)).toList();
    }

    public List<Edge> outputsOf(String id) {
        return edges.stream().filter(e -> e.from().equals(id)).toList();
    }

    public ModelGraph withNode(Node n) {
        if (nodes.containsKey(n.id())) throw new GraphException("a node with id '" + n.id() + "' already exists");
        LayerTypes.CATALOG.get(n.type());
        Map<String, Node> m = new LinkedHashMap<>(nodes);
        m.put(n.id(), n);
        return new ModelGraph(m, edges);
    }

    /** Replaces the node with the same id (parameters, name or position changed). */
    public ModelGraph replaceNode(Node n) {
        node(n.id());
        Map<String, Node> m = new LinkedHashMap<>(nodes);
        m.put(n.id(), n);
        return new ModelGraph(m, edges);
    }

    /** Removes a node and every wire attached to it. */
    public ModelGraph withoutNode(String id) {
        node(id);
        Map<String, Node> m = new LinkedHashMap<>(nodes);
        m.remove(id);
        return new ModelGraph(m, edges.stream().filter(e -> !e.from().equals(id) && !e.to().equals(id)).toList());
    }

    /** Adds a wire, refusing self-loops, cycles, taken ports and too many inputs, with the reason. */
    public ModelGraph withEdge(Edge e) {
        String reason = connectionProblem(e);
        if (reason != null) throw new GraphException(reason);
        List<Edge> l = new ArrayList<>(edges);
        l.add(e);
        return new ModelGraph(nodes, List.copyOf(l));
    }

    public ModelGraph withoutEdge(Edge e) {
        List<Edge> l = new ArrayList<>(edges);
        if (!l.remove(e)) throw new GraphException("no such wire " + e);
        return new ModelGraph(nodes, List.copyOf(l));
    }

    /** Why {@code e} cannot be added, or null when it can. */
    public String connectionProblem(Edge e) {
        Node from = nodes.get(e.from()), to = nodes.get(e.to());
        if (from == null) return "no node '" + e.from() + "'";
        if (to == null) return "no node '" + e.to() + "'";
        if (e.from().equals(e.to())) return "a layer cannot feed itself";
        LayerType toType = LayerTypes.CATALOG.get(to.type());
        long existing = edges.stream().filter(x -> x.to().equals(e.to())).count();
        if (toType.arity().max() == 0) return to.name() + " takes no inputs";
        if (existing >= toType.arity().max()) {
            return to.name() + " takes " + (toType.arity().max() == 1 ? "only one input" : "at most " + toType.arity().max() + " inputs");
        }
        if (edges.stream().anyMatch(x -> x.to().equals(e.to()) && x.port() == e.port())) return "that input of " + to.name() + " is already wired";
        if (edges.stream().anyMatch(x -> x.from().equals(e.from()) && x.to().equals(e.to()))) return from.name() + " already feeds " + to.name();
        if (reaches(e.to(), e.from())) return "wiring " + from.name() + " into " + to.name() + " would make a cycle";
        return null;
    }

    /** True when a path of wires leads from {@code start} to {@code target}. */
    public boolean reaches(String start, String target) {
        Deque<String> todo = new ArrayDeque<>(List.of(start));
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (id.equals(target)) return true;
            if (seen.add(id)) for (Edge e : edges) if (e.from().equals(id)) todo.push(e.to());
        }
        return false;
    }

    /** Nodes in an order where every node follows its inputs (Kahn; ties keep insertion order). */
    public List<Node> topologicalOrder() {
        Map<String, Integer> indegree = new HashMap<>();
        for (String id : nodes.keySet()) indegree.put(id, 0);
        for (Edge e : edges) indegree.merge(e.to(), 1, Integer::sum);
        List<Node> order = new ArrayList<>();
        Deque<String> ready = new ArrayDeque<>();
        for (String id : nodes.keySet()) if (indegree.get(id) == 0) ready.add(id);
        while (!ready.isEmpty()) {
            String id = ready.poll();
            order.add(nodes.get(id));
            for (Edge e : edges) if (e.from().equals(id) && indegree.merge(e.to(), -1, Integer::sum) == 0) ready.add(e.to());
        }
        if (order.size() != nodes.size()) throw new GraphException("the graph has a cycle");
        return order;
    }

    /** A fresh id with the given prefix ("dense-3"). */
    public String freshId(String prefix) {
        for (int i = 1; ; i++) if (!nodes.containsKey(prefix + "-" + i)) return prefix + "-" + i;
    }

    /** A fresh display name with the given base ("Dense 3"). */
    public String freshName(String base) {
        Set<String> names = new HashSet<>();
        for (Node n : nodes.values()) names.add(n.name());
        for (int i = 1; ; i++) if (!names.contains(base + " " + i)) return base + " " + i;
    }

    @Override public boolean equals(Object o) {
        return o instanceof ModelGraph g && g.nodes.equals(nodes) && new HashSet<>(g.edges).equals(new HashSet<>(edges));
    }

    @Override public int hashCode() { return nodes.hashCode() * 31 + new HashSet<>(edges).hashCode(); }
}
