package org.layerlab.editor.command;

import org.layerlab.compute.graph.ModelGraph;

/**
 * One undoable change of the graph document. Graphs are immutable, so a command maps a graph to its edited version
 * and back; it holds exactly what it needs to do both.
 */
public interface Command {
    /** What the Edit menu shows after "Undo " / "Redo ", e.g. "Move Dense 2". */
    String label();

    /** The edited graph; throws {@link org.layerlab.compute.graph.GraphException} when the change does not apply. */
    ModelGraph execute(ModelGraph graph);

    /** The graph as it was before {@link #execute}. */
    ModelGraph undo(ModelGraph graph);

    /** A single command doing this and then {@code next}, or null when the two should stay separate undo steps. */
    default Command mergeWith(Command next) { return null; }
}
