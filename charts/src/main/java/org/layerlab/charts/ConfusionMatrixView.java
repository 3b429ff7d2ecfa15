package org.layerlab.charts;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.layerlab.compute.train.probe.ConfusionMatrix;
import org.layerlab.charts.model.RunData;
import org.layerlab.charts.model.RunStore;

/**
 * The confusion matrix of a run's latest epoch as a heatmap (counts or row-normalised), with per-class
 * precision, recall and F1 beside it.
 */
public final class ConfusionMatrixView extends BorderPane {
    /** One row of the per-class table. */
    public record ClassScores(String name, double precision, double recall, double f1, long support) {}

    private final RunStore store;
    private final RunChoice run;
    private final CheckBox normalised = new CheckBox(PanelText.TEXT.get("confusion.normalised"));
    private static final org.layerlab.compute.text.Messages TEXT =
            org.layerlab.compute.text.Messages.of("org.layerlab.charts.i18n.regression", ConfusionMatrixView.class);
    private final Label info = new Label();
    /** Shown instead of the heatmap when there is none: not yet, or not for a regression run (with the reason). */
    private final Label emptyState = new Label();
    private final Canvas canvas = new Canvas();
    /** The run picked in the run list, which this tab speaks about even when it has no matrix (a regression run). */
    private RunData picked;
    private final TableView<ClassScores> table = new TableView<>();
    private ConfusionMatrix shown;

