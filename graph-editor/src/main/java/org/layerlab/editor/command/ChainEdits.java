package org.layerlab.editor.command;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.layerlab.compute.graph.Edge;
import org.layerlab.compute.graph.GraphException;
import org.layerlab.compute.graph.ModelGraph;
import org.layerlab.compute.layers.LayerType;
import org.layerlab.compute.text.Messages;
import org.layerlab.editor.model.NodeText;
import org.layerlab.editor.model.Point;

/**
 * Edits that keep a chain of layers whole: putting a new layer on a wire, and deleting layers from the middle of a
 * chain with their neighbours joined. Each is one undoable step.
 */
public final class ChainEdits {
    private static final Messages TEXT = Messages.of("org.layerlab.editor.i18n.canvas", ChainEdits.class);

    private ChainEdits() {}

    /**
     * A new layer of {@code type} at (x, y) on {@code wire}: the wire is split and the layer put between its ends
     * ("Insert Dense 3 between Hidden 1 and Hidden 2"). Null when the layer cannot sit there (it takes no input, as
     * an Input layer, or a wire would be refused).
     */
    public static Insertion insertOnWire(ModelGraph g, LayerType type, Edge wire, double x, double y) {
        return insertOnWire(g, type, type.defaultParams(), wire, x, y, Map.of());
    }

    /** As {@link #insertOnWire(ModelGraph, LayerType, Edge, double, double)} with these settings, moving layers to make room in the same step. */
    public static Insertion insertOnWire(ModelGraph g, LayerType type, org.layerlab.compute.catalog.Params params, Edge wire, double x, double y,
                                         Map<String, Point> moves) {
        if (!g.edges().contains(wire)) return null;
        AddNode add = GraphCommands.add(g, type, params, x, y);
        String id = add.node().id();
        List<Command> parts = new ArrayList<>();
        MoveNodes move = GraphCommands.move(g, moves, false);
        if (move != null) parts.add(move);
        parts.addAll(List.of(add, new RemoveEdge(wire, GraphCommands.TEXT.get("disconnect")),
                new AddEdge(new Edge(wire.from(), id, 0), GraphCommands.TEXT.get("connectPart")), new AddEdge(new Edge(id, wire.to(), wire.port()), GraphCommands.TEXT.get("connectPart"))));
        if (!applies(g, parts)) return null;
        return new Insertion(new CompoundCommand(TEXT.get("insert.label", add.node().name(), g.node(wire.from()).name(), g.node(wire.to()).name()), parts), id);
    }

    /** The step that inserts a layer, and the new layer's id. */
    public record Insertion(Command command, String nodeId) {}

    /** A delete and the wires it adds to join the deleted layers' neighbours (none: a plain delete). */
    public record Deletion(Command command, List<Edge> joins) {}

    /**
     * Deletes layers (with their wires) and joins across every gap this leaves in a chain: for each connected group
     * of deleted layers fed by exactly one wire from outside, that wire's source is wired to every layer the group fed
     * ("Delete Hidden 2 and join Hidden 1 to Output"). Joins the graph refuses are left out.
     */
    public static Deletion deleteJoining(ModelGraph g, Collection<String> ids) {
        Set<String> deleted = new LinkedHashSet<>();
        for (String id : ids) if (g.find(id).isPresent()) deleted.add(id);
        Command delete = GraphCommands.delete(g, deleted, List.of());
        ModelGraph after = delete.execute(g);
        List<Edge> joins = new ArrayList<>();
        List<Command> parts = new ArrayList<>(List.of(delete));
        for (Set<String> group : groups(g, deleted)) {
            List<Edge> in = g.edges().stream().filter(e -> group.contains(e.to()) && !deleted.contains(e.from())).toList();
            List<Edge> out = g.edges().stream().filter(e -> group.contains(e.from()) && !deleted.contains(e.to())).toList();
            if (in.size() != 1 || out.isEmpty()) continue;
            for (Edge o : out) {
                Edge join = new Edge(in.get(0).from(), o.to(), o.port());
                if (after.connectionProblem(join) != null) continue;
                after = after.withEdge(join);
                joins.add(join);
                parts.add(new AddEdge(join, GraphCommands.TEXT.get("connectPart")));
            }
        }
        if (joins.isEmpty()) return new Deletion(delete, List.of());
        String label = joins.size() == 1
                ? TEXT.get("deleteJoin.label", NodeText.names(g, deleted), g.node(joins.get(0).from()).name(), g.node(joins.get(0).to()).name())
                : TEXT.get("deleteJoinMany.label", NodeText.names(g, deleted), joins.size());
        return new Deletion(new CompoundCommand(label, parts), List.copyOf(joins));
    }

    /** The deleted layers split into groups connected by wires among themselves. */
    private static List<Set<String>> groups(ModelGraph g, Set<String> deleted) {
        List<Set<String>> groups = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String start : deleted) {
            if (!seen.add(start)) continue;
            Set<String> group = new LinkedHashSet<>(List.of(start));
            Deque<String> todo = new ArrayDeque<>(List.of(start));
            while (!todo.isEmpty()) {
                String id = todo.pop();
                for (Edge e : g.edges()) {
                    String other = e.from().equals(id) ? e.to() : e.to().equals(id) ? e.from() : null;
                    if (other != null && deleted.contains(other) && seen.add(other)) { group.add(other); todo.push(other); }
                }
            }
            groups.add(group);
        }
        return groups;
    }

    private static boolean applies(ModelGraph g, List<Command> parts) {
        try {
            for (Command c : parts) g = c.execute(g);
            return true;
        } catch (GraphException e) {
            return false;
        }
    }
}
