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

    private final Runnable quit;
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
        editor.graphProperty().addListener((o, a, g) -> document.markEdited());
        // "Cannot train: …" stays only while the edited project still fails the run's checks (an Undo may have fixed it).
        editor.analysisProperty().addListener((o, a, b) -> session.documentChanged());
        document.trainingProperty().addListener((o, a, b) -> session.documentChanged());
        charts.store().addListener(document::markEdited); // a run added, ended, renamed, hidden or deleted
        document.useRuns(new ProjectDocumentModel.Runs() {
            @Override public List<RunHistory> snapshot() { return charts.runHistory(); }
            @Override public void replace(List<RunHistory> runs) { charts.openRuns(runs); }
        });

        SplitPane centre = new SplitPane(editor.canvas(), charts);
        centre.setOrientation(Orientation.VERTICAL);
        centre.setDividerPositions(0.55);
        // Charts need about this much to show their axes and the run list's options (less on a short window, where
        // the canvas needs its share too); the canvas zooms to fit.
        charts.minHeightProperty().bind(Bindings.createDoubleBinding(() -> clamp(heightProperty().get() * 0.5, 200, 300), heightProperty()));
        document.useEditor(editor);
        wireWeights();
        javafx.scene.control.Menu view = editor.viewMenu();
        javafx.scene.control.MenuBar menus = new javafx.scene.control.MenuBar(
                FileMenu.build(document, () -> exportModel(null), quit), editor.editMenu(), view);
        menus.setUseSystemMenuBar(true);
        editor.trainingSnapshotProperty().bind(session.trainedGraphProperty());
        ToolBar bar = toolBar();
        setTop(new VBox(menus, bar));
        sizeSidePanelsTo(widthProperty());
        setCenter(centre);
        // After the top, so the first control to take the focus stays the toolbar's, not the palette's search field.
        layout = new WindowLayout(this, editor.palette(), sidePanel(), centre, editor.canvas(), charts);
        view.getItems().add(new javafx.scene.control.SeparatorMenuItem());
        view.getItems().addAll(layout.menuItems());
        bar.getItems().add(new Separator(Orientation.VERTICAL));
        bar.getItems().addAll(layout.toggles());
        collapseWhenNarrow();
        setBottom(statusBar());
        // The cards show what the data says about the network (an Output head that does not match the labels).
        editor.graphProperty().addListener((o, a, g) -> updateCardIssues());
        document.trainingProperty().addListener((o, a, t) -> updateCardIssues());
        data.specProperty().addListener((o, a, spec) -> describeData(spec));
        describeData(data.spec());
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
            dataPanel = new DataPanel(data, dataLoads, () -> null);
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
        csvWizard = new CsvImportWizard(dataLoads.executor(), null, initial, params -> {
            String file = java.nio.file.Path.of(params.getString("file")).getFileName().toString();
            data.change(DATA_TEXT.get("edit.importCsv", file), data.spec().withSource(DataPanel.CSV, params));
        }, stage::close);
        javafx.scene.Scene scene = new javafx.scene.Scene(csvWizard, 1180, 720);
        scene.getStylesheets().setAll(getScene().getStylesheets());
        stage.setScene(scene);
        stage.setTitle(DATA_TEXT.get("csv.window"));
        stage.show();
    }

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
                new org.layerlab.charts.model.RunStore.RunAction(t.get("runExport"), kept, id -> exportModel(id))));
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
        document.weightsOf(id).ifPresent(w -> session.evaluate(run == null ? "Run " + id : run.name(), w.preferred()));
    }

    /** File → Export model…: the dialog, then the export off the FX thread; {@code runId} preselects a run. */
    public void exportModel(Integer runId) {
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

    /** Below this width (in layout pixels) the toolbar shows icons only. */
    static final double NARROW = 1100;
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

    /** Describes the project's data set on the compute pool (a large set takes a while), then re-checks the cards. */
    private void describeData(org.layerlab.compute.project.DatasetSpec spec) {
        describing = spec;
        described = null;
        updateCardIssues();
        // The training part of the split, as the run's own checks see it.
        java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    try {
                        return RunPreflight.DataDescription.of(spec.prepare(org.layerlab.compute.data.DataContext.of(null)).splits().train());
                    } catch (org.layerlab.compute.data.DataException e) {
                        throw new java.util.concurrent.CompletionException(e);
                    }
                }, pool.executor())
                .whenComplete((d, err) -> javafx.application.Platform.runLater(() -> {
                    if (describing != spec || err != null) return; // another data set since, or it cannot load (Train says why)
                    described = d;
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

    /** The right-hand side: the selected layer's Properties (with the model summary) and the Training settings, as tabs. */
    private TabPane sidePanel() {
        if (sideTabs == null) {
            training = new TrainingPanel(document, editor, session);
            Tab properties = new Tab(TrainingSession.TEXT.get("tab.properties"), editor.inspector());
            properties.setId("properties-tab");
            Tab settings = new Tab(TrainingSession.TEXT.get("tab.training"), training);
            settings.setId("training-tab");
            sideTabs = new TabPane(properties, settings);
            sideTabs.setId("side-tabs");
            sideTabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
            sideTabs.getStyleClass().add("side-tabs");
        }
        return sideTabs;
    }

    public TrainingPanel trainingPanel() { sidePanel(); return training; }
    /** Which parts of the window show. */
    WindowLayout windowLayout() { return layout; }
    public TabPane sideTabs() { return sidePanel(); }

    public GraphEditor editor() { return editor; }
    public TrainingDashboard charts() { return charts; }
    public TrainingSession session() { return session; }
    public ProjectDocumentModel document() { return document; }

    private ToolBar toolBar() {
        Button train = button("train-button", "Train", "mdi2p-play", "Start training, or continue a paused run");
        Button pause = button("pause-button", "Pause", "mdi2p-pause", "Pause after the current batch");
        Button step = button("step-button", "Step", "mdi2s-skip-next", "Train exactly one batch, then pause");
        Button stop = button("stop-button", "Stop", "mdi2s-stop", "End the run; the trained weights are kept");
        Button reset = button("reset-button", "Reset", "mdi2r-restore", "The next run starts from fresh weights; earlier runs stay in the run list");
        // On a narrow window (1280×720 at a UI scale of 1.5 or 2) the buttons show only their icons; tooltips name them.
        var narrow = widthProperty().lessThan(NARROW);
        for (Button b : List.of(train, pause, step, stop, reset)) {
            b.contentDisplayProperty().bind(Bindings.when(narrow).then(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY)
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

        Label stale = new Label("Canvas edited — changes apply to the next run");
        stale.setId("stale-model-label");
        stale.getStyleClass().add("stale-label");
        stale.visibleProperty().bind(editor.canvasDiffersFromTraining());
        stale.managedProperty().bind(stale.visibleProperty());
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        Button title = new Button();
        title.setId("data-button");
        title.textProperty().bind(Bindings.createStringBinding(() -> DATA_TEXT.get("toolbar.data", DataSetModel.title(data.spec())),
                data.specProperty()));
        title.getStyleClass().addAll("project-title", "data-link");
        title.setGraphic(new FontIcon("mdi2d-database-edit"));
        title.setTooltip(new Tooltip(DATA_TEXT.get("toolbar.dataTip")));
        title.setOnAction(e -> openDataPanel());
        return new ToolBar(train, pause, step, stop, new Separator(Orientation.VERTICAL), reset, new Separator(Orientation.VERTICAL),
                new PaceControl(session.pace()), stale, spring, title);
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
        bar.getStyleClass().add("status-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 10, 4, 10));
        return bar;
    }

    private static void show(Progress p, Label epoch, Label step, Label loss, Label acc, Label speed, NumberFormat ints) {
        epoch.setText("Epoch " + (p.epochs() == 0 ? "–" : p.epoch() + " / " + p.epochs()));
        step.setText("Step " + ints.format(p.step()));
        loss.setText("Loss " + (Double.isNaN(p.loss()) ? "–" : String.format(Locale.ROOT, "%.4f", p.loss())));
        acc.setText(p.regression()
                ? REGRESSION.get("status.regression", fixed(p.rmse(), 4), fixed(p.r2(), 3))
                : REGRESSION.get("status.accuracy", Double.isNaN(p.accuracy()) ? "–" : String.format(Locale.ROOT, "%.1f %%", 100 * p.accuracy())));
        speed.setText((Double.isNaN(p.samplesPerSecond()) ? "–" : ints.format(Math.round(p.samplesPerSecond()))) + " samples/s");
    }

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
