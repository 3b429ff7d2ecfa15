package org.layerlab.editor.command;

import org.layerlab.compute.graph.Edge;
import org.layerlab.compute.graph.ModelGraph;

/** Removes a wire. */
public record RemoveEdge(Edge edge, String label) implements Command {
    @Override public ModelGraph execute(ModelGraph graph) { return graph.withoutEdge(edge); }
    @Override public ModelGraph undo(ModelGraph graph) { return graph.withEdge(edge); }
}
