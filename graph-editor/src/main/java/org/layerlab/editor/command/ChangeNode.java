package org.layerlab.editor.command;

import org.layerlab.compute.graph.ModelGraph;
import org.layerlab.compute.graph.Node;

/** Replaces a layer's settings or name (its id and wires stay), e.g. "Change Units of Hidden 1". */
public record ChangeNode(String label, Node before, Node after) implements Command {
    @Override public ModelGraph execute(ModelGraph graph) { return graph.replaceNode(after); }
    @Override public ModelGraph undo(ModelGraph graph) { return graph.replaceNode(before); }
}
