package org.layerlab.editor.command;

import java.util.List;
import org.layerlab.compute.graph.ModelGraph;

/** Several commands done as one undo step (e.g. delete a node and its wires); undone in reverse order. */
public record CompoundCommand(String label, List<Command> parts) implements Command {
    public CompoundCommand {
        parts = List.copyOf(parts);
    }

    @Override public ModelGraph execute(ModelGraph graph) {
        ModelGraph g = graph;
        for (Command c : parts) g = c.execute(g);
        return g;
    }

    @Override public ModelGraph undo(ModelGraph graph) {
        ModelGraph g = graph;
        for (int i = parts.size() - 1; i >= 0; i--) g = parts.get(i).undo(g);
        return g;
    }
}
