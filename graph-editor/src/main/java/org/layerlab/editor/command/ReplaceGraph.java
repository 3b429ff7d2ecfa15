package org.layerlab.editor.command;

import org.layerlab.compute.graph.ModelGraph;

/** Swaps the whole document for an edited version made elsewhere (an import, a tool outside the editor). */
public record ReplaceGraph(String label, ModelGraph before, ModelGraph after) implements Command {
    @Override public ModelGraph execute(ModelGraph graph) { return after; }
    @Override public ModelGraph undo(ModelGraph graph) { return before; }
}
