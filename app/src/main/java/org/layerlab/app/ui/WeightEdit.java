package org.layerlab.app.ui;

import java.util.concurrent.CompletableFuture;
import org.layerlab.compute.train.Trainer;
import org.layerlab.editor.command.DocumentEdit;

/**
 * One weight of a paused run set by hand (the weights-on-wires view), as a step in the editor's history: the trainer
 * applies it on its own thread and says what the weight was, and Undo puts that value back in the same run. Undo or
 * Redo after the run has gone on or ended is refused by the trainer, and the status message says so.
 */
final class WeightEdit implements DocumentEdit {
    private final String label;
    private final TrainingSession session;
    private final Trainer trainer;
    private final String key;
    private final int index;
    private final float value;
    /** The value the weight had, known once the trainer has applied the edit. */
    private CompletableFuture<Float> applied;

    WeightEdit(String label, TrainingSession session, Trainer trainer, String key, int index, float value) {
        this.label = label;
        this.session = session;
        this.trainer = trainer;
        this.key = key;
        this.index = index;
        this.value = value;
    }

    @Override public String label() { return label; }

    @Override public void apply() { applied = session.setWeight(trainer, key, index, value); }

    @Override public void revert() {
        // After the edit itself, never before it: the value to restore is the one the trainer replaced.
        applied.thenAccept(old -> session.setWeight(trainer, key, index, old));
    }

    /** Completes once the trainer has applied the edit (tests). */
    CompletableFuture<Float> applied() { return applied; }
}
