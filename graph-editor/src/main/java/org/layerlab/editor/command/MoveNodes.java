package org.layerlab.editor.command;

import java.util.LinkedHashMap;
import java.util.Map;
import org.layerlab.compute.graph.ModelGraph;
import org.layerlab.compute.graph.Node;
import org.layerlab.editor.model.Point;

/**
 * Moves layers from one set of positions to another. Repeated nudges (arrow keys) of the same layers merge into one
 * undo step when {@code nudge} is set.
 */
public record MoveNodes(String label, Map<String, Point> from, Map<String, Point> to, boolean nudge) implements Command {
    public MoveNodes {
        from = Map.copyOf(from);
        to = Map.copyOf(to);
    }

    @Override public ModelGraph execute(ModelGraph graph) { return place(graph, to); }
    @Override public ModelGraph undo(ModelGraph graph) { return place(graph, from); }

    private static ModelGraph place(ModelGraph graph, Map<String, Point> where) {
        ModelGraph g = graph;
        for (Map.Entry<String, Point> e : where.entrySet()) {
            Node n = g.node(e.getKey());
            g = g.replaceNode(n.withPosition(e.getValue().x(), e.getValue().y()));
        }
        return g;
    }

    @Override public Command mergeWith(Command next) {
        if (nudge && next instanceof MoveNodes m && m.nudge && m.from.keySet().equals(to.keySet()) && m.from.equals(to)) {
            return new MoveNodes(label, new LinkedHashMap<>(from), m.to, true);
        }
        return null;
    }
}
