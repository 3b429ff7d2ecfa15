package org.layerlab.editor;

import org.layerlab.compute.text.Messages;

/** The editor's own texts (card badges, property sheet, model summary), bundle {@code editortext} in English and Chinese. */
final class EditorText {
    static final Messages TEXT = Messages.of("org.layerlab.editor.i18n.editortext", EditorText.class);

    private EditorText() {}
}
