package org.layerlab.app.ui;

import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.layerlab.app.ui.TrainingSession.Progress;
import org.layerlab.app.ui.TrainingSession.Status;
import org.layerlab.charts.TrainingDashboard;
import org.layerlab.compute.project.Project;
import org.layerlab.compute.project.RunHistory;
import org.layerlab.compute.train.ComputePool;
import org.layerlab.compute.train.RunPreflight;
import org.layerlab.editor.GraphEditor;

/** The main window's content: toolbar, palette, canvas, properties, charts and status bar. */
public final class MainWindow extends BorderPane {
    private final GraphEditor editor = new GraphEditor();
    private javafx.scene.control.Menu viewMenu;
    private final TrainingDashboard charts = new TrainingDashboard();
    private final ProjectDocumentModel document;
    private final TrainingSession session;
    private final ComputePool pool;
    private TabPane sideTabs;
    private TrainingPanel training;
    private final DataSetModel data;
    private final DataLoads dataLoads;
    private DataPanel dataPanel;
    private javafx.stage.Stage dataWindow;
    private CsvImportWizard csvWizard;
    private FilePicker filePicker = FilePicker.SYSTEM;

    private final Runnable quit;
    private StudentMode student;
    private LessonPanel lesson;
    private javafx.beans.binding.BooleanBinding dataLocked;
    private WindowLayout layout;

    public MainWindow(ComputePool pool, ProjectDocumentModel document) { this(pool, document, () -> {}); }

    /** @param quit what File → Quit does (the application closes the window, asking about unsaved work) */
    public MainWindow(ComputePool pool, ProjectDocumentModel document, Runnable quit) {
        this.document = document;
        this.pool = pool;
        this.quit = quit;
        editor.setGraph(document.project().graph());
        data = new DataSetModel(editor, document.project().dataset());
        dataLoads = new DataLoads(pool.executor());
        document.useDataset(data::spec);
        data.specProperty().addListener((o, a, s) -> document.markEdited());
        session = new TrainingSession(pool, () -> document.project().withGraph(editor.getGraph()), charts::newRun);
        session.usePreparedData(dataLoads::preparedFor);
        session.useDataFolder(document::dataFolder);
        session.useProbeSettings(() -> org.layerlab.compute.train.probe.StandardProbes.Settings.DEFAULT.withStatsEvery(charts.statsEvery()));
        editor.graphProperty().addListener((o, a, g) -> document.markEdited());
        // "Cannot train: …" stays only while the edited project still fails the run's checks (an Undo may have fixed it).
        editor.analysisProperty().addListener((o, a, b) -> session.documentChanged());
        document.trainingProperty().addListener((o, a, b) -> session.documentChanged());
        charts.store().addListener(document::markEdited); // a run added, ended, renamed, hidden or deleted
        document.useRuns(new ProjectDocumentModel.Runs() {
            @Override public List<RunHistory> snapshot() { return charts.runHistory(); }
            @Override public void replace(List<RunHistory> runs) { charts.openRuns(runs); }
            @Override public int add(List<org.layerlab.compute.project.RunImport.Imported> runs) { return charts.importRuns(runs); }
        });

        SplitPane centre = new SplitPane(editor.canvas(), charts);
        centre.setOrientation(Orientation.VERTICAL);
        centre.setDividerPositions(0.55);
        // Charts need about this much to show their axes (less on a short window: 1920×1080 at a UI scale of 2 is 960×540,
        // where the canvas needs its share too); the canvas keeps enough for a row of cards, and refits as it resizes.
        charts.minHeightProperty().bind(Bindings.createDoubleBinding(() -> clamp(heightProperty().get() * CHARTS_MIN_SHARE, 170, 300), heightProperty()));
        editor.canvas().minHeightProperty().bind(Bindings.createDoubleBinding(() -> clamp(heightProperty().get() * CANVAS_MIN_SHARE, 120, 240), heightProperty()));
        document.useEditor(editor);
        wireWeights();
        wireStepThroughAndWires();
        student = new StudentMode(document);
        javafx.scene.control.Menu fileMenu = FileMenu.build(document, () -> exportModel(null), quit);
        fileMenu.getItems().stream().filter(i -> "file-export".equals(i.getId()))
                .forEach(i -> i.disableProperty().bind(student.locks(org.layerlab.compute.project.Lesson.Lock.EXPORT)));
        viewMenu = editor.viewMenu(); // each call builds a new menu: keep the one shown, so items added to it stay
        viewMenu.getItems().addAll(new javafx.scene.control.SeparatorMenuItem(), student.menuItem(), Language.menu(RecentFiles.settingsDirectory()));
        javafx.scene.control.MenuBar menus = new javafx.scene.control.MenuBar(fileMenu, editor.editMenu(), viewMenu, helpMenu());
        menus.setUseSystemMenuBar(true);
        editor.trainingSnapshotProperty().bind(session.trainedGraphProperty());
        ToolBar bar = toolBar();
        bar.setId("main-toolbar");
        setTop(new VBox(menus, bar));
        sizeSidePanelsTo(widthProperty());
        applyLessonLocks();
        setCenter(centre);
        // After the top, so the first control to take the focus stays the toolbar's, not the palette's search field.
        layout = new WindowLayout(this, editor.palette(), sidePanel(), centre, editor.canvas(), charts);
        viewMenu.getItems().add(new javafx.scene.control.SeparatorMenuItem());
        viewMenu.getItems().addAll(layout.menuItems());
        fitToolbar(bar);
        collapseWhenNarrow();
        getStyleClass().addListener((javafx.collections.ListChangeListener<String>) c -> presentingChanged());
        presentingChanged();
        setBottom(statusBar());
        // The cards show what the data says about the network (an Output head that does not match the labels).
        editor.graphProperty().addListener((o, a, g) -> updateCardIssues());
        document.trainingProperty().addListener((o, a, t) -> updateCardIssues());
        data.specProperty().addListener((o, a, spec) -> describeData(spec));
        describeData(data.spec());
        // Saved in another folder: relative data file names now resolve against it. Later, so that a project being
        // opened (its file is set first) is described once, with its own data set.
        document.fileProperty().addListener((o, a, f) -> javafx.application.Platform.runLater(() -> {
            if (!java.util.Objects.equals(document.dataFolder(), describedFolder)) describeData(data.spec());
        }));
        editor.setNewLayerParams((type, defaults) -> OutputCheck.newHeadParams(type, defaults, described));
        document.projectProperty().addListener((o, a, p) -> {
            session.projectReplaced();
            data.open(p.dataset());
            editor.setGraph(p.graph());
        });
    }

