package org.layerlab.charts.inside;

import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.layerlab.charts.model.RunData;
import org.layerlab.charts.model.RunStore;
import org.layerlab.compute.text.Messages;
import org.layerlab.compute.train.probe.WiresProbe;

/**
 * Weights on wires: a small Dense network drawn neuron by neuron, a column of circles per layer, each connection as
 * thick as its weight is large (relative to the largest in its layer) and coloured by its sign on the diverging,
 * colour-blind-safe scale of the plane views (orange positive, blue negative); a toggle draws the last gradient
 * instead. Clicking a connection shows its value; while the run is paused it can be set, through the handler the
 * window gives (one undoable change of the run's weights, applied by the trainer). Fed from the probes' plain results.
 */
public final class WiresView extends VBox {
    public static final Messages TEXT = Messages.of("org.layerlab.charts.i18n.stepwires", WiresView.class);
    /** The chart area's tab names. */
    public static final String TEXT_TAB_STEP = TEXT.get("tab.step"), TEXT_TAB_WIRES = TEXT.get("tab.wires");
    private static final double MARGIN = 22, MAX_LINE = 5, MIN_LINE = 0.4, LABEL = 16;
    /** The layout, fitted to the room the view has: gap between columns, between neurons, a neuron's radius. */
    private double columnGap = 170, row = 17, radius = 6;
    private final ScrollPane scroll;
    private static final Color NEUTRAL = Color.web("#9CA3AF"), NEURON = Color.web("#374151"), SELECTED = Color.web("#111827");

    /** A connection: weight {@code index} of layer {@code layer}'s kernel, from input {@code from} to unit {@code to} (0-based). */
    public record Wire(int runId, int layer, String nodeId, String layerName, String key, int from, int to, int index,
                       float weight, float gradient) {}

    /** Sets a wire's weight in the run (the window makes it an undoable edit). */
    @FunctionalInterface
    public interface EditHandler {
        void set(Wire wire, float value);
    }

    private final RunStore store;
    private final Label empty = new Label(TEXT.get("wires.empty", WiresProbe.MAX_UNITS));
    private final Label caption = new Label(), legend = new Label(), selectedLabel = new Label(TEXT.get("wires.pick"));
    private final ToggleButton gradients = new ToggleButton(TEXT.get("wires.gradients"));
    private final Canvas canvas = new Canvas(10, 10);
    private final TextField value = new TextField();
    private final Button set = new Button(TEXT.get("wires.set"));
    private final Label problem = new Label();
    private final javafx.beans.property.BooleanProperty editable = new javafx.beans.property.SimpleBooleanProperty(false);
    private EditHandler onEdit = (w, v) -> {};
    private RunData picked, shownRun;
    private WiresProbe.Result shown;
    private boolean shownGradients;
    /** The selected connection as layer/from/to, kept across refreshes; null when none. */
    private int[] selection;

