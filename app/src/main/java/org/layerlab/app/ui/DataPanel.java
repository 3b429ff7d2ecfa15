package org.layerlab.app.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.layerlab.charts.data.ClassBalanceView;
import org.layerlab.charts.data.ColumnStatsView;
import org.layerlab.charts.data.ImageGridView;
import org.layerlab.charts.data.PointCanvasView;
import org.layerlab.charts.data.PreviewData;
import org.layerlab.charts.data.ScatterPlotView;
import org.layerlab.compute.catalog.InvalidParamException;
import org.layerlab.compute.catalog.ParamSpec;
import org.layerlab.compute.catalog.ParamType;
import org.layerlab.compute.catalog.Params;
import org.layerlab.compute.data.DataException;
import org.layerlab.compute.data.DataSource;
import org.layerlab.compute.data.DataSources;
import org.layerlab.compute.data.DataSplit;
import org.layerlab.compute.data.Dataset;
import org.layerlab.compute.data.DrawnPoint;
import org.layerlab.compute.data.DrawnSource;
import org.layerlab.compute.project.DatasetSpec;
import org.layerlab.compute.text.Messages;
import org.layerlab.editor.ParamSheet;

/**
 * The Data panel: the source (one click in the catalog's list), its declared settings, the split, and a live
 * preview (scatter, images, draw-your-own, class balance, column statistics) that loads in the background whenever
 * the source, its settings or the split change. Every change goes through {@link DataSetModel} as one undoable step.
 */
final class DataPanel extends BorderPane {
    private static final Messages TEXT = Messages.of("org.layerlab.app.i18n.datapanel", DataPanel.class);
    static final String CSV = "csv";

    private final DataSetModel model;
    private final DataLoads loads;
    private final Supplier<Path> baseDir;
    private final FilePicker picker;
    private final ListView<DataSource> sources = new ListView<>();
    private final Label sourceDescription = new Label();
    private final ParamSheet settings = new ParamSheet();
    private final ParamSheet split = new ParamSheet();
    private final VBox fileButtons = new VBox(4);
    private final Label splitMessage = new Label();
    private final Label inputNote = new Label();
    private final Label nextRunNote = new Label(TEXT.get("note.nextRun"));
    private final TabPane previews = new TabPane();
    private final ScatterPlotView scatter = new ScatterPlotView();
    private final ImageGridView images = new ImageGridView();
    private final PointCanvasView draw = new PointCanvasView();
    private final ClassBalanceView balance = new ClassBalanceView();
    private final ColumnStatsView stats = new ColumnStatsView();
    private final Tab scatterTab = tab("preview-scatter-tab", "tab.scatter", scatter);
    private final Tab imagesTab = tab("preview-images-tab", "tab.images", images);
    private final Tab drawTab = tab("preview-draw-tab", "tab.draw", draw);
    private final Tab balanceTab = tab("preview-balance-tab", "tab.balance", balance);
    private final Tab statsTab = tab("preview-stats-tab", "tab.stats", stats);
    private final Label status = new Label();
    private final ProgressBar progress = new ProgressBar();
    private final Button cancel = new Button(TEXT.get("load.cancel"));
    private boolean syncing;
    private DataLoads.Loaded shown;
    private Runnable csvImport = () -> {};