    /**
     * The Data panel, in a window of its own beside the main one (opened by the toolbar's "Data: …" button), so the
     * preview can be large and stay open while the network trains. Made on first use.
     */
    public void openDataPanel() {
        if (dataWindow == null) {
            dataPanel = new DataPanel(data, dataLoads, document::dataFolder, this::pickFile);
            dataPanel.setCsvImport(this::openCsvWizard);
            var st = session.statusProperty();
            dataPanel.showNextRunNoteWhile(st.isEqualTo(Status.RUNNING).or(st.isEqualTo(Status.PAUSED)));
            dataWindow = new javafx.stage.Stage();
            dataWindow.initOwner(getScene().getWindow());
            javafx.scene.Scene scene = new javafx.scene.Scene(dataPanel, 1060, 680);
            scene.getStylesheets().setAll(getScene().getStylesheets());
            dataWindow.setScene(scene);
            dataWindow.titleProperty().bind(Bindings.createStringBinding(
                    () -> DATA_TEXT.get("window.title", document.projectProperty().get().name()), document.projectProperty()));
        }
        dataWindow.show();
        dataWindow.toFront();
    }

    /**
     * The CSV import wizard over the Data panel, starting from the current CSV settings when a CSV file is the data
     * set; Import makes the CSV file the data set as one undoable step.
     */
    void openCsvWizard() {
        var initial = DataPanel.CSV.equals(data.spec().source()) ? data.spec().params() : null;
        javafx.stage.Stage stage = new javafx.stage.Stage();
        stage.initOwner(dataWindow);
        stage.initModality(javafx.stage.Modality.WINDOW_MODAL);
        java.nio.file.Path folder = document.dataFolder();
        csvWizard = new CsvImportWizard(dataLoads.executor(), folder, initial, this::pickFile, params -> {
            String file = java.nio.file.Path.of(params.getString("file")).getFileName().toString();
            data.change(DATA_TEXT.get("edit.importCsv", file), data.spec().withSource(DataPanel.CSV, withFileNamedFor(params, folder)));
        }, stage::close);
        javafx.scene.Scene scene = new javafx.scene.Scene(csvWizard, 1180, 720);
        scene.getStylesheets().setAll(getScene().getStylesheets());
        stage.setScene(scene);
        stage.setTitle(DATA_TEXT.get("csv.window"));
        stage.show();
    }

