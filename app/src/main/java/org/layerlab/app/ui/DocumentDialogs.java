package org.layerlab.app.ui;

import java.nio.file.Path;

/**
 * What the document model asks the user: whether to save, which file, and what went wrong. The window answers with
 * real dialogs ({@link FxDocumentDialogs}); the model itself shows nothing.
 */
public interface DocumentDialogs {
    enum Answer { SAVE, DONT_SAVE, CANCEL }

    /** Unsaved changes would be lost: save them first? {@code closing} when the window is closing, else another project opens. */
    Answer askToSave(String projectName, boolean closing);

    /** A project or model file to open, or null when the user cancels. */
    Path chooseOpen(Path initialDir);

    /** Project files whose runs to import (File → Import runs…); empty when the user cancels. */
    default java.util.List<Path> chooseMany(Path initialDir) { return java.util.List.of(); }

    /** Where to save the project, or null when the user cancels. */
    Path chooseSave(Path initialDir, String suggestedName);

    void showError(String header, String message);
}
