package org.layerlab.charts;

import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.jfree.chart.JFreeChart;
import org.layerlab.charts.model.RunData;
import org.layerlab.charts.model.RunStore;
import org.layerlab.charts.model.ScalarExport;
import org.layerlab.charts.model.SmoothedSeries;
import org.layerlab.charts.model.Tags;
import org.layerlab.charts.model.XAxisKind;

/**
 * The scalars tab: view settings on top, the run list on the left, and one chart per metric (train and
 * validation together) in a grid.
 */
public final class ScalarDashboard extends BorderPane {
    private final RunStore store;
    private final Executor io;
    private final ScalarSettings settings = new ScalarSettings();
    private final Map<String, ScalarChart> charts = new LinkedHashMap<>();
    private final java.util.ArrayDeque<ScalarChart> stale = new java.util.ArrayDeque<>();
    private final GridPane grid = new GridPane();
    private final RunListView runList;
    private final Label status = new Label();
    static final org.layerlab.compute.text.Messages TEXT = org.layerlab.compute.text.Messages.of("org.layerlab.charts.i18n.scalars", ScalarDashboard.class);
    /** Metrics set by the run settings rather than learned: while constant in every run they are a note, not a chart. */
    static final List<String> SETTING_METRICS = List.of("learning_rate");
    private final Label constants = new Label();
    private final Slider smoothing = new Slider(0, 0.999, 0.6);
    private CheckBox rawBox;
    private Runnable onChange = () -> {};

    ScalarDashboard(RunStore store, Executor io) {
        this.store = store;
        this.io = io;
        setId("scalar-dashboard");
        runList = new RunListView(store);
        Label legend = new Label(TEXT.get("legend"));
        getStylesheets().add(ChartStyle.SHEET);
        ChartStyle.onLookChange(this, this::refresh);
        legend.getStyleClass().add("chart-note");
        legend.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // every line, always: the run list shrinks instead
        status.getStyleClass().add("chart-note");
        status.setWrapText(true);
        constants.setId("constant-series-note");
        constants.getStyleClass().add("constant-series-note");
        constants.setWrapText(true);
        constants.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // the whole note, on as many lines as it takes
        constants.managedProperty().bind(constants.textProperty().isNotEmpty());
        runList.getChildren().addAll(legend, constants, status);
        grid.setHgap(6);
        grid.setVgap(6);
        grid.setPadding(new Insets(4));
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.getStyleClass().add("chart-scroll");
        setTop(toolBar());
        rawBox.setText(CONTROL_TEXT.get("rawBox"));
        rawBox.getStyleClass().add("chart-option");
        runList.getChildren().add(runList.getChildren().size() - 2, rawBox);
        CheckBox epochTrain = new CheckBox(CONTROL_TEXT.get("epochTrain"));
        epochTrain.setId("show-epoch-train");
        epochTrain.getStyleClass().add("chart-option");
        epochTrain.setTooltip(new Tooltip(CONTROL_TEXT.get("epochTrainTip")));
        epochTrain.selectedProperty().bindBidirectional(settings.showEpochTrain);
        runList.getChildren().add(runList.getChildren().size() - 2, epochTrain);
        // The run list's column scrolls when the window is short (a projector's large type at 1280×720), so it never
        // makes the charts beside it taller than the room they have (their x axes would be cut off).
        ScrollPane side = new ScrollPane(runList);
        side.setFitToWidth(true);
        side.setFitToHeight(true);
        side.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        side.setMinWidth(runList.getMinWidth());
        side.setPrefViewportWidth(runList.getPrefWidth()); // its scroll bar, when shown, comes on top of the list's width
        side.getStyleClass().addAll("chart-scroll", "run-list-scroll");
        setLeft(side);
        setCenter(scroll);
        settings.smoothing.bind(smoothing.valueProperty());
        for (var p : List.of(settings.smoothing, settings.window, settings.xAxis, settings.logY, settings.mode, settings.showRaw, settings.showEpochTrain)) {
            p.addListener((o, a, b) -> onChange.run());
        }
        settings.ignoreOutliers.addListener((o, a, b) -> {
            if (b) charts.values().forEach(ScalarChart::resetZoom);
            onChange.run();
        });
        status.setId("scalar-status");
    }