    /** The wizard's settings with the CSV file's full name (saving stores it relative to the project's folder when inside it). */
    private static org.layerlab.compute.catalog.Params withFileNamedFor(org.layerlab.compute.catalog.Params params, java.nio.file.Path folder) {
        try {
            return params.with("file", org.layerlab.compute.data.DataContext.of(folder).resolve(params.getString("file")).toAbsolutePath().toString());
        } catch (org.layerlab.compute.catalog.InvalidParamException | java.nio.file.InvalidPathException e) {
            return params;
        }
    }

    /** Asks for a data file or folder with the picker in use (the system's dialogs unless a test set another). */
    private java.nio.file.Path pickFile(javafx.stage.Window owner, boolean folder, String title, List<FilePicker.Filter> filters) {
        return filePicker.choose(owner, folder, title, filters);
    }

    /** Makes the Data panel and the CSV wizard ask {@code picker} for files (tests give a fixed answer). */
    void useFilePicker(FilePicker picker) { filePicker = java.util.Objects.requireNonNull(picker); }

    /** The CSV wizard last opened, else null (tests). */
    CsvImportWizard csvWizard() { return csvWizard; }

    /** The Data panel once opened, else null (tests). */
    DataPanel dataPanel() { return dataPanel; }

    /** The Data panel's window once opened, else null. */
    javafx.stage.Stage dataWindow() { return dataWindow; }

    DataSetModel data() { return data; }

    private static final org.layerlab.compute.text.Messages DATA_TEXT =
            org.layerlab.compute.text.Messages.of("org.layerlab.app.i18n.datapanel", MainWindow.class);

    /**
     * Runs keep their weights in the document; the run list marks them and offers what they make possible without
     * training again: continue training, evaluate, export.
     */
    private void wireWeights() {
        session.onWeightsKept(document::keepWeights);
        document.onWeightsChanged(() -> charts.store().fire());
        charts.store().setWeightsMarker(id -> document.weightsOf(id).isPresent());
        var t = ProjectDocumentModel.TEXT;
        java.util.function.IntPredicate kept = id -> document.weightsOf(id).isPresent();
        charts.store().setActions(List.of(
                new org.layerlab.charts.model.RunStore.RunAction(t.get("runContinue"), kept, this::continueFrom),
                new org.layerlab.charts.model.RunStore.RunAction(t.get("runEvaluate"), kept, this::evaluate),
                new org.layerlab.charts.model.RunStore.RunAction(t.get("runExport"), kept, id -> exportModel(id)),
                new org.layerlab.charts.model.RunStore.RunAction(TrainingSession.BRANCH_TEXT.get("action"),
                        id -> !session.branchPoints(id).isEmpty(), this::branch)));
        // On a curve: branch from the kept checkpoint at or before the point picked.
        charts.store().setPointActions(List.of(new org.layerlab.charts.model.RunStore.PointAction(
                (run, step) -> {
                    var p = branchPointAt(run.id(), step);
                    return TrainingSession.BRANCH_TEXT.get("pointAction", run.name(), p.epoch(), p.step());
                },
                (run, step) -> branchPointAt(run.id(), step) != null,
                (run, step) -> session.branchFrom(run.id(), run.name(), branchPointAt(run.id(), step).epoch()))));
    }

    /** The kept checkpoint of run {@code id} at or before {@code step} (the first one when all are later), or null. */
    private TrainingSession.BranchPoint branchPointAt(int id, long step) {
        var points = session.branchPoints(id);
        TrainingSession.BranchPoint at = null;
        for (var p : points) if (at == null || p.step() <= step) at = p; // oldest first
        return at;
    }

    /**
     * Step shows its batch in the step-through panel; the weights-on-wires view may set a weight while the run is paused:
     * one undoable edit ("Set weight Hidden 1 [3→2] to 0.25") that the trainer applies on its own thread.
     */
    private void wireStepThroughAndWires() {
        charts.stepThrough().setSampleSource(session.sampleSource()); // any training sample, not only the batch's
        session.traceProperty().addListener((o, a, t) -> charts.stepThrough().show(t));
        var wires = charts.wires();
        wires.editableProperty().bind(session.statusProperty().isEqualTo(Status.PAUSED));
        wires.setOnEdit((wire, value) -> {
            var t = session.trainer();
            if (t == null || t.state() != org.layerlab.compute.train.Trainer.State.PAUSED || wire.runId() != session.currentRunId()) {
                wires.showProblem(org.layerlab.charts.inside.WiresView.TEXT.get("wires.pausedOnly"));
                return;
            }
            String label = org.layerlab.charts.inside.WiresView.TEXT.get("wires.edit", wire.layerName(), wire.from() + 1, wire.to() + 1,
                    org.layerlab.charts.inside.WiresView.number(value).replaceFirst("(\\.\\d*?)0+$", "$1").replaceFirst("\\.$", ""));
            editor.execute(new WeightEdit(label, session, t, wire.key(), wire.index(), value));
        });
    }

