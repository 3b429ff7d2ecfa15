package org.layerlab.editor;

/** The editor's own style sheet, added by each of its views so they look the same wherever they are shown. */
final class EditorSheets {
    private EditorSheets() {}

    static final String CANVAS = EditorSheets.class.getResource("canvas.css").toExternalForm();
}
