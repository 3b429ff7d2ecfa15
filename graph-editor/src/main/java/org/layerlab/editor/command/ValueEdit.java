package org.layerlab.editor.command;

import java.util.function.Consumer;

/**
 * The common document edit: a whole value replaced by another (immutable settings, a data-set spec), written
 * through {@code target}, e.g. a JavaFX property's {@code set}.
 */
public record ValueEdit<T>(String label, Consumer<? super T> target, T before, T after) implements DocumentEdit {
    @Override public void apply() { target.accept(after); }
    @Override public void revert() { target.accept(before); }
}