    DataPanel(DataSetModel model, DataLoads loads, Supplier<Path> baseDir, FilePicker picker) {
        this.picker = picker;
        this.model = model;
        this.loads = loads;
        this.baseDir = baseDir;
        setId("data-panel");
        getStyleClass().add("data-panel");

        sources.setId("data-sources");
        sources.getItems().setAll(DataSources.CATALOG.all());
        sources.setCellFactory(v -> new SourceCell());
        sources.setPrefHeight(330);
        sources.setMinHeight(200);
        sources.getSelectionModel().selectedItemProperty().addListener((o, a, s) -> { if (!syncing && s != null) chooseSource(s); });
        sourceDescription.setWrapText(true);
        sourceDescription.getStyleClass().add("data-note");
        settings.setId("data-settings");
        settings.setOnChange((spec, value, after) -> model.change(DataSetModel.setLabel(spec.label(), shownValue(spec, value)),
                model.spec().withParams(after)));
        split.setId("data-split");
        split.setOnChange((spec, value, after) -> {
            try {
                model.change(DataSetModel.setLabel(spec.label(), shownValue(spec, value)), model.spec().withSplit(DataSplit.check(after)));
                splitMessage.setText("");
            } catch (InvalidParamException e) {
                splitMessage.setText(e.getMessage());
                split.show(model.spec().split());
            }
        });
        splitMessage.setWrapText(true);
        splitMessage.getStyleClass().add("data-error");
        inputNote.setId("data-input-note");
        inputNote.setWrapText(true);
        inputNote.getStyleClass().add("data-note");

        nextRunNote.setId("data-next-run");
        nextRunNote.setWrapText(true);
        nextRunNote.getStyleClass().add("stale-label");
        nextRunNote.setVisible(false);
        nextRunNote.managedProperty().bind(nextRunNote.visibleProperty());
        VBox left = new VBox(6, nextRunNote, heading("heading.source"), sources, sourceDescription, fileButtons, heading("heading.settings"), settings,
                heading("heading.split"), split, splitMessage, inputNote);
        left.setPadding(new Insets(8));
        left.getStyleClass().add("data-sidebar");
        ScrollPane leftScroll = new ScrollPane(left);
        leftScroll.setFitToWidth(true);
        leftScroll.setPrefWidth(330);
        leftScroll.setMinWidth(280);
        leftScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);

        previews.setId("data-previews");
        previews.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        draw.setOnEdit(e -> model.changePoints(TEXT.get("edit.points." + e.kind(), e.count()), toDrawn(e.after())));

        status.setId("data-status");
        status.setWrapText(true);
        status.getStyleClass().add("data-status");
        progress.setId("data-progress");
        progress.setPrefWidth(180);
        cancel.setId("data-cancel");
        cancel.setOnAction(e -> { loads.cancel(); status.setText(TEXT.get("load.cancelled")); });
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        HBox bottom = new HBox(8, status, spring, progress, cancel);
        HBox.setHgrow(status, Priority.ALWAYS);
        bottom.setAlignment(Pos.CENTER_LEFT);
        bottom.setPadding(new Insets(4, 8, 6, 8));
        bottom.getStyleClass().add("data-statusbar");

