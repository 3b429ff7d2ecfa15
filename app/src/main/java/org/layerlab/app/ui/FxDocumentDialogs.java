package org.layerlab.app.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.layerlab.compute.export.ModelImport;
import org.layerlab.compute.export.ModelImports;
import org.layerlab.compute.project.ProjectFiles;
import org.layerlab.compute.text.Messages;

/** The document's questions as JavaFX dialogs owned by the main window. */
final class FxDocumentDialogs implements DocumentDialogs {
    static final Messages TEXT = Messages.of("org.layerlab.app.i18n.files", FxDocumentDialogs.class);
    private final Supplier<Window> owner;

    FxDocumentDialogs(Supplier<Window> owner) { this.owner = owner; }

    @Override public Answer askToSave(String projectName, boolean closing) {
        ButtonType save = new ButtonType(TEXT.get("save"), ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType(TEXT.get("dontSave"), ButtonBar.ButtonData.NO);
        ButtonType cancel = new ButtonType(TEXT.get("cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION,
                TEXT.get(closing ? "unsavedClosing" : "unsavedOpening", projectName), save, discard, cancel);
        ask.setHeaderText(TEXT.get(closing ? "unsavedClosingHeader" : "unsavedOpeningHeader"));
        ask.initOwner(owner.get());
        ButtonType answer = ask.showAndWait().orElse(cancel);
        return answer == save ? Answer.SAVE : answer == discard ? Answer.DONT_SAVE : Answer.CANCEL;
    }

    @Override public Path chooseOpen(Path initialDir) {
        FileChooser fc = chooser(initialDir);
        List<String> all = new ArrayList<>(List.of("*" + ProjectFiles.EXTENSION));
        for (ModelImport i : ModelImports.CATALOG.all()) {
            all.add("*" + i.extension());
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(i.displayName(), "*" + i.extension()));
        }
        fc.getExtensionFilters().add(0, new FileChooser.ExtensionFilter(TEXT.get("openableFiles"), all));
        File f = fc.showOpenDialog(owner.get());
        return f == null ? null : f.toPath();
    }

    @Override public List<Path> chooseMany(Path initialDir) {
        FileChooser fc = chooser(initialDir);
        fc.setTitle(TEXT.get("importRunsTitle"));
        List<File> files = fc.showOpenMultipleDialog(owner.get());
        return files == null ? List.of() : files.stream().map(File::toPath).toList();
    }

    @Override public Path chooseSave(Path initialDir, String suggestedName) {
        FileChooser fc = chooser(initialDir);
        fc.setInitialFileName(suggestedName);
        File f = fc.showSaveDialog(owner.get());
        return f == null ? null : f.toPath();
    }

    private FileChooser chooser(Path initialDir) {
        FileChooser fc = new FileChooser();
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(TEXT.get("projects"), "*" + ProjectFiles.EXTENSION));
        if (initialDir != null && initialDir.toFile().isDirectory()) fc.setInitialDirectory(initialDir.toFile());
        return fc;
    }

    @Override public void showError(String header, String message) {
        Alert a = new Alert(Alert.AlertType.ERROR, message);
        a.setHeaderText(header);
        a.initOwner(owner.get());
        a.show();
    }
}