    void setOnChange(Runnable r) {
        onChange = r;
        charts.values().forEach(c -> c.setOnZoom(r));
    }

    public ScalarSettings settings() { return settings; }
    public Slider smoothingSlider() { return smoothing; }
    RunListView runList() { return runList; }

    /** The chart of a metric, or null. */
    ScalarChart chart(String metric) { return charts.get(metric); }

    public List<String> metrics() { return new ArrayList<>(charts.keySet()); }

    /** Points handed to JFreeChart over all charts in the last refresh. */
    public long drawnPoints() {
        long n = 0;
        for (ScalarChart c : charts.values()) n += c.drawnPoints();
        return n;
    }

    /** Redraws every chart from the store now (FX thread). */
    void refresh() {
        markStale();
        while (refreshNext()) { /* all of them */ }
    }

    /** Marks every chart for a redraw by {@link #refreshNext()}; adds charts for new metrics. */
    void markStale() {
        List<String> metrics = new ArrayList<>(Tags.metrics(store.runs()));
        List<String> notes = new ArrayList<>();
        for (String m : SETTING_METRICS) {
            String note = constantNote(store.runs(), m);
            if (note != null && metrics.remove(m)) notes.add(note);
        }
        String noteText = String.join("\n", notes);
        if (!noteText.equals(constants.getText())) constants.setText(noteText);
        if (metrics.isEmpty()) metrics = List.of("loss", "accuracy"); // empty charts show where curves will appear
        if (!metrics.equals(new ArrayList<>(charts.keySet()))) {
            rebuildGrid(metrics);
            stale.clear();
        }
        // Charts still waiting keep their place in the queue: under a slow frame rate every chart gets its
        // turn instead of the first one being redrawn again and again.
        for (ScalarChart c : charts.values()) if (!stale.contains(c)) stale.add(c);
    }

    /** Redraws one stale chart, so one frame pays for at most one chart; true while some remain. */
    boolean refreshNext() {
        ScalarChart c = stale.poll();
        if (c != null) c.refresh(store.runs());
        return !stale.isEmpty();
    }

    /**
     * "Learning rate: constant, 0.01 (Run 1), 0.003 (Run 2)" when every visible run that has this metric holds
     * one value throughout; null when some run changes it (a schedule), or none has it.
     */
    static String constantNote(List<RunData> runs, String metric) {
        List<String> values = new ArrayList<>();
        for (RunData r : runs) {
            if (!r.visible()) continue;
            var series = r.find(Tags.trainTag(r, metric));
            if (series == null || series.size() == 0) continue;
            double first = series.value(0);
            for (int i = 1; i < series.size(); i++) if (series.value(i) != first) return null;
            values.add(TEXT.get("constant.run", java.math.BigDecimal.valueOf(first).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString(), r.name()));
        }
        return values.isEmpty() ? null : TEXT.get("constant", TEXT.get("metric." + metric), String.join(", ", values));
    }

    /** The note on metrics that stayed constant (empty when none), for tests. */
    String constantsNote() { return constants.getText(); }

    private void rebuildGrid(List<String> metrics) {
        Map<String, ScalarChart> old = new LinkedHashMap<>(charts);
        charts.clear();
        for (String m : metrics) {
            ScalarChart c = old.containsKey(m) ? old.get(m) : new ScalarChart(m, settings);
            c.setOnZoom(onChange);
            c.useStore(store);
            charts.put(m, c);
        }
        grid.getChildren().clear();
        grid.getColumnConstraints().clear();
        grid.getRowConstraints().clear();
        int cols = Math.max(1, Math.min(3, metrics.size())), rows = (metrics.size() + cols - 1) / cols;
        for (int i = 0; i < cols; i++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(100.0 / cols);
            cc.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(cc);
        }
        for (int i = 0; i < rows; i++) {
            RowConstraints rc = new RowConstraints();
            rc.setMinHeight(130); // a short window (960×540 at a UI scale of 2) still shows a whole chart
            rc.setVgrow(Priority.ALWAYS);
            grid.getRowConstraints().add(rc);
        }
        int i = 0;
        for (ScalarChart c : charts.values()) {
            grid.add(c.node(), i % cols, i / cols);
            i++;
        }
    }

