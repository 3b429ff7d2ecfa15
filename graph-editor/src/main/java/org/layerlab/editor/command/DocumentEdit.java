package org.layerlab.editor.command;

/**
 * One undoable change of document state outside the graph (training settings, the data set, …), kept in the same
 * history as graph edits so that one Undo walks back through both in the order they were made. The state lives
 * with its owner; the edit only knows how to put the new value in and the old one back.
 */
public interface DocumentEdit {
    /** What the Edit menu shows after "Undo " / "Redo ", e.g. "Set learning rate to 0.003". */
    String label();

    /** Makes the change (the first time and on redo). */
    void apply();

    /** Takes the change back. */
    void revert();

    /** A single edit doing this and then {@code next}, or null when the two should stay separate undo steps. */
    default DocumentEdit mergeWith(DocumentEdit next) { return null; }
}
