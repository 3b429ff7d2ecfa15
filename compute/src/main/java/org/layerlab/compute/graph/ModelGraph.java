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
    /** Wires by target (sorted by port) and by source, built on first use: lookups stay O(1) on large graphs. */
    private volatile Map<String, List<Edge>> incoming, outgoing;

    private ModelGraph(Map<String, Node> nodes, List<Edge> edges) {
        this.nodes = nodes;
        this.edges = edges;
    }

    public static ModelGraph empty() { return new ModelGraph(Map.of(), List.of()); }

    /**
     * Builds a graph, checking everything {@link #withEdge} checks, in time linear in its size: a file's 10,000-layer
     * chain loads as fast listed backwards as forwards. A refused wire is named by its index in {@code edges}
     * ({@link GraphException#edgeIndex()}); a cycle is blamed on the wire listed last among those forming it.
     */
    public static ModelGraph of(List<Node> nodes, List<Edge> edges) {
        Map<String, Node> m = new LinkedHashMap<>();
        for (Node n : nodes) {
            LayerTypes.CATALOG.get(n.type());
            if (m.putIfAbsent(n.id(), n) != null) throw new GraphException("a node with id '" + n.id() + "' already exists");
        }
        Map<String, Integer> inCount = new HashMap<>();
        Set<String> takenPorts = new HashSet<>(), pairs = new HashSet<>();
        for (int i = 0; i < edges.size(); i++) {
            Edge e = edges.get(i);
            Node from = m.get(e.from()), to = m.get(e.to());
            String problem = null;
            if (from == null) problem = "no node '" + e.from() + "'";
            else if (to == null) problem = "no node '" + e.to() + "'";
            else if (e.from().equals(e.to())) problem = "a layer cannot feed itself";
            else {
                LayerType toType = LayerTypes.CATALOG.get(to.type());
                int existing = inCount.getOrDefault(e.to(), 0);
                problem = arityProblem(to, toType, existing);
                if (problem == null) problem = portProblem(to, toType, e.port(), m.size());
                if (problem == null && !takenPorts.add(e.to() + "\u0000" + e.port())) problem = org.layerlab.compute.layers.ShapeText.get("wire.taken", to.name());
                if (problem == null && !pairs.add(e.from() + "\u0000" + e.to())) problem = org.layerlab.compute.layers.ShapeText.get("wire.twice", from.name(), to.name());
            }
            if (problem != null) throw new GraphException(problem, i);
            inCount.merge(e.to(), 1, Integer::sum);
        }
        ModelGraph g = new ModelGraph(m, List.copyOf(edges));
        g.requireAcyclic();
        return g;
    }

    private static String arityProblem(Node to, LayerType toType, long existing) {
        if (toType.arity().max() == 0) return org.layerlab.compute.layers.ShapeText.get("wire.noInputs", to.name());
        if (existing >= toType.arity().max()) {
            return toType.arity().max() == 1 ? org.layerlab.compute.layers.ShapeText.get("wire.oneInput", to.name()) : org.layerlab.compute.layers.ShapeText.get("wire.atMost", to.name(), String.valueOf(toType.arity().max()));
        }
        return null;
    }

    /** Input ports are numbered from 0: below the layer's input count, and for many-input layers below the graph's size. */
    private static String portProblem(Node to, LayerType toType, int port, int nodeCount) {
        int ports = Math.min(toType.arity().max(), Math.max(nodeCount, 1));
        if (port < 0 || port >= ports) {
            return ports == 1 ? org.layerlab.compute.layers.ShapeText.get("wire.noPort", to.name(), String.valueOf(port)) : org.layerlab.compute.layers.ShapeText.get("wire.noPortOf", to.name(), String.valueOf(port), String.valueOf(ports - 1));
        }
        return null;
    }

    /** Kahn's algorithm once over the whole graph; on a cycle, finds it by walking back along wires. */
    private void requireAcyclic() {
        Map<String, Integer> indegree = new HashMap<>();
        for (String id : nodes.keySet()) indegree.put(id, 0);
        for (Edge e : edges) indegree.merge(e.to(), 1, Integer::sum);
        Deque<String> ready = new ArrayDeque<>();
        for (String id : nodes.keySet()) if (indegree.get(id) == 0) ready.add(id);
        int done = 0;
        while (!ready.isEmpty()) {
            String id = ready.poll();
            done++;
            for (Edge e : outgoing().getOrDefault(id, List.of())) if (indegree.merge(e.to(), -1, Integer::sum) == 0) ready.add(e.to());
        }
        if (done == nodes.size()) return;
        // Every node left has a wire from another node left, so walking back from any of them must come round.
        Map<Edge, Integer> index = new HashMap<>();
        for (int i = 0; i < edges.size(); i++) index.put(edges.get(i), i);
        String at = indegree.entrySet().stream().filter(x -> x.getValue() > 0).findFirst().orElseThrow().getKey();
        Map<String, Edge> cameFrom = new LinkedHashMap<>();
        while (!cameFrom.containsKey(at)) {
            Edge back = incoming().get(at).stream().filter(x -> indegree.get(x.from()) > 0).findFirst().orElseThrow();
            cameFrom.put(at, back);
            at = back.from();
        }
        Edge last = null;
        String start = at;
        do {
            Edge e = cameFrom.get(at);
            if (last == null || index.get(e) > index.get(last)) last = e;
            at = e.from();
        } while (!at.equals(start));
        throw new GraphException("wiring " + nodes.get(last.from()).name() + " into " + nodes.get(last.to()).name()
                + " would make a cycle", index.get(last));
    }

    private Map<String, List<Edge>> incoming() {
        Map<String, List<Edge>> in = incoming;
        if (in == null) {
            in = new HashMap<>();
            for (Edge e : edges) in.computeIfAbsent(e.to(), k -> new ArrayList<>()).add(e);
            for (List<Edge> l : in.values()) l.sort(Comparator.comparingInt(Edge::port));
            incoming = in;
        }
        return in;
    }

    private Map<String, List<Edge>> outgoing() {
        Map<String, List<Edge>> out = outgoing;
        if (out == null) {
            out = new HashMap<>();
            for (Edge e : edges) out.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e);
            outgoing = out;
        }
        return out;
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
        return List.copyOf(incoming().getOrDefault(id, List.of()));
    }

    public List<Edge> outputsOf(String id) {
        return List.copyOf(outgoing().getOrDefault(id, List.of()));
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
        if (e.from().equals(e.to())) return org.layerlab.compute.layers.ShapeText.get("wire.self");
        LayerType toType = LayerTypes.CATALOG.get(to.type());
        List<Edge> into = incoming().getOrDefault(e.to(), List.of());
        String arity = arityProblem(to, toType, into.size());
        if (arity != null) return arity;
        String port = portProblem(to, toType, e.port(), nodes.size());
        if (port != null) return port;
        if (into.stream().anyMatch(x -> x.port() == e.port())) return org.layerlab.compute.layers.ShapeText.get("wire.taken", to.name());
        if (into.stream().anyMatch(x -> x.from().equals(e.from()))) return org.layerlab.compute.layers.ShapeText.get("wire.twice", from.name(), to.name());
        if (reaches(e.to(), e.from())) return org.layerlab.compute.layers.ShapeText.get("wire.cycle", from.name(), to.name());
        return null;
    }

    /** True when a path of wires leads from {@code start} to {@code target}. */
    public boolean reaches(String start, String target) {
        Deque<String> todo = new ArrayDeque<>(List.of(start));
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (id.equals(target)) return true;
            if (seen.add(id)) for (Edge e : outgoing().getOrDefault(id, List.of())) todo.push(e.to());
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
            for (Edge e : outgoing().getOrDefault(id, List.of())) if (indegree.merge(e.to(), -1, Integer::sum) == 0) ready.add(e.to());
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
