package org.layerlab.editor.command;

import org.layerlab.compute.graph.ModelGraph;
import org.layerlab.compute.graph.Node;

/** Places a new layer on the canvas. */
public record AddNode(Node node) implements Command {
    @Override public String label() { return GraphCommands.TEXT.get("add", node.name()); }
    @Override public ModelGraph execute(ModelGraph graph) { return graph.withNode(node); }
    @Override public ModelGraph undo(ModelGraph graph) { return graph.withoutNode(node.id()); }
}
