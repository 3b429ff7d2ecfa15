package org.layerlab.app.ui;

import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.layerlab.app.cli.ImportedProject;
import org.layerlab.compute.export.ExportException;
import org.layerlab.compute.export.ExportOptions;
import org.layerlab.compute.export.ModelFormat;
import org.layerlab.compute.export.ModelImports;
import org.layerlab.compute.project.Project;
import org.layerlab.compute.project.ProjectArchive;
import org.layerlab.compute.project.ProjectBundle;
import org.layerlab.compute.project.ProjectFileException;
import org.layerlab.compute.project.ProjectFiles;
import org.layerlab.compute.project.RunHistory;
import org.layerlab.compute.train.TrainingConfig;
import org.layerlab.compute.project.RunWeights;
import org.layerlab.compute.text.Messages;
import org.layerlab.editor.GraphEditor;
import org.layerlab.samples.SampleProjects;

/**
 * View model of the open project: what was loaded, where it lives, whether it has unsaved changes, the trained
 * weights its runs keep, and the file work (new, open, save, save as, export). File reads and writes run on the
 * background executor; results come back on the FX thread. It asks the user through {@link DocumentDialogs} and
 * builds no controls; the window's {@link FileMenu} calls it. The runs themselves live in the run list: opening
 * hands them over, saving takes them back.
 */
public final class ProjectDocumentModel {
    static final Messages TEXT = Messages.of("org.layerlab.app.i18n.files", ProjectDocumentModel.class);

    /** The run list as the project file sees it. */
    public interface Runs {
        /** Every run with every point, copied on the FX thread. */
        List<RunHistory> snapshot();

        /** Replaces the run list with a project's runs. */
        void replace(List<RunHistory> runs);

        /** Adds runs from other files after the current ones, renumbered to fit; returns how many were added. */
        default int add(List<org.layerlab.compute.project.RunImport.Imported> runs) { return 0; }
    }

    private final ReadOnlyObjectWrapper<Project> project = new ReadOnlyObjectWrapper<>();
    /** The run settings as edited in the Training panel (undoable commands set it); saved with the project. */
    private final ReadOnlyObjectWrapper<TrainingConfig> training = new ReadOnlyObjectWrapper<>();
    /** The lesson as the teacher edited it (undoable commands set it); saved with the project. */
    private final ReadOnlyObjectWrapper<org.layerlab.compute.project.Lesson> lesson = new ReadOnlyObjectWrapper<>();
    /** Entries embedded in the project (lesson images, embedded data), kept from opening to saving (FX thread). */
    private final Map<String, byte[]> entries = new LinkedHashMap<>();
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper unsaved = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final Executor io;
    private final DocumentDialogs dialogs;
    private final RecentFiles recent;
    /** The weights each run keeps, by run id (FX thread). Kept here, not in the charts, which know no networks. */
    private final Map<Integer, RunWeights> weights = new LinkedHashMap<>();
    private Runnable weightsChanged = () -> {};
    /** Changes made (network edits, runs added, ended, renamed, deleted…) and how many of them are saved. */
    private long changes, savedChanges;
    private GraphEditor editor;
    private Supplier<org.layerlab.compute.project.DatasetSpec> dataset;
    private Runs runs = new Runs() {
        @Override public List<RunHistory> snapshot() { return List.of(); }
        @Override public void replace(List<RunHistory> r) {}
    };

