package org.layerlab.app.ui;

import java.nio.file.Path;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import org.layerlab.compute.export.ModelImports;
import org.layerlab.compute.project.ProjectFiles;
import org.layerlab.samples.SampleProjects;

/** The File menu and file drops: thin, every action is the document model's. */
final class FileMenu {
    private FileMenu() {}

    static Menu build(ProjectDocumentModel doc, Runnable exportModel, Runnable quit) {
        var t = ProjectDocumentModel.TEXT;
        MenuItem newItem = item("file-new", t.get("menuNew"), "Shortcut+N", doc::newProject);
        MenuItem open = item("file-open", t.get("menuOpen"), "Shortcut+O", doc::openChosen);
        Menu recent = new Menu(t.get("menuRecent"));
        recent.setId("file-recent");
        fillRecent(recent, doc);
        doc.recentFiles().files().addListener((ListChangeListener<Path>) c -> fillRecent(recent, doc));
        Menu samples = new Menu(t.get("menuSamples"));
        samples.setId("file-samples");
        for (SampleProjects.Sample s : SampleProjects.all()) {
            MenuItem m = new MenuItem(s.title());
            m.setOnAction(e -> doc.openSample(s));
            samples.getItems().add(m);
        }
        MenuItem save = item("file-save", t.get("menuSave"), "Shortcut+S", doc::save);
        MenuItem saveAs = item("file-save-as", t.get("menuSaveAs"), "Shortcut+Shift+S", doc::saveAs);
        MenuItem export = item("file-export", t.get("menuExport"), "Shortcut+Shift+E", exportModel);
        MenuItem importRuns = item("file-import-runs", t.get("menuImportRuns"), "Shortcut+Shift+I", doc::importRunsChosen);
        MenuItem quitItem = item("file-quit", t.get("menuQuit"), "Shortcut+Q", quit);
        Menu file = new Menu(t.get("menuFile"), null, newItem, open, recent, samples, new SeparatorMenuItem(), save, saveAs,
                new SeparatorMenuItem(), importRuns, export, new SeparatorMenuItem(), quitItem);
        file.setId("file-menu");
        return file;
    }

    private static void fillRecent(Menu recent, ProjectDocumentModel doc) {
        recent.getItems().clear();
        for (Path p : doc.recentFiles().files()) {
            MenuItem m = new MenuItem(p.getFileName() + "  \u2014  " + (p.getParent() == null ? "" : p.getParent()));
            m.setMnemonicParsing(false);
            m.setOnAction(e -> doc.openAsking(p));
            recent.getItems().add(m);
        }
        if (recent.getItems().isEmpty()) {
            MenuItem none = new MenuItem(ProjectDocumentModel.TEXT.get("menuRecentNone"));
            none.setDisable(true);
            recent.getItems().add(none);
        }
    }

    private static MenuItem item(String id, String text, String accel, Runnable action) {
        MenuItem m = new MenuItem(text);
        m.setId(id);
        m.setAccelerator(KeyCombination.keyCombination(accel));
        m.setOnAction(e -> action.run());
        return m;
    }

    /** Whether LayerLab opens this file: a project, or a model an importer reads. */
    static boolean opens(Path p) {
        return p.getFileName() != null && (p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(ProjectFiles.EXTENSION)
                || ModelImports.forFile(p).isPresent());
    }

    /** Dropping a project or model file on the window opens it (after asking about unsaved work). */
    static void acceptDrops(Scene scene, ProjectDocumentModel doc) {
        scene.setOnDragOver(e -> {
            var files = e.getDragboard().getFiles();
            if (e.getDragboard().hasFiles() && files.size() == 1 && opens(files.get(0).toPath())) e.acceptTransferModes(TransferMode.COPY);
            e.consume();
        });
        scene.setOnDragDropped(e -> {
            var files = e.getDragboard().getFiles();
            boolean ok = e.getDragboard().hasFiles() && files.size() == 1 && opens(files.get(0).toPath());
            if (ok) {
                Path p = files.get(0).toPath();
                javafx.application.Platform.runLater(() -> doc.openAsking(p)); // after the drop gesture has finished
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }
}