    public void resetZoom() {
        charts.values().forEach(ScalarChart::resetZoom);
        onChange.run();
    }

    /** The chart controls' texts (toolbar, run list options). */
    private static final org.layerlab.compute.text.Messages CONTROL_TEXT =
            org.layerlab.compute.text.Messages.of("org.layerlab.charts.i18n.chartcontrols", ScalarDashboard.class);

    private ToolBar toolBar() {
        smoothing.setId("smoothing-slider");
        smoothing.setPrefWidth(80);
        smoothing.setTooltip(new Tooltip(CONTROL_TEXT.get("smoothingTip")));
        Label value = new Label();
        value.setMinWidth(34);
        value.textProperty().bind(smoothing.valueProperty().asString(Locale.ROOT, "%.3f"));

        ChoiceBox<SmoothedSeries.Mode> mode = new ChoiceBox<>();
        mode.setId("smoothing-mode");
        mode.getItems().setAll(SmoothedSeries.Mode.values());
        mode.setConverter(new StringConverter<>() {
            @Override public String toString(SmoothedSeries.Mode m) { return m == SmoothedSeries.Mode.EMA ? "EMA" : CONTROL_TEXT.get("movingAverage"); }
            @Override public SmoothedSeries.Mode fromString(String s) { return null; }
        });
        mode.valueProperty().bindBidirectional(settings.mode);
        mode.setPrefWidth(80);
        Spinner<Integer> window = new Spinner<>(1, 10_000, 25, 5);
        window.setId("moving-average-window");
        window.setPrefWidth(80);
        window.setEditable(true);
        window.setTooltip(new Tooltip(CONTROL_TEXT.get("windowTip")));
        settings.window.bind(window.valueProperty());
        window.visibleProperty().bind(settings.mode.isEqualTo(SmoothedSeries.Mode.MOVING_AVERAGE));
        window.managedProperty().bind(window.visibleProperty());
        smoothing.disableProperty().bind(settings.mode.isEqualTo(SmoothedSeries.Mode.MOVING_AVERAGE));

        ChoiceBox<XAxisKind> x = new ChoiceBox<>();
        x.setId("x-axis-choice");
        x.getItems().setAll(XAxisKind.values());
        x.valueProperty().bindBidirectional(settings.xAxis);
        x.setPrefWidth(100);
        x.setTooltip(new Tooltip(CONTROL_TEXT.get("xTip")));
        CheckBox log = new CheckBox(CONTROL_TEXT.get("logY"));
        log.setId("log-y");
        log.selectedProperty().bindBidirectional(settings.logY);
        CheckBox outliers = new CheckBox(CONTROL_TEXT.get("outliers"));
        outliers.setId("ignore-outliers");
        outliers.setTooltip(new Tooltip(CONTROL_TEXT.get("outliersTip")));
        outliers.selectedProperty().bindBidirectional(settings.ignoreOutliers);
        CheckBox raw = new CheckBox(CONTROL_TEXT.get("raw"));
        raw.setId("show-raw");
        raw.setTooltip(new Tooltip(CONTROL_TEXT.get("rawTip")));
        raw.selectedProperty().bindBidirectional(settings.showRaw);
        Button reset = new Button(CONTROL_TEXT.get("reset"));
        reset.setId("reset-zoom");
        reset.setTooltip(new Tooltip(CONTROL_TEXT.get("resetTip")));
        reset.setOnAction(e -> resetZoom());

        MenuButton export = new MenuButton(CONTROL_TEXT.get("export"));
        export.setId("export-menu");
        export.getItems().addAll(exportItems());

        rawBox = raw;
        Label name = new Label(CONTROL_TEXT.get("smoothing"));
        ToolBar bar = new ToolBar();
        bar.setId("scalar-toolbar");
        List<javafx.scene.Node> full = List.of(name, smoothing, value, mode, window, new Label(CONTROL_TEXT.get("xLabel")), x, log, outliers, reset, export);
        List<javafx.scene.Node> compact = List.of(name, smoothing, value, window, optionsMenu());
        // Where the full row does not fit (a projector's large type, a small window), the smoothing stays and the
        // rest goes into one Options menu instead of behind the toolbar's overflow button.
        var em = javafx.beans.binding.Bindings.createDoubleBinding(() -> name.getFont().getSize(), name.fontProperty());
        compactBar = javafx.beans.binding.Bindings.createBooleanBinding(() -> getWidth() > 0 && getWidth() < 1.03 * (FULL_PX + FULL_PER_EM * em.get()), widthProperty(), em);
        Runnable place = () -> bar.getItems().setAll(compactBar.get() ? compact : full);
        compactBar.addListener((o, a, b) -> place.run());
        place.run();
        return bar;
    }

