package org.layerlab.app.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.layerlab.compute.project.Project;
import org.layerlab.compute.project.ProjectFileException;
import org.layerlab.compute.project.ProjectFiles;
import org.layerlab.compute.project.RunHistory;
import org.layerlab.editor.GraphEditor;
import org.layerlab.samples.SampleProjects;

/**
 * The open project: what was loaded, where it lives, and the File menu that opens and saves it.
 * File reads and writes run on the background executor; results come back on the FX thread. The runs of a
 * project live in the run list, not here: opening hands them over, saving takes them back.
 */
public final class ProjectDocumentModel {
    /** The run list as the project file sees it. */
    public interface Runs {
        /** Every run with every point, copied on the FX thread. */
        List<RunHistory> snapshot();

        /** Replaces the run list with a project's runs. */
        void replace(List<RunHistory> runs);
    }

    private final ReadOnlyObjectWrapper<Project> project = new ReadOnlyObjectWrapper<>();
    private final Executor io;
    private final Supplier<Window> owner;
    private Path file;
    /** Changes made (network edits, runs added, ended, renamed, deleted…) and how many of them are saved. */
    private long changes, savedChanges;
    private GraphEditor editor;
    private Supplier<org.layerlab.compute.project.DatasetSpec> dataset;
    private Runs runs = new Runs() {
        @Override public List<RunHistory> snapshot() { return List.of(); }
        @Override public void replace(List<RunHistory> r) {}
    };

    public ProjectDocumentModel(Project initial, Executor io, Supplier<Window> owner) {
        project.set(initial);
        this.io = io;
        this.owner = owner;
    }

    public static Project defaultProject() {
        try {
            return ProjectFiles.parse(SampleProjects.defaultSample().json(), SampleProjects.defaultSample().fileName());
        } catch (ProjectFileException e) {
            throw new IllegalStateException("the bundled default sample is invalid: " + e.getMessage(), e);
        }
    }

    /** Connects the run list: called once by the window that shows it. */
    void useRuns(Runs r) { runs = r; }

    public ReadOnlyObjectProperty<Project> projectProperty() { return project.getReadOnlyProperty(); }

    /**
     * The project as loaded, with the editor's current graph and the Data panel's data set; its runs are in the run
     * list (see {@link #useRuns}).
     */
    public Project project() {
        Project p = project.get();
        if (dataset != null) p = p.withDataset(dataset.get());
        return editor == null ? p : p.withGraph(editor.getGraph());
    }

    /** Connects the data set as the window edits it: called once by the window. */
    void useDataset(Supplier<org.layerlab.compute.project.DatasetSpec> d) { dataset = d; }


    void markEdited() { changes++; }

    /** True when the network or the run list changed since the project was opened or saved. */
    boolean edited() { return changes != savedChanges; }

    /** Grows with every change; autosave compares it to know whether anything is new. */
    long changeCount() { return changes; }

    /** The project with the editor's graph and every run, as a save writes it (FX thread). */
    Project snapshot() { return project().withRuns(runs.snapshot()); }

    /** Opens work recovered from an autosave: not in any file yet, and unsaved until the user saves it. */
    void recover(Project p) {
        show(p, null);
        changes++;
    }

    /** Opens a project that is not (yet) in a file, e.g. a sample or a copy with other settings. */
    public void open(Project p) { show(p, null); }

    private void show(Project p, Path from) {
        runs.replace(p.runs());
        project.set(p.withRuns(List.of())); // the window shows its graph, which counts as an edit: forget it below
        file = from;
        savedChanges = changes;
    }