    public WiresView(RunStore store) {
        this.store = store;
        setId("wires-view");
        getStyleClass().add("wires-view");
        Label title = new Label(TEXT.get("wires.title"));
        title.getStyleClass().add("inside-title");
        gradients.setId("wires-gradients");
        gradients.setTooltip(new Tooltip(TEXT.get("wires.gradientsTip")));
        gradients.selectedProperty().addListener((o, a, b) -> redraw());
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        caption.getStyleClass().add("inside-caption");
        legend.getStyleClass().add("inside-caption");
        title.setMinWidth(Region.USE_PREF_SIZE);
        gradients.setMinWidth(Region.USE_PREF_SIZE);
        HBox top = new HBox(10, title, caption);
        top.setAlignment(Pos.BASELINE_LEFT);
        HBox second = new HBox(10, legend, spring, gradients);
        second.setAlignment(Pos.CENTER_LEFT);
        VBox head = new VBox(2, top, second);
        empty.getStyleClass().add("inside-empty");
        empty.setWrapText(true);
        empty.setId("wires-empty");
        canvas.setId("wires-canvas");
        canvas.setOnMouseClicked(e -> select(wireAt(e.getX(), e.getY())));
        scroll = new ScrollPane(canvas);
        scroll.viewportBoundsProperty().addListener((o, a, b) -> {
            if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) redraw();
        });
        scroll.getStyleClass().add("wires-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        selectedLabel.setId("wires-selected");
        selectedLabel.getStyleClass().add("wires-selected");
        value.setId("wires-value");
        value.setPrefColumnCount(8);
        set.setId("wires-set");
        set.setTooltip(new Tooltip(TEXT.get("wires.setTip")));
        value.disableProperty().bind(editable.not());
        set.disableProperty().bind(editable.not().or(value.textProperty().isEmpty()));
        value.setOnAction(e -> commit());
        set.setOnAction(e -> commit());
        problem.getStyleClass().add("wires-problem");
        problem.setId("wires-problem");
        HBox editRow = new HBox(8, selectedLabel, value, set, problem);
        editRow.setAlignment(Pos.CENTER_LEFT);
        editRow.getStyleClass().add("wires-edit");
        setSpacing(6);
        getChildren().addAll(head, empty, scroll, editRow);
        refresh();
    }

    /** Whether a selected weight may be set now (the window binds it to "the run is paused"). */
    public javafx.beans.property.BooleanProperty editableProperty() { return editable; }

    public void setOnEdit(EditHandler h) { onEdit = h == null ? (w, v) -> {} : h; }

    public void pick(RunData r) {
        picked = r;
        refresh();
    }

    /** The weights on screen now, or null (tests). */
    public WiresProbe.Result shownWires() { return shown; }

    /** The run whose weights are shown, or null. */
    public RunData shownRun() { return shownRun; }

    /** The selected connection with its values as shown now, or null. */
    public Wire selected() { return selection == null ? null : wire(selection[0], selection[1], selection[2]); }

    /** Whether the last gradient is drawn instead of the weight. */
    public javafx.beans.property.BooleanProperty showGradientsProperty() { return gradients.selectedProperty(); }

    private RunData subject() {
        List<RunData> runs = store.runs();
        if (picked != null && runs.contains(picked) && picked.wires() != null) return picked;
        for (int i = runs.size() - 1; i >= 0; i--) if (runs.get(i).wires() != null) return runs.get(i);
        return null;
    }

    /** Takes the latest weights and draws them when they are new. FX thread. */
    public void refresh() {
        RunData r = subject();
        WiresProbe.Result w = r == null ? null : r.wires();
        empty.setVisible(w == null);
        empty.setManaged(w == null);
        if (w == shown && r == shownRun) return;
        if (w != null && shown != null && !structure(w).equals(structure(shown))) selection = null;
        shown = w;
        shownRun = r;
        redraw();
    }

    private static String structure(WiresProbe.Result w) {
        StringBuilder sb = new StringBuilder();
        for (WiresProbe.Layer l : w.layers()) sb.append(l.nodeId()).append(':').append(l.inputs()).append('x').append(l.units()).append(';');
        return sb.toString();
    }

    /** The circle centres: column {@code c} (0 the inputs), neuron {@code i} of {@code n}, centred vertically. */
    private double x(int c) { return MARGIN + radius + c * columnGap; }

    private double y(int i, int n, int tallest) { return MARGIN + radius + (tallest - n) * row / 2 + i * row; }

    /** Spreads the columns over the width and the tallest column over the height the view has, within limits. */
    private void fit(int tallest, int columns) {
        var room = scroll.getViewportBounds();
        double w = room.getWidth() > 50 ? room.getWidth() : 600, h = room.getHeight() > 50 ? room.getHeight() : 420;
        row = tallest < 2 ? 17 : Math.max(9, Math.min(17, (h - 2 * MARGIN - LABEL - 12) / (tallest - 1)));
        radius = Math.min(6, row / 2 - 0.5);
        columnGap = Math.max(110, Math.min(320, (w - 2 * MARGIN - 2 * radius - 70) / Math.max(1, columns - 1)));
    }

