package org.layerlab.charts.data;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import org.layerlab.compute.text.Messages;

/**
 * Draw your own data: click to add a point of the chosen class (or, for regression, with the chosen value), drag to
 * paint many, switch to the eraser to remove points under the pointer, or clear them all. Each gesture (press to
 * release) and each Clear is reported once through {@link #setOnEdit}, with the points before and after, so the
 * owner can make it one undoable step; the view shows whatever {@link #setPoints} gives it.
 */
public final class PointCanvasView extends BorderPane {
    /** A drawn point: its place and its class index (classification) or value (regression). */
    public record Point(double x, double y, double value) {}

    /** One finished gesture: what it did ("draw", "erase", "clear"), how many points it touched, before and after. */
    public record Edit(String kind, int count, List<Point> before, List<Point> after) {}

    /** The plot spans this range on both axes (the 2-D teaching sets' range, with a margin). */
    public static final double RANGE = 6;
    /** A drag adds a point every this many pixels of travel. */
    static final double PAINT_SPACING = 9;
    /** The eraser removes points within this many pixels of the pointer. */
    static final double ERASER_RADIUS = 12;
    private static final Messages TEXT = Messages.of("org.layerlab.charts.i18n.preview", PointCanvasView.class);

    private final ScatterPlotView plot = new ScatterPlotView();
    private final ToggleGroup tools = new ToggleGroup();
    private final HBox classButtons = new HBox(4);
    private final ToggleButton eraser = new ToggleButton(TEXT.get("draw.erase"));
    private final Spinner<Double> value = new Spinner<>(-100.0, 100.0, 1.0, 0.5);
    private final Label valueLabel = new Label(TEXT.get("draw.value"));
    private final Button clear = new Button(TEXT.get("draw.clear"));
    private final Label count = new Label();
    private List<Point> points = List.of();
    private List<Point> gestureStart;
    private List<Point> working;
    private double lastX = Double.NaN, lastY;
    private int touched;
    private boolean regression;
    private int classes = 2;
    private Consumer<Edit> onEdit = e -> {};