        setLeft(leftScroll);
        setCenter(previews);
        setBottom(bottom);
        model.specProperty().addListener((o, a, s) -> show(s, a));
        show(model.spec(), null);
        new AnimationTimer() {
            @Override public void handle(long now) { showProgress(); }
        }.start();
    }

    /** Shows, while {@code training} holds, that a run trains on the data as it was and changes apply to the next run. */
    void showNextRunNoteWhile(javafx.beans.value.ObservableBooleanValue training) { nextRunNote.visibleProperty().bind(training); }

    /** What the "Import CSV…" button does (the wizard, owned by the window). */
    void setCsvImport(Runnable r) { csvImport = r; }

    ScatterPlotView scatter() { return scatter; }
    ImageGridView images() { return images; }
    PointCanvasView drawCanvas() { return draw; }
    ClassBalanceView balance() { return balance; }
    ColumnStatsView stats() { return stats; }
    ParamSheet settingsSheet() { return settings; }
    ParamSheet splitSheet() { return split; }
    ListView<DataSource> sourceList() { return sources; }
    TabPane previewTabs() { return previews; }

    /** The last load the previews show, or null. */
    DataLoads.Loaded shownLoad() { return shown; }

    String statusText() { return status.getText(); }

    /** Switches source, keeping the settings both sources declare (samples, noise and seed from spirals to XOR). */
    private void chooseSource(DataSource s) {
        DatasetSpec now = model.spec();
        if (s.id().equals(now.source())) return;
        if (CSV.equals(s.id())) {
            // A table needs its file and columns first: the wizard makes the change when the user imports.
            javafx.application.Platform.runLater(() -> {
                syncing = true;
                try { sources.getSelectionModel().select(model.spec().dataSource()); } finally { syncing = false; }
                csvImport.run();
            });
            return;
        }
        Map<String, Object> kept = new HashMap<>();
        for (ParamSpec p : s.params()) if (now.params().asMap().containsKey(p.name())) kept.put(p.name(), now.params().get(p.name()));
        Params params;
        try {
            params = Params.of(s.params(), kept);
        } catch (InvalidParamException e) {
            params = s.defaultParams();
        }
        model.change(TEXT.get("edit.source", s.displayName()), now.withSource(s.id(), params));
    }

    private static Object shownValue(ParamSpec spec, Object value) {
        if (spec.type() == ParamType.CHOICE) return spec.choiceLabel(String.valueOf(value));
        if (value instanceof Double d) return String.format(Locale.ROOT, "%s", d);
        return value;
    }

    /** Shows a data set (after a change, an undo or opening a project) and starts its preview load. */
    private void show(DatasetSpec s, DatasetSpec before) {
        syncing = true;
        try {
            DataSource source = s.dataSource();
            sources.getSelectionModel().select(source);
            sourceDescription.setText(source.description());
            settings.show(s.params());
            split.show(s.split());
            fileButtons.getChildren().setAll(fileButtons(source, s));
            boolean drawn = source instanceof DrawnSource;
            if (drawn) {
                draw.setMode(source.regression(s.params()), s.params().getInt("classes"));
                List<PointCanvasView.Point> pts = new ArrayList<>();
                for (DrawnPoint d : s.points()) pts.add(new PointCanvasView.Point(d.x(), d.y(), d.value()));
                draw.setPoints(pts);
            }
            inputNote.setText(inputNoteText(s));
        } finally {
            syncing = false;
        }
        boolean onlyPoints = before != null && before.source().equals(s.source()) && before.params().equals(s.params())
                && before.split().equals(s.split()) && !before.points().equals(s.points());
        if (s.dataSource() instanceof DrawnSource && s.points().isEmpty()) {
            loads.cancel();
            showTabs(s, null);
            status.setText(TEXT.get("draw.empty"));
            return;
        }
        if (!onlyPoints || shown == null) status.setText(TEXT.get("load.loading", s.dataSource().displayName()));
        showTabs(s, shown);
        loads.load(s, baseDir.get(), this::loaded, this::failed);
    }

    private String inputNoteText(DatasetSpec s) {
        var shape = DataSetModel.knownShape(s);
        return shape != null ? TEXT.get("input.follows", shape) : TEXT.get("input.afterLoad");
    }

    private void loaded(DataLoads.Loaded l) {
        shown = l;
        PreviewData p = l.preview();
        // Images are previewed in the grid: their 784 pixel columns in the scatter's column choosers would cost seconds.
        scatter.setData(p.images() ? null : p);
        images.setData(p);
        stats.show(l.stats());
        var sp = l.splits();
        Dataset all = l.loaded().data();
        List<String> parts = new ArrayList<>(List.of(TEXT.get("part.train")));
        List<Dataset> partData = new ArrayList<>(List.of(sp.train()));
        if (sp.hasValidation()) { parts.add(TEXT.get("part.validation")); partData.add(sp.validation()); }
        if (sp.hasTest()) { parts.add(TEXT.get("part.test")); partData.add(sp.test()); }
        if (all.labels() != null && all.numClasses() > 0) {
            int[][] counts = new int[partData.size()][];
            for (int i = 0; i < counts.length; i++) counts[i] = partData.get(i).classCounts();
            balance.setClassCounts(all.classNames(), parts, counts);
        } else {
            List<float[]> targets = new ArrayList<>();
            for (Dataset d : partData) targets.add(d.targets());
            balance.setTargets(parts, targets);
        }
        showTabs(l.spec(), l);
        model.followLoadedShape(l.spec(), all.sampleShape());
        inputNote.setText(TEXT.get("input.follows", all.sampleShape()));
        status.setText(TEXT.get(all.labels() != null ? "summary.classes" : "summary.regression", all.size(), all.sampleShape(),
                all.numClasses(), sp.train().size(), sp.hasValidation() ? sp.validation().size() : 0, sp.hasTest() ? sp.test().size() : 0,
                l.nanos() / 1_000_000));
    }

    private void failed(DataException e) {
        shown = null;
        status.setText(TEXT.get("load.failed", e.getMessage()));
        scatter.setData(null);
        images.setData(null);
        stats.show(List.of());
        balance.setClassCounts(List.of(), List.of(), new int[0][]);
        showTabs(model.spec(), null);
    }

    /** The tabs that fit the data: draw for drawn points, images for image sets, scatter otherwise. */
    private void showTabs(DatasetSpec s, DataLoads.Loaded l) {
        boolean drawn = s.dataSource() instanceof DrawnSource;
        boolean isImages = l != null && l.preview().images();
        List<Tab> want = new ArrayList<>();
        if (drawn) want.add(drawTab);
        else if (isImages) want.add(imagesTab);
        else want.add(scatterTab);
        want.add(balanceTab);
        want.add(statsTab);
        if (!previews.getTabs().equals(want)) {
            Tab selected = previews.getSelectionModel().getSelectedItem();
            previews.getTabs().setAll(want);
            previews.getSelectionModel().select(want.contains(selected) ? selected : want.get(0));
        }
    }

    private void showProgress() {
        boolean busy = loads.busy();
        progress.setVisible(busy);
        cancel.setVisible(busy);
        if (busy) progress.setProgress(loads.progress().fraction());
    }

    /** A "Choose…" button for each file or folder setting of a file source. */
    private List<Button> fileButtons(DataSource source, DatasetSpec s) {
        List<Button> out = new ArrayList<>();
        if (CSV.equals(source.id())) {
            Button b = new Button(TEXT.get("file.csvWizard"));
            b.setId("csv-import");
            b.setOnAction(e -> csvImport.run());
            out.add(b);
        }
        if (source.group() != DataSource.Group.FILE) return out;
        for (ParamSpec p : source.params()) {
            if (!source.fileSettings().contains(p.name())) continue;
            boolean folder = p.name().toLowerCase(Locale.ROOT).contains("folder") || p.name().equals("directory");
            Button b = new Button(TEXT.get("file.choose", p.label()));
            b.setId("choose-" + p.name());
            b.setMaxWidth(Double.MAX_VALUE);
            b.setTooltip(new Tooltip(p.description()));
            b.setOnAction(e -> {
                Path f = picker.choose(getScene().getWindow(), folder, p.label(), List.of());
                if (f == null) return;
                try {
                    // The full name while the project is open; saving stores it relative to the project's folder when inside it.
                    model.change(DataSetModel.setLabel(p.label(), f.getFileName().toString()),
                            model.spec().withParams(model.spec().params().with(p.name(), f.toAbsolutePath().toString())));
                } catch (InvalidParamException x) {
                    status.setText(x.getMessage());
                }
            });
            out.add(b);
        }
        return out;
    }

    private static List<DrawnPoint> toDrawn(List<PointCanvasView.Point> pts) {
        List<DrawnPoint> out = new ArrayList<>(pts.size());
        for (PointCanvasView.Point p : pts) out.add(new DrawnPoint(p.x(), p.y(), p.value()));
        return out;
    }

    private static Label heading(String key) {
        Label l = new Label(TEXT.get(key));
        l.getStyleClass().add("data-heading");
        return l;
    }

    private static Tab tab(String id, String key, javafx.scene.Node content) {
        Tab t = new Tab(TEXT.get(key), content);
        t.setId(id);
        return t;
    }

    /** A source in the list, with its group's heading above the first of each group. */
    private final class SourceCell extends ListCell<DataSource> {
        @Override protected void updateItem(DataSource s, boolean empty) {
            super.updateItem(s, empty);
            if (empty || s == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                return;
            }
            int i = getIndex();
            boolean first = i == 0 || getListView().getItems().get(i - 1).group() != s.group();
            Label name = new Label(s.displayName());
            name.getStyleClass().add("data-source-name");
            if (first) {
                Label group = new Label(TEXT.get("group." + s.group().name().toLowerCase(Locale.ROOT)));
                group.getStyleClass().add("data-source-group");
                setGraphic(new VBox(2, group, name));
            } else {
                setGraphic(name);
            }
            setText(null);
            setTooltip(new Tooltip(s.description()));
            setId("source-" + s.id());
        }
    }
}