    /**
     * Asks which epoch of run {@code id} to branch from (its kept checkpoints), then branches it with the run settings
     * as they are now.
     */
    public void branch(int id) {
        var run = charts.store().find(id);
        String name = run == null ? TEXT.get("runFallback", String.valueOf(id)) : run.name();
        var points = session.branchPoints(id);
        var text = TrainingSession.BRANCH_TEXT;
        if (points.isEmpty()) {
            session.messageFor(text.get("noneToBranch", name));
            return;
        }
        java.util.Map<String, Integer> byLabel = new java.util.LinkedHashMap<>();
        for (var p : points) byLabel.put(text.get("pickEpoch", p.epoch(), p.step(), String.format(Locale.ROOT, "%.4f", p.loss())), p.epoch());
        var labels = new java.util.ArrayList<>(byLabel.keySet());
        var dialog = new javafx.scene.control.ChoiceDialog<>(labels.get(labels.size() - 1), labels);
        dialog.setTitle(text.get("pickTitle", name));
        dialog.setHeaderText(text.get("pickHeader", name));
        dialog.initOwner(getScene() == null ? null : getScene().getWindow());
        dialog.getDialogPane().getStylesheets().addAll(getScene().getStylesheets());
        dialog.showAndWait().ifPresent(label -> session.branchFrom(id, name, byLabel.get(label)));
    }

    /** Starts a new run from the weights run {@code id} kept. */
    public void continueFrom(int id) {
        document.weightsOf(id).ifPresent(w -> {
            var run = charts.store().find(id);
            var loss = run == null ? null : run.find("batch/loss");
            Long fork = loss == null || loss.size() == 0 ? null : loss.steps()[loss.size() - 1];
            session.continueFrom(id, fork, w.last());
        });
    }

    /** Measures the weights run {@code id} kept on the project's data. */
    public void evaluate(int id) {
        var run = charts.store().find(id);
        document.weightsOf(id).ifPresent(w -> session.evaluate(run == null ? TEXT.get("runFallback", String.valueOf(id)) : run.name(), w.preferred()));
    }

