package org.layerlab.editor.command;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.layerlab.compute.graph.ModelGraph;

/**
 * The undo and redo stacks over one graph document. The document lives elsewhere (read through {@code current},
 * written through {@code publish}), so the stack works the same behind a JavaFX property or a plain field.
 */
public final class CommandStack {
    private final Supplier<ModelGraph> current;
    private final Consumer<ModelGraph> publish;
    private final Deque<Command> undo = new ArrayDeque<>();
    private final Deque<Command> redo = new ArrayDeque<>();
    private final List<Runnable> listeners = new ArrayList<>();
    private final int limit;

    public CommandStack(Supplier<ModelGraph> current, Consumer<ModelGraph> publish, int limit) {
        this.current = current;
        this.publish = publish;
        this.limit = limit;
    }

    /** Runs a command and records it; a failing command changes nothing and its exception propagates. */
    public void execute(Command c) {
        ModelGraph edited = c.execute(current.get());
        Command top = undo.peek();
        Command merged = top == null ? null : top.mergeWith(c);
        if (merged != null) {
            undo.pop();
            undo.push(merged);
        } else {
            undo.push(c);
            while (undo.size() > limit) undo.removeLast();
        }
        redo.clear();
        publish.accept(edited);
        changed();
    }

    public boolean canUndo() { return !undo.isEmpty(); }
    public boolean canRedo() { return !redo.isEmpty(); }

    /** The label of the step {@link #undo()} would take back, or null. */
    public String undoLabel() { return undo.isEmpty() ? null : undo.peek().label(); }
    public String redoLabel() { return redo.isEmpty() ? null : redo.peek().label(); }

    public void undo() {
        if (undo.isEmpty()) return;
        Command c = undo.pop();
        ModelGraph g = c.undo(current.get());
        redo.push(c);
        publish.accept(g);
        changed();
    }

    public void redo() {
        if (redo.isEmpty()) return;
        Command c = redo.pop();
        ModelGraph g = c.execute(current.get());
        undo.push(c);
        publish.accept(g);
        changed();
    }

    /** Forgets all history (a different document was opened). */
    public void clear() {
        undo.clear();
        redo.clear();
        changed();
    }

    public void addListener(Runnable r) { listeners.add(r); }

    private void changed() { listeners.forEach(Runnable::run); }
}