    ConfusionMatrixView(RunStore store) {
        this.store = store;
        setId("confusion-view");
        run = new RunChoice(store, r -> r.confusion() != null);
        run.setId("confusion-run");
        run.setPrefWidth(130);
        normalised.setId("confusion-normalised");
        normalised.setSelected(true);
        HBox top = new HBox(10, new Label(PanelText.TEXT.get("run")), run, normalised, info);
        top.setPadding(new Insets(4, 8, 4, 8));
        top.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        emptyState.setId("confusion-empty");
        emptyState.getStyleClass().add("chart-empty-state");
        emptyState.setWrapText(true);
        emptyState.setMaxWidth(520);
        emptyState.setMouseTransparent(true);
        run.setOnHidden(e -> picked = run.getValue()); // the user chose in the box: speak about that run
        Pane canvasPane = new Pane(canvas);
        javafx.scene.layout.StackPane holder = new javafx.scene.layout.StackPane(canvasPane, emptyState);
        holder.setMinSize(160, 120);
        canvas.widthProperty().bind(canvasPane.widthProperty());
        canvas.heightProperty().bind(canvasPane.heightProperty());
        canvas.widthProperty().addListener(o -> draw());
        canvas.heightProperty().addListener(o -> draw());
        normalised.selectedProperty().addListener(o -> draw());
        run.valueProperty().addListener(o -> refresh());

        TableColumn<ClassScores, String> name = new TableColumn<>(PanelText.TEXT.get("confusion.class"));
        name.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().name()));
        table.getColumns().add(name);
        table.getColumns().add(number(PanelText.TEXT.get("confusion.precision"), ClassScores::precision));
        table.getColumns().add(number(PanelText.TEXT.get("confusion.recall"), ClassScores::recall));
        table.getColumns().add(number("F1", ClassScores::f1));
        TableColumn<ClassScores, String> support = new TableColumn<>(PanelText.TEXT.get("confusion.support"));
        support.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(Long.toString(c.getValue().support())));
        table.getColumns().add(support);
        table.setId("confusion-scores");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.setPrefWidth(440);
        table.setMinWidth(300);
        table.setPlaceholder(new Label("—"));
        HBox centre = new HBox(8, holder, table);
        HBox.setHgrow(holder, Priority.ALWAYS);
        centre.setPadding(new Insets(4, 8, 4, 8));
        setTop(top);
        setCenter(centre);
        getStyleClass().add("chart-panel");
        getStylesheets().add(ChartStyle.SHEET);
        ChartStyle.onLookChange(this, this::draw);
    }

    private static TableColumn<ClassScores, String> number(String title, java.util.function.ToDoubleFunction<ClassScores> f) {
        TableColumn<ClassScores, String> c = new TableColumn<>(title);
        c.setCellValueFactory(v -> {
            double x = f.applyAsDouble(v.getValue());
            return new ReadOnlyObjectWrapper<>(Double.isNaN(x) ? "–" : String.format(Locale.ROOT, "%.3f", x));
        });
        c.getStyleClass().add("number-column");
        return c;
    }

    /** The matrix on screen, or null. */
    public ConfusionMatrix shownMatrix() { return shown; }

    public List<ClassScores> scores() { return List.copyOf(table.getItems()); }

    /** What the tab says about its matrix: the shown run's epoch, source and accuracy, or its empty state. */
    public String caption() { return info.getText().isEmpty() ? emptyState.getText() : info.getText(); }

    /** Shows a run picked elsewhere (the run list), if it has data here. */
    void pick(RunData r) {
        picked = r;
        run.sync();
        run.pick(r);
    }

    /** The empty state's text now ("" while a matrix shows), for tests. */
    public String emptyMessage() { return emptyState.isVisible() ? emptyState.getText() : ""; }

    /** The run this tab is about: the one picked in the run list while it exists, else the newest. */
    private RunData subject() {
        List<RunData> runs = store.runs();
        if (picked != null && runs.contains(picked)) return picked;
        return runs.isEmpty() ? null : runs.get(runs.size() - 1);
    }

    void refresh() {
        RunData about = subject();
        boolean regression = about != null && about.regression();
        RunData r = run.sync();
        ConfusionMatrix m = r == null || regression ? null : r.confusion();
        if (regression) {
            String loss = about.lossName();
            emptyState.setText(TEXT.get(loss.isEmpty() ? "confusion.notApplicable" : "confusion.notApplicableLoss", about.name(), loss));
            info.setText("");
        } else if (m == null) {
            emptyState.setText(TEXT.get("confusion.none"));
            info.setText("");
        } else {
            info.setText(PanelText.TEXT.get("confusion.info", r.confusionEpoch(), r.confusionSource(),
                    String.format(Locale.ROOT, "%.1f", 100 * m.accuracy())));
        }
        emptyState.setVisible(m == null);
        table.setVisible(m != null);
        run.setVisible(!regression);
        normalised.setVisible(!regression);
        if (m == shown) return;
        shown = m;
        var rows = FXCollections.<ClassScores>observableArrayList();
        if (m != null) for (int c = 0; c < m.size(); c++) {
            rows.add(new ClassScores(m.classNames().get(c), m.precision(c), m.recall(c), m.f1(c), m.rowTotal(c)));
        }
        table.setItems(rows);
        draw();
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth(), h = canvas.getHeight();
        g.setFill(ChartStyle.fxBackground());
        g.fillRect(0, 0, w, h);
        ConfusionMatrix m = shown;
        if (m == null || m.size() == 0) return;
        int k = m.size();
        double left = 90, top = 22, bottom = 30;
        double cell = Math.max(4, Math.min((w - left - 10) / k, (h - top - bottom) / k));
        boolean norm = normalised.isSelected();
        long max = 1;
        for (int i = 0; i < k; i++) for (int j = 0; j < k; j++) max = Math.max(max, m.count(i, j));
        Font font = Font.font("SansSerif", Math.max(9, Math.min(14 * ChartStyle.fontScale(), cell / 3.2)));
        g.setFont(font);
        g.setTextBaseline(VPos.CENTER);
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double v = norm ? m.rowNormalised(i, j) : (double) m.count(i, j) / max;
                g.setFill(heat(v));
                g.fillRect(left + j * cell, top + i * cell, cell - 1, cell - 1);
                if (cell >= 22) {
                    g.setFill(v > 0.55 ? Color.WHITE : ChartStyle.fxText());
                    g.setTextAlign(TextAlignment.CENTER);
                    String text = norm ? String.format(Locale.ROOT, "%.0f%%", 100 * m.rowNormalised(i, j)) : Long.toString(m.count(i, j));
                    g.fillText(text, left + j * cell + cell / 2, top + i * cell + cell / 2);
                }
            }
        }
        g.setFill(ChartStyle.fxText());
        g.setFont(Font.font("SansSerif", 12 * ChartStyle.fontScale()));
        g.setTextAlign(TextAlignment.RIGHT);
        for (int i = 0; i < k; i++) g.fillText(clip(m.classNames().get(i)), left - 6, top + i * cell + cell / 2);
        g.setTextAlign(TextAlignment.CENTER);
        if (cell >= 14) for (int j = 0; j < k; j++) g.fillText(clip(m.classNames().get(j)), left + j * cell + cell / 2, top + k * cell + 10);
        g.fillText(PanelText.TEXT.get("confusion.predicted"), left + k * cell / 2, 10);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(PanelText.TEXT.get("confusion.true"), 4, 10);
    }

    private static String clip(String s) { return s.length() <= 12 ? s : s.substring(0, 11) + "…"; }

    /** The plot's background (white, or the dark theme's) to Okabe–Ito blue. */
    private static Color heat(double v) {
        v = Math.max(0, Math.min(1, v));
        return ChartStyle.fxBackground().interpolate(Color.web("#0072B2"), v);
    }
}