    /**
     * What the full row of chart controls needs: fixed pixels (slider, choice boxes) plus a part growing with the type;
     * measured at 13 px and 17 px (about 728 and 859 px). Narrower, they fold into the Options menu (3 % to spare).
     */
    static final double FULL_PX = 302, FULL_PER_EM = 33;

    /** Export as PNG, SVG, CSV or JSON: the same items in the toolbar's Export button and in the folded Options menu. */
    private List<MenuItem> exportItems() {
        MenuItem png = new MenuItem(CONTROL_TEXT.get("exportPng")), svg = new MenuItem(CONTROL_TEXT.get("exportSvg")),
                csv = new MenuItem(CONTROL_TEXT.get("exportCsv")), json = new MenuItem(CONTROL_TEXT.get("exportJson"));
        png.setOnAction(e -> choose(CONTROL_TEXT.get("pngFiles"), "png").ifPresent(this::exportPng));
        svg.setOnAction(e -> choose(CONTROL_TEXT.get("svgFiles"), "svg").ifPresent(this::exportSvg));
        csv.setOnAction(e -> choose(CONTROL_TEXT.get("csvFiles"), "csv").ifPresent(this::exportCsv));
        json.setOnAction(e -> choose(CONTROL_TEXT.get("jsonFiles"), "json").ifPresent(this::exportJson));
        return List.of(png, svg, csv, json);
    }

    private javafx.beans.binding.BooleanBinding compactBar;

    /** Whether the chart controls are folded into the Options menu now (tests). */
    public boolean compactToolbar() { return compactBar.get(); }

    private static final org.layerlab.compute.text.Messages COMPACT_TEXT =
            org.layerlab.compute.text.Messages.of("org.layerlab.charts.i18n.compact", ScalarDashboard.class);

    /** The toolbar's controls after the smoothing slider, as menu items bound to the same settings. */
    private MenuButton optionsMenu() {
        MenuButton menu = new MenuButton(COMPACT_TEXT.get("options"));
        menu.setId("chart-options-menu");
        menu.setTooltip(new Tooltip(COMPACT_TEXT.get("optionsTip")));
        javafx.scene.control.Menu smoothingMode = new javafx.scene.control.Menu(COMPACT_TEXT.get("smoothingMode"));
        smoothingMode.getItems().addAll(radios(SmoothedSeries.Mode.values(), settings.mode,
                m -> m == SmoothedSeries.Mode.EMA ? "EMA" : CONTROL_TEXT.get("movingAverage"), "chart-options-mode-"));
        javafx.scene.control.Menu xAxis = new javafx.scene.control.Menu(COMPACT_TEXT.get("xAxis"));
        xAxis.setId("chart-options-x");
        xAxis.getItems().addAll(radios(XAxisKind.values(), settings.xAxis, XAxisKind::toString, "chart-options-x-"));
        javafx.scene.control.CheckMenuItem log = new javafx.scene.control.CheckMenuItem(CONTROL_TEXT.get("logY"));
        log.setId("chart-options-log");
        log.selectedProperty().bindBidirectional(settings.logY);
        javafx.scene.control.CheckMenuItem outliers = new javafx.scene.control.CheckMenuItem(CONTROL_TEXT.get("outliers"));
        outliers.setId("chart-options-outliers");
        outliers.selectedProperty().bindBidirectional(settings.ignoreOutliers);
        MenuItem reset = new MenuItem(COMPACT_TEXT.get("resetZoom"));
        reset.setId("chart-options-reset");
        reset.setOnAction(e -> resetZoom());
        javafx.scene.control.Menu export = new javafx.scene.control.Menu(CONTROL_TEXT.get("export"));
        export.getItems().addAll(exportItems());
        menu.getItems().addAll(smoothingMode, xAxis, log, outliers, new javafx.scene.control.SeparatorMenuItem(), reset, export);
        return menu;
    }

