package org.layerlab.editor.command;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.layerlab.compute.graph.ModelGraph;

/**
 * The undo and redo stacks over one document: graph commands and {@link DocumentEdit}s of the document's other
 * state (training settings, data set) in one history. The graph lives elsewhere (read through {@code current},
 * written through {@code publish}), so the stack works the same behind a JavaFX property or a plain field.
 */
public final class CommandStack {
    /** One entry of the history: a graph command or a document edit. */
    private sealed interface Step permits GraphStep, DocStep {
        String label();
    }

    private record GraphStep(Command command) implements Step {
        @Override public String label() { return command.label(); }
    }

    private record DocStep(DocumentEdit edit) implements Step {
        @Override public String label() { return edit.label(); }
    }

    private final Supplier<ModelGraph> current;
    private final Consumer<ModelGraph> publish;
    private final Deque<Step> undo = new ArrayDeque<>();
    private final Deque<Step> redo = new ArrayDeque<>();
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
        Command merged = undo.peek() instanceof GraphStep top ? top.command().mergeWith(c) : null;
        record(merged != null ? new GraphStep(merged) : new GraphStep(c), merged != null);
        publish.accept(edited);
        changed();
    }

    /** Makes a document edit and records it; an edit whose {@code apply} throws is not recorded. */
    public void execute(DocumentEdit e) {
        e.apply();
        DocumentEdit merged = undo.peek() instanceof DocStep top ? top.edit().mergeWith(e) : null;
        record(merged != null ? new DocStep(merged) : new DocStep(e), merged != null);
        changed();
    }

    private void record(Step s, boolean replaceTop) {
        if (replaceTop) undo.pop();
        undo.push(s);
        while (undo.size() > limit) undo.removeLast();
        redo.clear();
    }

    public boolean canUndo() { return !undo.isEmpty(); }
    public boolean canRedo() { return !redo.isEmpty(); }

    /** The label of the step {@link #undo()} would take back, or null. */
    public String undoLabel() { return undo.isEmpty() ? null : undo.peek().label(); }
    public String redoLabel() { return redo.isEmpty() ? null : redo.peek().label(); }

    public void undo() {
        if (undo.isEmpty()) return;
        Step s = undo.pop();
        if (s instanceof GraphStep g) publish.accept(g.command().undo(current.get()));
        else ((DocStep) s).edit().revert();
        redo.push(s);
        changed();
    }

    public void redo() {
        if (redo.isEmpty()) return;
        Step s = redo.pop();
        if (s instanceof GraphStep g) publish.accept(g.command().execute(current.get()));
        else ((DocStep) s).edit().apply();
        undo.push(s);
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