    public ProjectDocumentModel(Project initial, Executor io, DocumentDialogs dialogs, RecentFiles recent) {
        project.set(initial);
        training.set(initial.training());
        training.addListener((o, a, b) -> markEdited()); // a settings change (or its undo) is unsaved work
        lesson.set(initial.lesson());
        lesson.addListener((o, a, b) -> markEdited());
        this.io = io;
        this.dialogs = dialogs;
        this.recent = recent;
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

    /** Connects the editor whose graph is the project's: called once by the window. */
    void useEditor(GraphEditor e) { editor = e; }

    /** Called (FX thread) when a run's kept weights change, so the run list can mark it. */
    void onWeightsChanged(Runnable r) { weightsChanged = r; }

    public ReadOnlyObjectProperty<Project> projectProperty() { return project.getReadOnlyProperty(); }
    /** The file the project was opened from or last saved to; null for a new project. */
    public ReadOnlyObjectProperty<Path> fileProperty() { return file.getReadOnlyProperty(); }

    /**
     * The folder the project's relative data file names are resolved against: the project file's, or null (the
     * working folder) while the project has no file.
     */
    public Path dataFolder() {
        Path f = file.get();
        return f == null ? null : f.toAbsolutePath().getParent();
    }
    /** True while there are changes no file holds (the window's title shows a mark). */
    public ReadOnlyBooleanProperty unsavedProperty() { return unsaved.getReadOnlyProperty(); }
    /** The last file event for the status bar ("Saved … at 14:02:11"). */
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    public RecentFiles recentFiles() { return recent; }

    /**
     * The project as loaded, with the editor's current graph and the Data panel's data set; its runs are in the run
     * list (see {@link #useRuns}).
     */
    public Project project() {
        Project p = project.get();
        p = p.withTraining(training.get()).withLesson(lesson.get());
        if (dataset != null) p = p.withDataset(dataset.get());
        return editor == null ? p : p.withGraph(editor.getGraph());
    }

    /** The run settings as edited now. */
    public TrainingConfig training() { return training.get(); }

    public ReadOnlyObjectProperty<TrainingConfig> trainingProperty() { return training.getReadOnlyProperty(); }

    /** Sets the run settings (the Training panel's commands and their undo do this); marks the project unsaved. */
    public void setTraining(TrainingConfig t) { training.set(t); }

    public org.layerlab.compute.project.Lesson lesson() { return lesson.get(); }

    public ReadOnlyObjectProperty<org.layerlab.compute.project.Lesson> lessonProperty() { return lesson.getReadOnlyProperty(); }

    /** Sets the lesson (the lesson panel's commands and their undo do this); marks the project unsaved. */
    public void setLesson(org.layerlab.compute.project.Lesson l) { lesson.set(l); }

    /** An entry embedded in the project ("data/lesson/boundary.png"), if it has one. */
    public java.util.Optional<byte[]> entry(String name) { return java.util.Optional.ofNullable(entries.get(name)); }

    /** Embeds an entry (a lesson image) to be saved with the project; marks the project unsaved. */
    public void putEntry(String name, byte[] bytes) {
        if (!ProjectBundle.isEntryName(name)) throw new IllegalArgumentException("not an entry name: " + name);
        entries.put(name, bytes.clone());
        markEdited();
    }

    /** Connects the data set as the window edits it: called once by the window. */
    void useDataset(Supplier<org.layerlab.compute.project.DatasetSpec> d) { dataset = d; }


    void markEdited() {
        changes++;
        unsaved.set(edited());
    }

    /** True when the network or the run list changed since the project was opened or saved. */
    boolean edited() { return changes != savedChanges; }

    /** Grows with every change; autosave compares it to know whether anything is new. */
    long changeCount() { return changes; }

    /** The project with the editor's graph and every run, as a save writes it (FX thread). */
    Project snapshot() { return project().withRuns(runs.snapshot()); }

    /** The project, its runs and the weights they keep, as a save writes it (FX thread). */
    ProjectBundle snapshotBundle() { return new ProjectBundle(snapshot(), weights, entries); }

    // ---- weights kept by runs

    /** Keeps the weights a run ended with (FX thread); they are saved with the project. */
    void keepWeights(int runId, RunWeights w) {
        weights.put(runId, w);
        markEdited();
        weightsChanged.run();
    }

    public Optional<RunWeights> weightsOf(int runId) { return Optional.ofNullable(weights.get(runId)); }

    /** The runs that keep weights, in run-list order, newest last. */
    public List<RunHistory> runsWithWeights() {
        return runs.snapshot().stream().filter(r -> weights.containsKey(r.id())).toList();
    }

    // ---- opening

    /** Opens work recovered from an autosave: not in any file yet, and unsaved until the user saves it. */
    void recover(ProjectBundle b) {
        show(b, null);
        markEdited();
    }

    /** Opens a project that is not (yet) in a file, e.g. a sample or a copy with other settings. */
    public void open(Project p) { show(ProjectBundle.of(p), null); }

    private void show(ProjectBundle b, Path from) {
        runs.replace(b.project().runs());
        weights.clear();
        weights.putAll(b.weights());
        weightsChanged.run();
        training.set(b.project().training());
        lesson.set(b.project().lesson());
        entries.clear();
        entries.putAll(b.entries());
        file.set(from); // first: the new project's data files are found relative to its folder as soon as it shows
        // In the window, data files have their full names; the file stores them relative to its folder (see write).
        Project shown = from == null ? b.project() : b.project().withDataset(b.project().dataset().withFilesResolvedAgainst(dataFolder()));
        project.set(shown.withRuns(List.of())); // the window shows its graph, which counts as an edit: forget it below
        savedChanges = changes;
        unsaved.set(false);
    }

    /**
     * Before another project replaces this one: when something changed since the last save, asks whether to save
     * it (Save, Don't Save, Cancel). Completes on the FX thread with true when the other project may open.
     */
    CompletableFuture<Boolean> mayReplace() { return askToSave(false); }

    /** As {@link #mayReplace}, before the window closes. */
    CompletableFuture<Boolean> mayClose() { return askToSave(true); }

    private CompletableFuture<Boolean> askToSave(boolean closing) {
        if (!edited()) return CompletableFuture.completedFuture(true);
        DocumentDialogs.Answer a = dialogs.askToSave(project.get().name(), closing);
        if (a == DocumentDialogs.Answer.DONT_SAVE) return CompletableFuture.completedFuture(true);
        if (a != DocumentDialogs.Answer.SAVE) return CompletableFuture.completedFuture(false);
        Path target = file.get() != null ? file.get() : chooseSaveTarget();
        if (target == null) return CompletableFuture.completedFuture(false);
        return write(target).handle((v, err) -> err == null);
    }

    /** File → New: an untitled copy of the default project, after asking about unsaved work. */
    void newProject() {
        mayReplace().thenAccept(ok -> { if (ok) open(defaultProject()); });
    }

    /** File → Open…: asks for a file, after asking about unsaved work. */
    void openChosen() {
        mayReplace().thenAccept(ok -> {
            if (!ok) return;
            Path f = dialogs.chooseOpen(file.get() == null ? null : file.get().getParent());
            if (f != null) open(f);
        });
    }

    /** File → Import runs…: the chosen project files' runs join the run list (see {@link #importRuns(List)}). */
    void importRunsChosen() {
        List<Path> files = dialogs.chooseMany(file.get() == null ? null : file.get().getParent());
        if (!files.isEmpty()) importRuns(files);
    }

    /**
     * Collects a class: reads the runs of {@code files} off the FX thread and adds them to the run list, each named
     * after its file; the status bar says how many came in and names any file that could not be read.
     */
    CompletableFuture<Void> importRuns(List<Path> files) {
        return inBackground(() -> org.layerlab.compute.project.RunImport.read(files), TEXT.get("importRunsFailed"), r -> {
            int added = runs.add(r.runs());
            if (added > 0) markEdited();
            String summary = TEXT.get("importedRuns", added, r.files());
            if (!r.problems().isEmpty()) {
                status.set(summary + " " + TEXT.get("importedProblems", r.problems().size()));
                dialogs.showError(TEXT.get("importRunsSome"), String.join("\n", r.problems()));
            } else {
                status.set(summary);
            }
        });
    }

    /** Opens {@code f} (Open Recent, a dropped file, the command line) after asking about unsaved work. */
    CompletableFuture<Void> openAsking(Path f) {
        return mayReplace().thenCompose(ok -> ok ? open(f) : CompletableFuture.completedFuture(null));
    }

    /** Opens a sample (File → Open Sample) after asking about unsaved work. */
    void openSample(SampleProjects.Sample s) {
        mayReplace().thenAccept(ok -> {
            if (ok) load(() -> ProjectBundle.of(ProjectFiles.parse(s.json(), s.fileName())), null);
        });
    }

    /** Opens a project or model file at once; completes once it is shown, or with the error shown. */
    CompletableFuture<Void> open(Path from) {
        boolean model = ModelImports.forFile(from).isPresent();
        return load(() -> model ? ImportedProject.of(ModelImports.forFile(from).get().read(from), from) : ProjectArchive.read(from),
                model ? null : from).thenRun(() -> recent.add(from));
    }

    private CompletableFuture<Void> load(FileWork<ProjectBundle> loader, Path from) {
        return inBackground(loader, TEXT.get("cannotOpen"), b -> show(b, from));
    }

    // ---- saving

    /** File → Save. */
    void save() {
        if (file.get() == null) saveAs(); else write(file.get());
    }

    /** File → Save As…. */
    void saveAs() {
        Path target = chooseSaveTarget();
        if (target != null) write(target);
    }

    private Path chooseSaveTarget() {
        Path dir = file.get() == null ? null : file.get().getParent();
        return dialogs.chooseSave(dir, project.get().name().replaceAll("[^A-Za-z0-9-_ ]", "") + ProjectFiles.EXTENSION);
    }

    /** Saves to a file (as File → Save As does), runs and weights included; completes once saved, or with the error shown. */
    CompletableFuture<Void> write(Path target) {
        ProjectBundle whole = snapshotBundle();
        // Data files inside the project's folder are stored relative to it, so the folder can be moved or mailed whole.
        ProjectBundle snapshot = whole.withProject(whole.project().withDataset(
                whole.project().dataset().withFilesResolvedAgainst(dataFolder()).withFilesRelativeTo(target.toAbsolutePath().getParent())));
        long saving = changes; // what this save covers; later changes stay unsaved
        return inBackground(() -> { ProjectArchive.write(snapshot, target); return target; }, TEXT.get("cannotSave"), t -> {
            file.set(target);
            savedChanges = saving;
            unsaved.set(edited());
            recent.add(target);
            status.set(TEXT.get("saved", target.getFileName(), LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss"))));
        });
    }

    // ---- export

    /** Writes run {@code runId}'s model (its best checkpoint when it has one) in {@code format}; off the FX thread. */
    CompletableFuture<Void> export(ModelFormat format, int runId, Path target) {
        RunWeights w = weights.get(runId);
        if (w == null) throw new IllegalArgumentException("run " + runId + " keeps no weights");
        Project p = snapshot();
        String runName = p.runs().stream().filter(r -> r.id() == runId).map(RunHistory::name).findFirst().orElse("Run " + runId);
        ExportOptions options = ExportOptions.defaults().withProject(p).withRunName(runName);
        return inBackground(() -> {
            try {
                format.write(w.preferred(), target, options);
            } catch (ExportException e) {
                throw new ProjectFileException(e.getMessage(), e);
            }
            return target;
        }, TEXT.get("cannotExport"), t -> status.set(TEXT.get("exported", runName, format.displayName(), t)));
    }

    /** Reading or writing a file, which may fail with a message for the user. */
    private interface FileWork<T> { T run() throws ProjectFileException; }

    /**
     * Runs {@code work} on the background executor, then, on the FX thread, {@code done} with its result or an error
     * dialog headed {@code failure}. The future completes after either (exceptionally with the cause on failure).
     */
    private <T> CompletableFuture<Void> inBackground(FileWork<T> work, String failure, Consumer<T> done) {
        CompletableFuture<Void> finished = new CompletableFuture<>();
        CompletableFuture.supplyAsync(() -> {
            try { return work.run(); } catch (ProjectFileException e) { throw new CompletionException(e); }
        }, io).whenComplete((result, err) -> Platform.runLater(() -> {
            if (err != null) {
                Throwable cause = err.getCause() == null ? err : err.getCause();
                dialogs.showError(failure, cause.getMessage());
                finished.completeExceptionally(cause);
                return;
            }
            done.accept(result);
            finished.complete(null);
        }));
        return finished;
    }
}