    /** One radio item per value, kept in step with {@code property} both ways. */
    private static <T extends Enum<T>> List<MenuItem> radios(T[] values, javafx.beans.property.ObjectProperty<T> property,
                                             java.util.function.Function<T, String> text, String idPrefix) {
        javafx.scene.control.ToggleGroup group = new javafx.scene.control.ToggleGroup();
        List<MenuItem> items = new ArrayList<>();
        for (T v : values) {
            javafx.scene.control.RadioMenuItem item = new javafx.scene.control.RadioMenuItem(text.apply(v));
            item.setId(idPrefix + v.name().toLowerCase(Locale.ROOT));
            item.setToggleGroup(group);
            item.setSelected(v == property.get());
            item.setOnAction(e -> property.set(v));
            property.addListener((o, a, b) -> item.setSelected(b == v));
            items.add(item);
        }
        return items;
    }

    private java.util.Optional<Path> choose(String what, String ext) {
        FileChooser fc = new FileChooser();
        fc.setTitle(PanelText.TEXT.get("export.title", what));
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(what, "*." + ext));
        fc.setInitialFileName("layerlab-scalars." + ext);
        File f = fc.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        return java.util.Optional.ofNullable(f).map(File::toPath);
    }

    private List<JFreeChart> jfreeCharts() {
        List<JFreeChart> list = new ArrayList<>();
        for (ScalarChart c : charts.values()) list.add(c.chart());
        return list;
    }

    /** Writes every metric chart, side by side, as PNG; drawn now, written in the background. */
    public CompletableFuture<Path> exportPng(Path file) {
        byte[] bytes = ChartExport.png(jfreeCharts(), 2, 800, 500);
        return write(file, () -> Files.write(file, bytes));
    }

    public CompletableFuture<Path> exportSvg(Path file) {
        String svg = ChartExport.svg(jfreeCharts(), 2, 800, 500);
        return write(file, () -> Files.writeString(file, svg, StandardCharsets.UTF_8));
    }

    /** Writes every point of every run (a snapshot taken now) as CSV in the background. */
    public CompletableFuture<Path> exportCsv(Path file) {
        List<RunData> snapshot = ScalarExport.snapshot(store.runs());
        return write(file, () -> {
            try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) { ScalarExport.writeCsv(snapshot, w); }
        });
    }

    public CompletableFuture<Path> exportJson(Path file) {
        List<RunData> snapshot = ScalarExport.snapshot(store.runs());
        return write(file, () -> {
            try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) { ScalarExport.writeJson(snapshot, w); }
        });
    }

    private interface IoAction { void run() throws IOException; }

    private CompletableFuture<Path> write(Path file, IoAction action) {
        status.setText(PanelText.TEXT.get("export.running"));
        return CompletableFuture.supplyAsync(() -> {
            try {
                action.run();
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, io).whenComplete((p, err) -> Platform.runLater(() -> status.setText(err == null
                ? PanelText.TEXT.get("export.saved", file.getFileName().toString())
                : PanelText.TEXT.get("export.failed", String.valueOf(err.getCause().getMessage())))));
    }
}
