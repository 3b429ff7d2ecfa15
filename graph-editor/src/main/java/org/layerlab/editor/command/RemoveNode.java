package org.layerlab.editor.command;

import org.layerlab.compute.graph.ModelGraph;
import org.layerlab.compute.graph.Node;

/** Removes a layer that has no wires left (wires are removed first, by their own commands, so undo restores them). */
public record RemoveNode(Node node) implements Command {
    @Override public String label() { return GraphCommands.TEXT.get("delete", node.name()); }
    @Override public ModelGraph execute(ModelGraph graph) { return graph.withoutNode(node.id()); }
    @Override public ModelGraph undo(ModelGraph graph) { return graph.withNode(node); }
}
