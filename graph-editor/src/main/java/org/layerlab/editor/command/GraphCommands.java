package org.layerlab.editor.command;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.layerlab.compute.catalog.InvalidParamException;
import org.layerlab.compute.catalog.ParamSpec;
import org.layerlab.compute.catalog.Params;
import org.layerlab.compute.graph.Edge;
import org.layerlab.compute.graph.ModelGraph;
import org.layerlab.compute.graph.Node;
import org.layerlab.compute.layers.LayerType;
import org.layerlab.editor.model.GraphFragment;
import org.layerlab.editor.model.NodeText;
import org.layerlab.editor.model.Point;

/** Builds the editor's commands, with their undo labels, from what the user did. */
public final class GraphCommands {
    private GraphCommands() {}

    /** The undo labels and refusals, in the user's language (bundle {@code commands}, MessageFormat patterns). */
    static final org.layerlab.compute.text.Messages TEXT =
            org.layerlab.compute.text.Messages.of("org.layerlab.editor.i18n.commands", GraphCommands.class);

    /** A new layer of this type with a fresh id and name ("Dense 3") at (x, y). */
    public static AddNode add(ModelGraph g, LayerType type, double x, double y) { return add(g, type, type.defaultParams(), x, y); }

    /** As {@link #add(ModelGraph, LayerType, double, double)} with the given settings instead of the type's defaults. */
    public static AddNode add(ModelGraph g, LayerType type, Params params, double x, double y) {
        return new AddNode(new Node(g.freshId(type.id()), type.id(), g.freshName(type.displayName()), params, x, y));
    }

    /** Deletes layers and wires; the layers' own wires go in the same step so one undo restores everything. */
    public static Command delete(ModelGraph g, Collection<String> nodeIds, Collection<Edge> wires) {
        return remove("delete", g, nodeIds, wires);
    }

    /** As {@link #delete}, labelled as a cut ("Cut Dense 2"). */
    public static Command cut(ModelGraph g, Collection<String> nodeIds) { return remove("cut", g, nodeIds, List.of()); }

    private static Command remove(String verb, ModelGraph g, Collection<String> nodeIds, Collection<Edge> wires) {
        Set<Edge> edges = new LinkedHashSet<>();
        for (Edge e : wires) if (g.edges().contains(e)) edges.add(e);
        for (Edge e : g.edges()) if (nodeIds.contains(e.from()) || nodeIds.contains(e.to())) edges.add(e);
        List<Command> parts = new ArrayList<>();
        for (Edge e : edges) parts.add(new RemoveEdge(e, TEXT.get("disconnect")));
        for (String id : nodeIds) g.find(id).ifPresent(n -> parts.add(new RemoveNode(n)));
        String what = nodeIds.isEmpty() ? (edges.size() == 1 ? TEXT.get("wire") : TEXT.get("wires", edges.size())) : NodeText.names(g, nodeIds);
        return new CompoundCommand(TEXT.get(verb, what), parts);
    }

    /** Connects {@code from}'s output to input {@code port} of {@code to}, or explains why not. */
    public static Command connect(ModelGraph g, String from, String to, int port) throws RefusedException {
        Edge e = new Edge(from, to, port);
        String problem = g.connectionProblem(e);
        if (problem != null) throw new RefusedException(capitalise(problem));
        return new AddEdge(e, TEXT.get("connect", g.node(from).name(), g.node(to).name()));
    }

    /** The lowest input port of {@code to} that has no wire yet. */
    public static int firstFreePort(ModelGraph g, String to) {
        Set<Integer> taken = new LinkedHashSet<>();
        for (Edge e : g.inputsOf(to)) taken.add(e.port());
        int p = 0;
        while (taken.contains(p)) p++;
        return p;
    }

    /** Moves layers to new positions; unchanged positions are left out. Null when nothing moves. */
    public static MoveNodes move(ModelGraph g, Map<String, Point> to, boolean nudge) {
        Map<String, Point> before = new LinkedHashMap<>(), after = new LinkedHashMap<>();
        for (Map.Entry<String, Point> e : to.entrySet()) {
            Node n = g.find(e.getKey()).orElse(null);
            if (n == null || (n.x() == e.getValue().x() && n.y() == e.getValue().y())) continue;
            before.put(n.id(), new Point(n.x(), n.y()));
            after.put(n.id(), e.getValue());
        }
        if (after.isEmpty()) return null;
        return new MoveNodes(TEXT.get("move", NodeText.names(g, after.keySet())), before, after, nudge);
    }

    /** Changes one declared parameter, checked by the catalog: "Change Units of Hidden 1". */
    public static ChangeNode changeParam(ModelGraph g, String id, ParamSpec spec, Object value) throws InvalidParamException {
        Node n = g.node(id);
        Params p = n.params().with(spec.name(), value);
        return new ChangeNode(TEXT.get("change", spec.label(), n.name()), n, n.withParams(p));
    }

    public static ChangeNode rename(ModelGraph g, String id, String name) throws RefusedException {
        Node n = g.node(id);
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty()) throw new RefusedException(TEXT.get("needsName"));
        return new ChangeNode(TEXT.get("rename", n.name(), trimmed), n, n.withName(trimmed));
    }

    /**
     * Adds a fragment (already renamed for this graph by {@link GraphFragment#renamedFor}) with its inner wires;
     * {@code verb} ("Paste", "Duplicate") names the label's pattern in the commands bundle.
     */
    public static Command paste(String verb, GraphFragment placed) { return paste(verb, placed, placed); }

    /** As {@link #paste(String, GraphFragment)}, with the label naming the layers that were copied ("Duplicate Dense 2"). */
    public static Command paste(String verb, GraphFragment source, GraphFragment placed) {
        List<Command> parts = new ArrayList<>();
        for (Node n : placed.nodes()) parts.add(new AddNode(n));
        for (Edge e : placed.edges()) parts.add(new AddEdge(e, TEXT.get("connectPart")));
        String what = source.nodes().size() == 1 ? source.nodes().get(0).name() : TEXT.get("layers", source.nodes().size());
        return new CompoundCommand(TEXT.get(verb.toLowerCase(java.util.Locale.ROOT), what), parts);
    }

    /** Wires from the first selected layer to the next ones, in selection order: a keyboard way to connect. */
    public static Command connectInOrder(ModelGraph g, List<String> ids) throws RefusedException {
        if (ids.size() < 2) throw new RefusedException(TEXT.get("selectTwo"));
        List<Command> parts = new ArrayList<>();
        ModelGraph scratch = g;
        for (int i = 0; i + 1 < ids.size(); i++) {
            Command c = connect(scratch, ids.get(i), ids.get(i + 1), firstFreePort(scratch, ids.get(i + 1)));
            scratch = c.execute(scratch);
            parts.add(c);
        }
        return parts.size() == 1 ? parts.get(0) : new CompoundCommand(TEXT.get("connectMany", ids.size()), parts);
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** A user action that cannot be done, with the reason to show. */
    public static final class RefusedException extends Exception {
        public RefusedException(String message) { super(message); }
    }
}