    private int tallest() {
        int t = shown.layers().get(0).inputs();
        for (WiresProbe.Layer l : shown.layers()) t = Math.max(t, l.units());
        return t;
    }

    /** The point a {@code fraction} of the way along connection layer/from/to, in the canvas (tests click there). */
    public javafx.geometry.Point2D pointOn(int layer, int from, int to, double fraction) {
        WiresProbe.Layer l = shown.layers().get(layer);
        int t = tallest();
        double y0 = y(from, l.inputs(), t), y1 = y(to, l.units(), t);
        return new javafx.geometry.Point2D(x(layer) + fraction * (x(layer + 1) - x(layer)), y0 + fraction * (y1 - y0));
    }

    /** The canvas the wires are drawn on (tests and screenshots). */
    public Canvas canvas() { return canvas; }

    private void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        if (shown == null) {
            canvas.setWidth(10);
            canvas.setHeight(10);
            g.clearRect(0, 0, 10, 10);
            caption.setText("");
            legend.setText("");
            showSelection();
            return;
        }
        int t = tallest(), columns = shown.layers().size() + 1;
        fit(t, columns);
        canvas.setWidth(2 * MARGIN + 2 * radius + (columns - 1) * columnGap + 60);
        canvas.setHeight(2 * MARGIN + 2 * radius + (t - 1) * row + LABEL);
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        shownGradients = gradients.isSelected();
        caption.setText(TEXT.get("wires.caption", shownRun.name(), Long.toString(shown.step()), Integer.toString(shown.epoch())));
        legend.setText(shownGradients ? (shown.gradientStep() == 0 ? TEXT.get("wires.noGradient")
                : TEXT.get("wires.legendGradient", Long.toString(shown.gradientStep()))) : TEXT.get("wires.legendWeight"));
        for (int li = 0; li < shown.layers().size(); li++) {
            WiresProbe.Layer l = shown.layers().get(li);
            float[] v = shownGradients ? l.gradient() : l.weights();
            double max = 1e-12;
            if (v != null) for (float f : v) max = Math.max(max, Math.abs(f));
            // weak connections first and faint, strong ones on top: the few that matter stand out of the many
            Integer[] order = new Integer[l.inputs() * l.units()];
            for (int k = 0; k < order.length; k++) order[k] = k;
            if (v != null) java.util.Arrays.sort(order, (a, b) -> Float.compare(Math.abs(v[a]), Math.abs(v[b])));
            for (int k : order) {
                int i = k / l.units(), j = k % l.units();
                double s = v == null ? 0 : v[k] / max, m = Math.abs(s);
                Color c = v == null ? NEUTRAL : PlaneColors.divergingColor(Math.signum(s) * (0.45 + 0.55 * m), false);
                g.setStroke(c.deriveColor(0, 1, 1, 0.25 + 0.75 * m));
                g.setLineWidth(MIN_LINE + (MAX_LINE - MIN_LINE) * m);
                g.strokeLine(x(li), y(i, l.inputs(), t), x(li + 1), y(j, l.units(), t));
            }
        }
        Wire sel = selected();
        if (sel != null) {
            WiresProbe.Layer l = shown.layers().get(sel.layer());
            double x0 = x(sel.layer()), y0 = y(sel.from(), l.inputs(), t), x1 = x(sel.layer() + 1), y1 = y(sel.to(), l.units(), t);
            g.setStroke(Color.WHITE); // a halo, so the chosen connection stands out of the crossing ones
            g.setLineWidth(6);
            g.strokeLine(x0, y0, x1, y1);
            g.setStroke(SELECTED);
            g.setLineWidth(2.5);
            g.strokeLine(x0, y0, x1, y1);
        }
        g.setFont(javafx.scene.text.Font.font(11));
        for (int c = 0; c < columns; c++) {
            int n = c == 0 ? shown.layers().get(0).inputs() : shown.layers().get(c - 1).units();
            for (int i = 0; i < n; i++) {
                double cx = x(c), cy = y(i, n, t);
                g.setFill(Color.WHITE);
                g.fillOval(cx - radius, cy - radius, 2 * radius, 2 * radius);
                g.setStroke(NEURON);
                g.setLineWidth(1.2);
                g.strokeOval(cx - radius, cy - radius, 2 * radius, 2 * radius);
            }
            g.setFill(NEURON);
            String name = c == 0 ? TEXT.get("wires.input") : shown.layers().get(c - 1).name();
            g.fillText(name, x(c) - radius, canvas.getHeight() - 4);
        }
        showSelection();
    }

    private Wire wire(int layer, int from, int to) {
        if (shown == null || layer >= shown.layers().size()) return null;
        WiresProbe.Layer l = shown.layers().get(layer);
        if (from >= l.inputs() || to >= l.units()) return null;
        int index = from * l.units() + to;
        return new Wire(shownRun.id(), layer, l.nodeId(), l.name(), l.key(), from, to, index, l.weights()[index],
                l.gradient() == null ? Float.NaN : l.gradient()[index]);
    }

    /** The connection nearest to a point of the canvas, within a few pixels; null when none is that close. */
    public Wire wireAt(double px, double py) {
        if (shown == null) return null;
        int t = tallest();
        Wire best = null;
        double bestD = 5;
        for (int li = 0; li < shown.layers().size(); li++) {
            double x0 = x(li), x1 = x(li + 1);
            if (px < x0 - 2 || px > x1 + 2) continue;
            WiresProbe.Layer l = shown.layers().get(li);
            for (int i = 0; i < l.inputs(); i++) {
                for (int j = 0; j < l.units(); j++) {
                    double d = distance(px, py, x0, y(i, l.inputs(), t), x1, y(j, l.units(), t));
                    if (d < bestD) {
                        bestD = d;
                        best = wire(li, i, j);
                    }
                }
            }
        }
        return best;
    }

    private static double distance(double px, double py, double ax, double ay, double bx, double by) {
        double dx = bx - ax, dy = by - ay, len = dx * dx + dy * dy;
        double u = len == 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len));
        double cx = ax + u * dx - px, cy = ay + u * dy - py;
        return Math.sqrt(cx * cx + cy * cy);
    }

    /** Selects a connection (null clears), as a click on it does. */
    public void select(Wire w) {
        selection = w == null ? null : new int[] {w.layer(), w.from(), w.to()};
        problem.setText("");
        if (w != null) value.setText(number(w.weight()));
        redraw();
    }

    private void showSelection() {
        Wire w = selected();
        selectedLabel.setText(w == null ? TEXT.get("wires.pick") : TEXT.get("wires.selected", w.layerName(), w.from() + 1, w.to() + 1,
                number(w.weight()), Float.isNaN(w.gradient()) ? "–" : number(w.gradient())));
    }

    private void commit() {
        Wire w = selected();
        if (w == null) return;
        if (!editable.get()) {
            problem.setText(TEXT.get("wires.pausedOnly"));
            return;
        }
        float v;
        try {
            v = Float.parseFloat(value.getText().trim().replace('−', '-'));
        } catch (NumberFormatException e) {
            problem.setText(TEXT.get("wires.notANumber", value.getText()));
            return;
        }
        if (!Float.isFinite(v)) {
            problem.setText(TEXT.get("wires.notANumber", value.getText()));
            return;
        }
        problem.setText("");
        onEdit.set(w, v);
    }

    /** Shows why an edit did not happen (the window calls it). */
    public void showProblem(String text) { problem.setText(text); }

    /** A weight as the view writes it: four decimals, or scientific for tiny values. */
    public static String number(double v) {
        if (v != 0 && Math.abs(v) < 1e-3) return String.format(Locale.ROOT, "%.3e", v);
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