    /** File → Export model…: the dialog, then the export off the FX thread; {@code runId} preselects a run. */
    public void exportModel(Integer runId) {
        if (student.locks(org.layerlab.compute.project.Lesson.Lock.EXPORT).get()) return; // the lesson keeps the model in LayerLab
        var runs = document.runsWithWeights();
        if (runs.isEmpty()) {
            var a = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.INFORMATION, ProjectDocumentModel.TEXT.get("exportTrainFirst"));
            a.setHeaderText(ProjectDocumentModel.TEXT.get("exportNothing"));
            a.initOwner(getScene() == null ? null : getScene().getWindow());
            a.show();
            return;
        }
        java.nio.file.Path file = document.fileProperty().get();
        String base = document.project().name().replaceAll("[^A-Za-z0-9-_ ]", "").strip().replace(' ', '-');
        ExportDialog d = new ExportDialog(getScene().getWindow(), runs, runId, file == null ? null : file.toAbsolutePath().getParent(),
                base.isEmpty() ? "model" : base);
        d.getDialogPane().getStylesheets().addAll(getScene().getStylesheets());
        ExportDialog.Choice c = d.ask();
        if (c != null) document.export(c.format(), c.run().id(), c.target());
    }

    /**
     * Side panels take a share of the window, within limits: full width (every palette name, a roomy summary)
     * on a large window, and more room for the canvas on a small one or a projector at 1280×800.
     */
    private void sizeSidePanelsTo(javafx.beans.value.ObservableDoubleValue width) {
        editor.palette().prefWidthProperty().bind(Bindings.createDoubleBinding(
                () -> clamp(width.get() * 0.17, 200, 250), width));
        sidePanel().prefWidthProperty().bind(Bindings.createDoubleBinding(
                () -> clamp(width.get() * 0.23, 300, 340), width));
    }

    /** The least shares of the window's height the charts and the canvas keep, whatever the divider says. */
    static final double CHARTS_MIN_SHARE = 0.4, CANVAS_MIN_SHARE = 0.3;

    /**
     * A window opening narrower than this starts with the side panel collapsed: 1920×1080 at a UI scale of 2 is 960
     * wide, and the two panels would take half of it.
     */
    static final double COLLAPSED = 1000;

    /**
     * A window that opens narrow (below {@link #COLLAPSED}) starts with the side panel collapsed, so the canvas and
     * the charts keep most of it; the toolbar's toggle (or selecting View → Show Properties…) brings it back.
     */
    private void collapseWhenNarrow() {
        widthProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override public void changed(javafx.beans.value.ObservableValue<? extends Number> o, Number a, Number w) {
                if (w.doubleValue() <= 0) return;
                widthProperty().removeListener(this);
                if (w.doubleValue() < COLLAPSED) layout.sidePanelShownProperty().set(false);
            }
        });
    }

    private static double clamp(double v, double min, double max) { return Math.max(min, Math.min(max, v)); }

    /** The data the cards are checked against, described off the FX thread; null until known. */
    private RunPreflight.DataDescription described;
    private Object describing;
    /** The folder relative data file names were resolved against for the last description. */
    private java.nio.file.Path describedFolder;

    /** Describes the project's data set on the compute pool (a large set takes a while), then re-checks the cards. */
    private void describeData(org.layerlab.compute.project.DatasetSpec spec) {
        describing = spec;
        described = null;
        updateCardIssues();
        // The training part of the split, as the run's own checks see it.
        java.nio.file.Path folder = document.dataFolder();
        describedFolder = folder;
        java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    try {
                        return RunPreflight.DataDescription.of(spec.prepare(org.layerlab.compute.data.DataContext.of(folder)).splits().train());
                    } catch (org.layerlab.compute.data.DataException e) {
                        throw new java.util.concurrent.CompletionException(e);
                    }
                }, pool.executor())
                .whenComplete((d, err) -> javafx.application.Platform.runLater(() -> {
                    if (describing != spec || err != null) return; // another data set since, or it cannot load (Train says why)
                    described = d;
                    data.followDescription(spec, d);
                    updateCardIssues();
                }));
    }

    private void updateCardIssues() {
        var issues = described == null ? java.util.Map.<String, org.layerlab.editor.CardIssue>of()
                : OutputCheck.issues(editor.getGraph(), described, document.training());
        if (!issues.equals(editor.cardIssues())) {
            editor.cardIssues().clear();
            editor.cardIssues().putAll(issues);
        }
    }

    /**
     * Student mode hides or locks what the lesson says: the palette, the layer properties, the Training tab, the Data
     * panel and exporting. A project with a lesson opens on its Lesson tab.
     */
    private void applyLessonLocks() {
        var palette = student.locks(org.layerlab.compute.project.Lesson.Lock.PALETTE);
        editor.palette().visibleProperty().bind(palette.not());
        editor.palette().managedProperty().bind(palette.not());
        editor.inspector().disableProperty().bind(student.locks(org.layerlab.compute.project.Lesson.Lock.PROPERTIES));
        sideTabs.getTabs().stream().filter(t -> "training-tab".equals(t.getId()))
                .forEach(t -> t.disableProperty().bind(student.locks(org.layerlab.compute.project.Lesson.Lock.TRAINING)));
        dataLocked = student.locks(org.layerlab.compute.project.Lesson.Lock.DATA); // kept: a binding only listened to may be collected
        dataLocked.addListener((o, a, locked) -> {
            if (locked && dataWindow != null) dataWindow.hide();
        });
        Runnable showLesson = () -> {
            if (!document.lesson().isEmpty()) sideTabs.getSelectionModel().select(0);
            else if (sideTabs.getSelectionModel().getSelectedIndex() == 0) sideTabs.getSelectionModel().select(1);
        };
        document.projectProperty().addListener((o, a, p) -> showLesson.run());
        showLesson.run();
    }

    private HelpWindow help;

    /** Help → LayerLab Help (F1, on the selected layer's page) and Help → About LayerLab. */
    private javafx.scene.control.Menu helpMenu() {
        var t = HelpWindow.TEXT;
        javafx.scene.control.MenuItem helpItem = new javafx.scene.control.MenuItem(t.get("menuHelp"));
        helpItem.setId("help-open");
        helpItem.setAccelerator(javafx.scene.input.KeyCombination.keyCombination("F1"));
        helpItem.setOnAction(e -> openHelp());
        javafx.scene.control.MenuItem about = new javafx.scene.control.MenuItem(t.get("menuAbout"));
        about.setId("help-about");
        about.setOnAction(e -> showAbout());
        javafx.scene.control.Menu menu = new javafx.scene.control.Menu(t.get("menu"), null, helpItem, about);
        menu.setId("help-menu");
        return menu;
    }

    /** Opens the Help panel on the selected layer's page, if a layer is selected. */
    public void openHelp() {
        if (help == null) help = new HelpWindow(getScene().getWindow(), getScene().getStylesheets());
        String selected = editor.selectedNodeProperty().get();
        var node = selected == null ? null : editor.getGraph().find(selected).orElse(null);
        help.show(node == null ? null : "layer/" + node.type());
    }

    HelpWindow helpWindow() { return help; }

    private void showAbout() {
        var t = HelpWindow.TEXT;
        var a = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.INFORMATION);
        a.setTitle(t.get("aboutTitle"));
        a.setHeaderText(t.get("aboutHeader", org.layerlab.compute.export.LayerLabVersion.get()));
        a.setContentText(t.get("aboutText", System.getProperty("java.version"), System.getProperty("javafx.runtime.version", "?")));
        javafx.scene.control.TextArea licences = new javafx.scene.control.TextArea(t.get("aboutLicences"));
        licences.setEditable(false);
        licences.setWrapText(true);
        licences.setPrefRowCount(14);
        a.getDialogPane().setExpandableContent(licences);
        a.getDialogPane().setExpanded(true);
        a.getDialogPane().getStylesheets().addAll(getScene().getStylesheets());
        a.initOwner(getScene().getWindow());
        a.show();
    }

    /** Student mode's switch (View → Student mode). */
    public javafx.beans.property.BooleanProperty studentMode() { return student.property(); }

    public LessonPanel lessonPanel() { sidePanel(); return lesson; }

    /** The right-hand side: the lesson, the selected layer's Properties (with the model summary) and the Training settings, as tabs. */
    private TabPane sidePanel() {
        if (sideTabs == null) {
            training = new TrainingPanel(document, editor, session);
            lesson = new LessonPanel(document, editor, student.property(), pool.executor());
            lesson.setImageChooser(this::chooseLessonImage);
            Tab lessonTab = new Tab(LessonPanel.TEXT.get("tab"), lesson);
            lessonTab.setId("lesson-tab");
            Tab properties = new Tab(TrainingSession.TEXT.get("tab.properties"), editor.inspector());
            properties.setId("properties-tab");
            Tab settings = new Tab(TrainingSession.TEXT.get("tab.training"), training);
            settings.setId("training-tab");
            sideTabs = new TabPane(lessonTab, properties, settings, insideTab());
            sideTabs.setId("side-tabs");
            sideTabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
            sideTabs.getStyleClass().add("side-tabs");
        }
        return sideTabs;
    }

    private java.nio.file.Path chooseLessonImage() {
        javafx.stage.FileChooser c = new javafx.stage.FileChooser();
        c.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter(LessonPanel.TEXT.get("imageFiles"), "*.png", "*.jpg", "*.jpeg", "*.gif"));
        java.io.File f = c.showOpenDialog(getScene() == null ? null : getScene().getWindow());
        return f == null ? null : f.toPath();
    }

    /**
     * "See inside": the decision view over the plane and the per-neuron maps, beside the canvas so they stay in view
     * while the charts below show the curves. A run that starts on a 2-D data set brings the tab to the front.
     */
    private Tab insideTab() {
        javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(10, charts.decision(), charts.neuronMaps());
        box.getStyleClass().add("inside-panel");
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("inside-scroll");
        Tab inside = new Tab(INSIDE_TEXT.get("tab.inside"), scroll);
        inside.setId("inside-tab");
        session.statusProperty().addListener((o, was, now) -> {
            boolean started = now == Status.RUNNING && (was == Status.IDLE || was == Status.FINISHED);
            var t = session.trainer();
            // A student reading the lesson keeps it in front; otherwise the first run shows what the network draws.
            boolean reading = student.property().get() && "lesson-tab".equals(sideTabs.getSelectionModel().getSelectedItem().getId());
            if (started && !reading && t != null && org.layerlab.compute.train.probe.PlaneGrid.applies(t.network().inputShape())) {
                sideTabs.getSelectionModel().select(inside);
            }
        });
        return inside;
    }

    private static final org.layerlab.compute.text.Messages INSIDE_TEXT =
            org.layerlab.compute.text.Messages.of("org.layerlab.charts.i18n.inside", TrainingDashboard.class);

    public TrainingPanel trainingPanel() { sidePanel(); return training; }
    /** Which parts of the window show. */
    WindowLayout windowLayout() { return layout; }
    public TabPane sideTabs() { return sidePanel(); }

    public GraphEditor editor() { return editor; }
    /** The View menu shown in the menu bar (the application adds its Theme and Presentation mode items). */
    public javafx.scene.control.Menu viewMenu() { return viewMenu; }
    public TrainingDashboard charts() { return charts; }
    public TrainingSession session() { return session; }
    public ProjectDocumentModel document() { return document; }

    private ToolBar toolBar() {
        Button train = button("train-button", TEXT.get("toolbar.train"), "mdi2p-play", TEXT.get("toolbar.trainTip"));
        Button pause = button("pause-button", TEXT.get("toolbar.pause"), "mdi2p-pause", TEXT.get("toolbar.pauseTip"));
        Button step = button("step-button", TEXT.get("toolbar.step"), "mdi2s-skip-next", TEXT.get("toolbar.stepTip"));
        Button stop = button("stop-button", TEXT.get("toolbar.stop"), "mdi2s-stop", TEXT.get("toolbar.stopTip"));
        Button reset = button("reset-button", TEXT.get("toolbar.reset"), "mdi2r-restore", TEXT.get("toolbar.resetTip"));
        // How much fits follows the window's width in em (ToolbarFit): on a narrow one the buttons show only their icons.
        em = Bindings.createDoubleBinding(() -> train.getFont().getSize(), train.fontProperty());
        fit = Bindings.createObjectBinding(() -> ToolbarFit.of(getWidth(), em.get()), widthProperty(), em);
        for (Button b : List.of(train, pause, step, stop, reset)) {
            b.contentDisplayProperty().bind(Bindings.when(fit.isEqualTo(ToolbarFit.ICONS)).then(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY)
                    .otherwise(javafx.scene.control.ContentDisplay.LEFT));
        }
        train.setOnAction(e -> session.train());
        pause.setOnAction(e -> session.pause());
        step.setOnAction(e -> session.step());
        stop.setOnAction(e -> session.stop());
        reset.setOnAction(e -> session.reset());
        var st = session.statusProperty();
        train.disableProperty().bind(st.isEqualTo(Status.RUNNING));
        pause.disableProperty().bind(st.isNotEqualTo(Status.RUNNING));
        stop.disableProperty().bind(st.isNotEqualTo(Status.RUNNING).and(st.isNotEqualTo(Status.PAUSED)));

        Label stale = new Label(TEXT.get("toolbar.stale"));
        stale.setId("stale-model-label");
        stale.getStyleClass().add("stale-label");
        stale.visibleProperty().bind(editor.canvasDiffersFromTraining());
        stale.managedProperty().bind(stale.visibleProperty());
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        Button title = new Button();
        title.setId("data-button");
        // Short ("Data", the name in the tooltip) when the toolbar has no room for the data set's name.
        title.textProperty().bind(Bindings.createStringBinding(() -> fit.get() == ToolbarFit.FULL
                        ? DATA_TEXT.get("toolbar.data", DataSetModel.title(data.spec())) : COMPACT_TEXT.get("dataShort"),
                data.specProperty(), Language.current(), fit));
        title.getStyleClass().addAll("project-title", "data-link");
        title.setGraphic(new FontIcon("mdi2d-database-edit"));
        Tooltip dataTip = new Tooltip();
        dataTip.textProperty().bind(Bindings.createStringBinding(() -> fit.get() == ToolbarFit.FULL ? DATA_TEXT.get("toolbar.dataTip")
                        : COMPACT_TEXT.get("dataShortTip", DataSetModel.title(data.spec())), data.specProperty(), Language.current(), fit));
        title.setTooltip(dataTip);
        title.setOnAction(e -> openDataPanel());
        title.disableProperty().bind(student.locks(org.layerlab.compute.project.Lesson.Lock.DATA));
        return new ToolBar(train, pause, step, stop, new Separator(Orientation.VERTICAL), reset, new Separator(Orientation.VERTICAL),
                new PaceControl(session.pace()), stale, spring, title);
    }

    /** The toolbar's type size and how much of it fits the window's width (see {@link ToolbarFit}). */
    private javafx.beans.binding.DoubleBinding em;
    private javafx.beans.binding.ObjectBinding<ToolbarFit> fit;

    private static final org.layerlab.compute.text.Messages COMPACT_TEXT =
            org.layerlab.compute.text.Messages.of("org.layerlab.app.i18n.compact", MainWindow.class);

    /** How much of the toolbar fits now (tests). */
    ToolbarFit toolbarFit() { return fit.get(); }

    /**
     * The layout toggles at the toolbar's end while everything fits, else one Panels menu in their place, so the
     * training controls and the speed never go behind the toolbar's overflow button.
     */
    private void fitToolbar(ToolBar bar) {
        Separator gap = new Separator(Orientation.VERTICAL);
        List<javafx.scene.control.ToggleButton> toggles = layout.toggles();
        javafx.scene.control.MenuButton panels = layout.panelsMenu();
        Runnable place = () -> {
            bar.getItems().removeAll(gap, panels);
            bar.getItems().removeAll(toggles);
            bar.getItems().add(gap);
            if (fit.get() == ToolbarFit.FULL) bar.getItems().addAll(toggles);
            else bar.getItems().add(panels);
        };
        fit.addListener((o, a, b) -> place.run());
        place.run();
    }

    /** Presentation mode (the style class Appearance puts on this root) collapses the palette, and leaving it restores it. */
    private void presentingChanged() {
        boolean on = getStyleClass().contains(Appearance.PRESENTATION);
        layout.presenting(on);
    }

    private static Button button(String id, String text, String icon, String tip) {
        Button b = new Button(text, new FontIcon(icon));
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        return b;
    }

    private HBox statusBar() {
        Label message = statusLabel("status-message", 0);
        message.textProperty().bind(session.messageProperty());
        Label fileStatus = statusLabel("status-file", 0);
        fileStatus.textProperty().bind(document.statusProperty());
        fileStatus.getStyleClass().add("status-file");
        HBox.setHgrow(message, Priority.ALWAYS);
        message.setMaxWidth(Double.MAX_VALUE);
        Label epoch = statusLabel("status-epoch", 130), step = statusLabel("status-step", 110),
                loss = statusLabel("status-loss", 120), acc = statusLabel("status-accuracy", 190),
                speed = statusLabel("status-speed", 150);
        NumberFormat ints = NumberFormat.getIntegerInstance(Locale.ROOT);
        session.progressProperty().addListener((o, a, p) -> show(p, epoch, step, loss, acc, speed, ints));
        show(session.progressProperty().get(), epoch, step, loss, acc, speed, ints);
        HBox bar = new HBox(16, message, fileStatus, epoch, step, loss, acc, speed);
        bar.setId("status-bar");
        // The message is bound to the session's, so a switch of language redoes it there (the rest is relabelled in place).
        bar.getProperties().put(org.layerlab.editor.PaletteView.RELABEL, (Runnable) session::relabelMessage);
        bar.getStyleClass().add("status-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 10, 4, 10));
        return bar;
    }

    private static void show(Progress p, Label epoch, Label step, Label loss, Label acc, Label speed, NumberFormat ints) {
        epoch.setText(p.epochs() == 0 ? TEXT.get("status.noEpoch") : TEXT.get("status.epoch", String.valueOf(p.epoch()), String.valueOf(p.epochs())));
        step.setText(TEXT.get("status.step", ints.format(p.step())));
        loss.setText(TEXT.get("status.loss", Double.isNaN(p.loss()) ? "–" : String.format(Locale.ROOT, "%.4f", p.loss())));
        acc.setText(p.regression()
                ? REGRESSION.get("status.regression", fixed(p.rmse(), 4), fixed(p.r2(), 3))
                : REGRESSION.get("status.accuracy", Double.isNaN(p.accuracy()) ? "–" : String.format(Locale.ROOT, "%.1f %%", 100 * p.accuracy())));
        speed.setText(TEXT.get("status.speed", Double.isNaN(p.samplesPerSecond()) ? "–" : ints.format(Math.round(p.samplesPerSecond()))));
    }

    /** The main window's own texts: toolbar and status bar. */
    private static final org.layerlab.compute.text.Messages TEXT =
            org.layerlab.compute.text.Messages.of("org.layerlab.app.i18n.mainwindow", MainWindow.class);

    private static final org.layerlab.compute.text.Messages REGRESSION =
            org.layerlab.compute.text.Messages.of("org.layerlab.app.i18n.regression", MainWindow.class);

    private static String fixed(double v, int decimals) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    private static Label statusLabel(String id, double minWidth) {
        Label l = new Label();
        l.setId(id);
        l.setMinWidth(minWidth);
        return l;
    }
}