    /**
     * Before another project replaces this one: when something changed since the last save, asks whether to
     * discard it, so that network edits and runs are never dropped without the user saying so.
     */
    private boolean mayDiscard() {
        if (!edited()) return true;
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, "The network or the runs of \u201c" + project.get().name()
                + "\u201d changed since it was last saved. Open another project and discard those changes?",
                new ButtonType("Discard changes", ButtonBar.ButtonData.OK_DONE), ButtonType.CANCEL);
        ask.setHeaderText("Discard unsaved changes?");
        ask.initOwner(owner.get());
        return ask.showAndWait().map(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE).orElse(false);
    }

    /**
     * Before the window closes: when something changed since the last save, asks whether to save it first.
     * Completes (on the FX thread) with true when the window may close — saved, nothing to save, or the user chose
     * not to — and false when the user cancelled or the save failed (its error is shown).
     */
    CompletableFuture<Boolean> mayClose() {
        if (!edited()) return CompletableFuture.completedFuture(true);
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.YES), discard = new ButtonType("Don't Save", ButtonBar.ButtonData.NO);
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, "The network or the runs of \u201c" + project.get().name()
                + "\u201d changed since it was last saved. Closing without saving loses those changes.", save, discard, ButtonType.CANCEL);
        ask.setHeaderText("Save changes before closing?");
        ask.initOwner(owner.get());
        ButtonType answer = ask.showAndWait().orElse(ButtonType.CANCEL);
        if (answer == discard) return CompletableFuture.completedFuture(true);
        if (answer != save) return CompletableFuture.completedFuture(false);
        Path target = file != null ? file : chooseSaveTarget();
        if (target == null) return CompletableFuture.completedFuture(false);
        return write(target).handle((v, err) -> err == null);
    }

    MenuBar menuBar(GraphEditor graphEditor) {
        this.editor = graphEditor;
        MenuItem open = item("Open…", "Shortcut+O", this::open);
        MenuItem save = item("Save", "Shortcut+S", this::save);
        MenuItem saveAs = item("Save As…", "Shortcut+Shift+S", this::saveAs);
        Menu samples = new Menu("Open Sample");
        for (SampleProjects.Sample s : SampleProjects.all()) {
            MenuItem m = new MenuItem(s.title());
            m.setOnAction(e -> { if (mayDiscard()) load(() -> ProjectFiles.parse(s.json(), s.fileName()), null); });
            samples.getItems().add(m);
        }
        Menu fileMenu = new Menu("File", null, open, samples, new SeparatorMenuItem(), save, saveAs);
        MenuBar bar = new MenuBar(fileMenu);
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    private static MenuItem item(String text, String accel, Runnable action) {
        MenuItem m = new MenuItem(text);
        m.setAccelerator(KeyCombination.keyCombination(accel));
        m.setOnAction(e -> action.run());
        return m;
    }

    private FileChooser chooser() {
        FileChooser fc = new FileChooser();
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("LayerLab projects", "*" + ProjectFiles.EXTENSION));
        if (file != null && file.getParent() != null) fc.setInitialDirectory(file.getParent().toFile());
        return fc;
    }

    private void open() {
        if (!mayDiscard()) return;
        File f = chooser().showOpenDialog(owner.get());
        if (f != null) open(f.toPath());
    }

    /** Opens a project file (as File → Open does); completes once it is shown, or with the error shown. */
    CompletableFuture<Void> open(Path from) { return load(() -> ProjectFiles.read(from), from); }

    private CompletableFuture<Void> load(FileWork<Project> loader, Path from) {
        return inBackground(loader, "Cannot open the project", p -> show(p, from));
    }

    private void save() {
        if (file == null) saveAs(); else write(file);
    }

    private void saveAs() {
        Path target = chooseSaveTarget();
        if (target != null) write(target);
    }

    /** Asks where to save (File → Save As); null when the user cancels. */
    private Path chooseSaveTarget() {
        FileChooser fc = chooser();
        fc.setInitialFileName(project.get().name().replaceAll("[^A-Za-z0-9-_ ]", "") + ProjectFiles.EXTENSION);
        File f = fc.showSaveDialog(owner.get());
        return f == null ? null : f.toPath();
    }

    /** Saves to a file (as File → Save As does), runs included; completes once saved, or with the error shown. */
    CompletableFuture<Void> write(Path target) {
        Project snapshot = snapshot();
        long saving = changes; // what this save covers; later changes stay unsaved
        return inBackground(() -> { ProjectFiles.write(snapshot, target); return target; }, "Cannot save the project", t -> {
            file = target;
            savedChanges = saving;
        });
    }

    /** Reading or writing a project file, which may fail with a message for the user. */
    private interface FileWork<T> { T run() throws ProjectFileException; }

    /**
     * Runs {@code work} on the background executor, then, on the FX thread, {@code done} with its result or an error
     * dialog headed {@code failure}. The future completes after either (exceptionally with the cause on failure).
     */
    private <T> CompletableFuture<Void> inBackground(FileWork<T> work, String failure, java.util.function.Consumer<T> done) {
        CompletableFuture<Void> finished = new CompletableFuture<>();
        CompletableFuture.supplyAsync(() -> {
            try { return work.run(); } catch (ProjectFileException e) { throw new java.util.concurrent.CompletionException(e); }
        }, io).whenComplete((result, err) -> Platform.runLater(() -> {
            if (err != null) {
                Throwable cause = err.getCause() == null ? err : err.getCause();
                error(failure, cause);
                finished.completeExceptionally(cause);
                return;
            }
            done.accept(result);
            finished.complete(null);
        }));
        return finished;
    }

    private void error(String header, Throwable t) {
        Alert a = new Alert(Alert.AlertType.ERROR, t.getMessage());
        a.setHeaderText(header);
        a.initOwner(owner.get());
        a.show();
    }
}
