package org.layerlab.editor.command;

import org.layerlab.compute.graph.Edge;
import org.layerlab.compute.graph.ModelGraph;

/** Adds a wire; {@link ModelGraph#withEdge} refuses cycles, self-loops, taken ports and excess inputs. */
public record AddEdge(Edge edge, String label) implements Command {
    @Override public ModelGraph execute(ModelGraph graph) { return graph.withEdge(edge); }
    @Override public ModelGraph undo(ModelGraph graph) { return graph.withoutEdge(edge); }
}