    public PointCanvasView() {
        setId("point-canvas");
        getStyleClass().add("point-canvas");
        plot.setControlsVisible(false);
        plot.setFixedRange(-RANGE, RANGE);
        plot.setEmptyText(TEXT.get("draw.hint"));
        eraser.setId("draw-erase");
        eraser.setToggleGroup(tools);
        // One tool is always chosen: clicking the chosen one again keeps it (a toggle group would leave none).
        tools.selectedToggleProperty().addListener((o, a, b) -> { if (b == null && a != null && tools.getToggles().contains(a)) tools.selectToggle(a); });
        clear.setId("draw-clear");
        value.setId("draw-value");
        value.setEditable(true);
        value.setPrefWidth(90);
        count.setId("draw-count");
        count.getStyleClass().add("preview-note");
        clear.setOnAction(e -> {
            if (points.isEmpty()) return;
            List<Point> before = points;
            show(List.of());
            onEdit.accept(new Edit("clear", before.size(), before, List.of()));
        });
        HBox bar = new HBox(6, classButtons, valueLabel, value, eraser, clear, count);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(2, 4, 4, 4));
        bar.getStyleClass().add("preview-controls");
        setTop(bar);
        setCenter(plot);
        var c = plot.plotCanvas();
        c.addEventHandler(MouseEvent.MOUSE_PRESSED, this::press);
        c.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::drag);
        c.addEventHandler(MouseEvent.MOUSE_RELEASED, this::release);
        setMode(false, 2);
    }

    /** Classes A, B, … (classification, {@code classCount} of them) or values (regression). */
    public void setMode(boolean regressionMode, int classCount) {
        regression = regressionMode;
        classes = Math.max(2, classCount);
        Object selected = tools.getSelectedToggle() == null ? null : tools.getSelectedToggle().getUserData();
        tools.getToggles().removeIf(t -> t != eraser);
        classButtons.getChildren().clear();
        if (regression) {
            ToggleButton pen = new ToggleButton(TEXT.get("draw.pen"));
            pen.setId("draw-pen");
            pen.setUserData(-1);
            pen.setToggleGroup(tools);
            classButtons.getChildren().add(pen);
        } else {
            for (int k = 0; k < classes; k++) {
                String name = String.valueOf((char) ('A' + k));
                ToggleButton b = new ToggleButton(TEXT.get("draw.class", name), new Circle(5, Palette.classColor(k)));
                b.setId("draw-class-" + name.toLowerCase(java.util.Locale.ROOT));
                b.setUserData(k);
                b.setToggleGroup(tools);
                b.setTooltip(new Tooltip(TEXT.get("draw.classTip", name)));
                classButtons.getChildren().add(b);
            }
        }
        valueLabel.setVisible(regression);
        valueLabel.setManaged(regression);
        value.setVisible(regression);
        value.setManaged(regression);
        tools.getToggles().stream().filter(t -> t != eraser && java.util.Objects.equals(t.getUserData(), selected)).findFirst()
                .ifPresentOrElse(tools::selectToggle, () -> tools.selectToggle(tools.getToggles().get(tools.getToggles().size() > 1 ? 1 : 0)));
        show(points);
    }

    /** Shows these points (after an undo, or when a project opens). */
    public void setPoints(List<Point> p) { show(List.copyOf(p)); }

    public List<Point> points() { return points; }

    /** Called after each finished gesture and each Clear. */
    public void setOnEdit(Consumer<Edit> c) { onEdit = c == null ? e -> {} : c; }

    /** Chooses the class the next points get (classification), or the eraser with -2. */
    public void selectClass(int k) {
        for (var t : tools.getToggles()) if (java.util.Objects.equals(t.getUserData(), k)) tools.selectToggle(t);
    }

    public void selectEraser() { tools.selectToggle(eraser); }

    /** The value the next points get (regression). */
    public void setValue(double v) { value.getValueFactory().setValue(v); }

    public ScatterPlotView plot() { return plot; }

    private void show(List<Point> p) {
        points = p;
        int n = p.size();
        float[] xy = new float[2 * n], t = new float[n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            xy[2 * i] = (float) p.get(i).x();
            xy[2 * i + 1] = (float) p.get(i).y();
            t[i] = (float) p.get(i).value();
            labels[i] = (int) Math.max(0, Math.min(classes - 1, p.get(i).value()));
        }
        List<String> names = new ArrayList<>();
        for (int k = 0; k < classes; k++) names.add(String.valueOf((char) ('A' + k)));
        plot.setData(new PreviewData(List.of("x", "y"), xy, n, new int[] {2}, regression ? null : labels, regression ? null : names,
                regression ? t : null));
        count.setText(TEXT.get("draw.count", n));
    }

    private boolean erasing() { return tools.getSelectedToggle() == eraser; }

    private double currentValue() {
        if (regression) {
            Double v = value.getValue();
            return v == null ? 0 : v;
        }
        Object k = tools.getSelectedToggle() == null ? null : tools.getSelectedToggle().getUserData();
        return k instanceof Integer i && i >= 0 ? i : 0;
    }

    private void press(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY || tools.getSelectedToggle() == null) return;
        gestureStart = points;
        working = new ArrayList<>(points);
        touched = 0;
        lastX = Double.NaN;
        apply(e.getX(), e.getY());
    }

    private void drag(MouseEvent e) {
        if (working == null) return;
        if (!erasing() && !Double.isNaN(lastX) && Math.hypot(e.getX() - lastX, e.getY() - lastY) < PAINT_SPACING) return;
        apply(e.getX(), e.getY());
    }

    private void release(MouseEvent e) {
        if (working == null) return;
        List<Point> before = gestureStart, after = List.copyOf(working);
        working = null;
        gestureStart = null;
        show(after);
        if (touched > 0) onEdit.accept(new Edit(erasing() ? "erase" : "draw", touched, before, after));
    }

    /** Adds a point at the pointer, or removes those near it. */
    private void apply(double px, double py) {
        if (erasing()) {
            int before = working.size();
            working.removeIf(p -> {
                double[] q = plot.toPixel(p.x(), p.y());
                return q != null && Math.hypot(q[0] - px, q[1] - py) <= ERASER_RADIUS;
            });
            touched += before - working.size();
        } else {
            double[] d = plot.toData(px, py);
            if (d == null) return;
            working.add(new Point(round(d[0]), round(d[1]), currentValue()));
            touched++;
            lastX = px;
            lastY = py;
        }
        show(List.copyOf(working));
    }

    /** Three decimals are finer than a pixel and keep the project file short. */
    private static double round(double v) { return Math.round(v * 1000) / 1000.0; }

    /** Colour of a class, for the owner's legends. */
    public static Color classColor(int k) { return Palette.classColor(k); }
}
