package org.layerlab.charts.inside;

import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.layerlab.charts.data.Palette;
import org.layerlab.charts.model.RunData;
import org.layerlab.charts.model.RunStore;
import org.layerlab.compute.text.Messages;
import org.layerlab.compute.train.probe.DecisionProbe;
import org.layerlab.compute.train.probe.PlaneGrid;
import org.layerlab.compute.train.probe.PlanePoints;

/**
 * The network's output over the input plane of a 2-D data set, as its latest decision probe measured it: class colours
 * paled where the network is unsure (classification) or a diverging scale (regression), with the training points on
 * top and, on a toggle, the validation and test points. "Discretise" shows only the chosen class (or value bands).
 * Drawn from plain results on the FX thread when the dashboard's timer says so; it computes nothing.
 */
public final class DecisionView extends VBox {
    static final Messages TEXT = Messages.of("org.layerlab.charts.i18n.inside", DecisionView.class);

    private final RunStore store;
    private final Canvas canvas = new Canvas();
    private final Label caption = new Label();
    private final Label empty = new Label(TEXT.get("decision.empty"));
    private final FlowPane legend = new FlowPane(10, 4);
    private final CheckBox heldOut = new CheckBox(TEXT.get("decision.heldOut"));
    private final CheckBox discretise = new CheckBox(TEXT.get("decision.discretise"));
    private RunData picked;
    private DecisionProbe.Result shown;
    private PlanePoints shownPoints;
    private String legendKey = "";
    private WritableImage image;
    private int[] pixels = new int[0];
    private long draws;
    /** What a click on a training point does (the dashboard shows that sample in Step through); and the point picked. */
    private java.util.function.IntConsumer onPick = i -> {};
    private int highlighted = -1;

    public DecisionView(RunStore store) {
        this.store = store;
        setId("decision-view");
        getStyleClass().add("decision-view");
        Label title = new Label(TEXT.get("decision.title"));
        title.getStyleClass().add("inside-title");
        caption.setId("decision-caption");
        caption.getStyleClass().add("inside-caption");
        empty.setId("decision-empty");
        empty.getStyleClass().add("inside-empty");
        empty.setWrapText(true);
        empty.setMouseTransparent(true);
        heldOut.setId("decision-heldout");
        discretise.setId("decision-discretise");
        heldOut.selectedProperty().addListener(o -> draw());
        discretise.selectedProperty().addListener(o -> draw());
        legend.setId("decision-legend");
        legend.getStyleClass().add("inside-legend");

        Pane plot = new Pane(canvas);
        plot.getStyleClass().add("decision-plot");
        StackPane holder = new StackPane(plot, empty);
        holder.setMinSize(180, 180);
        holder.setPrefSize(300, 300);
        // Square: as wide as the panel, and as tall as it is wide.
        holder.prefHeightProperty().bind(holder.widthProperty());
        canvas.widthProperty().bind(plot.widthProperty());
        canvas.heightProperty().bind(plot.heightProperty());
        canvas.widthProperty().addListener(o -> draw());
        org.layerlab.charts.ChartStyle.onLookChange(this, this::draw);
        canvas.heightProperty().addListener(o -> draw());
        canvas.setOnMouseClicked(e -> {
            int i = trainingPointAt(e.getX(), e.getY());
            if (i >= 0) onPick.accept(i);
        });
        FlowPane toggles = new FlowPane(12, 4, heldOut, discretise); // wraps in a narrow panel rather than cutting the names
        toggles.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(title, caption, holder, legend, toggles);
        setSpacing(4);
        setFillWidth(true);
        refresh();
    }

    /** Shows a run picked elsewhere (the run list) when it has a grid. */
    public void pick(RunData r) {
        picked = r;
        refresh();
    }

    /** The grid on screen now, or null (tests). */
    public DecisionProbe.Result shownGrid() { return shown; }

    /** How many times the plot has been drawn (tests: it changes as training goes on). */
    public long draws() { return draws; }

    /** The plot as drawn now (tests compare its pixels). FX thread. */
    public WritableImage plotImage() { return canvas.snapshot(null, null); }

    public CheckBox heldOutToggle() { return heldOut; }

    /** A click on a training point passes its index in the training set to {@code c}. */
    public void setOnTrainingPointPicked(java.util.function.IntConsumer c) { onPick = java.util.Objects.requireNonNull(c); }

    /** The training point ringed (-1: none). */
    public int highlighted() { return highlighted; }

    /** Rings training point {@code i} (-1: none), the sample Step through shows. */
    public void highlight(int i) {
        if (i == highlighted) return;
        highlighted = i;
        draw();
    }

    /** The plot's square on the canvas: left, top, side (as drawn). */
    private double[] frame() {
        double w = canvas.getWidth(), h = canvas.getHeight(), pad = 22;
        return new double[] {pad, 4, Math.min(w - pad - 6, h - pad - 6)};
    }

    /** Where training point {@code i} is drawn on the canvas, or null when none is shown. */
    public javafx.geometry.Point2D pointOf(int i) {
        PlanePoints.Part train = shownPoints == null ? null : shownPoints.part(PlanePoints.Role.TRAIN);
        if (shown == null || train == null || i < 0 || i >= train.size()) return null;
        double[] f = frame();
        PlaneGrid grid = shown.grid();
        return new javafx.geometry.Point2D(f[0] + (train.xy()[2 * i] - grid.xMin()) / (grid.xMax() - grid.xMin()) * f[2],
                f[1] + (grid.yMax() - train.xy()[2 * i + 1]) / (grid.yMax() - grid.yMin()) * f[2]);
    }

    /** The training point nearest to canvas point (x, y) within 8 px (its index in the training set), else -1. */
    public int trainingPointAt(double x, double y) {
        PlanePoints.Part train = shownPoints == null ? null : shownPoints.part(PlanePoints.Role.TRAIN);
        if (shown == null || train == null) return -1;
        int best = -1;
        double bestD = 8 * 8;
        for (int i = 0; i < train.size(); i++) {
            javafx.geometry.Point2D p = pointOf(i);
            double d = (p.getX() - x) * (p.getX() - x) + (p.getY() - y) * (p.getY() - y);
            if (d <= bestD) { bestD = d; best = i; }
        }
        return best;
    }
    public CheckBox discretiseToggle() { return discretise; }

    /** The run shown: the one picked in the run list while it has a grid, else the newest run with one. */
    private RunData subject() {
        List<RunData> runs = store.runs();
        if (picked != null && runs.contains(picked) && picked.decision() != null) return picked;
        for (int i = runs.size() - 1; i >= 0; i--) if (runs.get(i).decision() != null) return runs.get(i);
        return null;
    }

    /** Takes the latest result and draws it when it is new. FX thread (the dashboard's timer). */
    public void refresh() {
        RunData r = subject();
        DecisionProbe.Result d = r == null ? null : r.decision();
        PlanePoints p = r == null ? null : r.planePoints();
        empty.setVisible(d == null);
        caption.setText(d == null ? "" : TEXT.get("decision.caption", r.name(), d.step(), d.epoch()));
        if (d == shown && p == shownPoints) return;
        shown = d;
        shownPoints = p;
        updateLegend();
        draw();
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth(), h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        DecisionProbe.Result d = shown;
        if (d == null || w < 40 || h < 40) return;
        draws++;
        double pad = 22, side = Math.min(w - pad - 6, h - pad - 6), ox = pad, oy = 4;
        PlaneGrid grid = d.grid();
        int n = grid.resolution();
        if (pixels.length != n * n) pixels = new int[n * n];
        boolean disc = discretise.isSelected();
        double[] scale = valueScale(d, shownPoints);
        for (int i = 0; i < n * n; i++) {
            pixels[i] = d.classification() ? PlaneColors.classCell(d.values(), i * d.channels(), d.channels(), disc)
                    : PlaneColors.diverging((d.values()[i * d.channels()] - scale[0]) / scale[1], disc);
        }
        image = PlaneColors.image(pixels, n, image);
        g.setImageSmoothing(!disc);
        g.drawImage(image, ox, oy, side, side);
        g.setStroke(org.layerlab.charts.ChartStyle.fxOutline());
        g.setLineWidth(1);
        g.strokeRect(ox + 0.5, oy + 0.5, side - 1, side - 1);
        drawPoints(g, d, ox, oy, side);
        javafx.geometry.Point2D hp = pointOf(highlighted);
        if (hp != null) { // the sample Step through shows: a ring in the text colour, readable on either class
            g.setStroke(org.layerlab.charts.ChartStyle.fxText());
            g.setLineWidth(2.5);
            g.strokeOval(hp.getX() - 7, hp.getY() - 7, 14, 14);
        }
        drawTicks(g, grid, ox, oy, side);
    }

    /** The centre and half-range of the regression colour scale: the targets' (so points and plane agree), else the grid's. */
    private static double[] valueScale(DecisionProbe.Result d, PlanePoints p) {
        double lo, hi;
        double[] t = p == null ? new double[] {Double.NaN, Double.NaN} : p.targetRange();
        if (Double.isFinite(t[0])) { lo = t[0]; hi = t[1]; }
        else {
            lo = Double.POSITIVE_INFINITY; hi = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < d.values().length; i += d.channels()) { lo = Math.min(lo, d.values()[i]); hi = Math.max(hi, d.values()[i]); }
        }
        double half = Math.max(1e-6, (hi - lo) / 2);
        return new double[] {(lo + hi) / 2, half};
    }

    private void drawPoints(GraphicsContext g, DecisionProbe.Result d, double ox, double oy, double side) {
        PlanePoints p = shownPoints;
        if (p == null) return;
        PlaneGrid grid = d.grid();
        double[] scale = valueScale(d, p);
        for (PlanePoints.Part part : p.parts()) {
            boolean train = part.role() == PlanePoints.Role.TRAIN;
            if (!train && !heldOut.isSelected()) continue;
            double r = train ? 3.2 : 3.6;
            for (int i = 0; i < part.size(); i++) {
                double x = ox + (part.xy()[2 * i] - grid.xMin()) / (grid.xMax() - grid.xMin()) * side;
                double y = oy + (grid.yMax() - part.xy()[2 * i + 1]) / (grid.yMax() - grid.yMin()) * side;
                Color c = part.labels() != null ? Palette.classColor(part.labels()[i])
                        : part.targets() != null ? PlaneColors.divergingColor((part.targets()[i * (part.targets().length / part.size())] - scale[0]) / scale[1], false)
                        : Color.GRAY;
                if (train) {
                    g.setFill(c);
                    g.fillOval(x - r, y - r, 2 * r, 2 * r);
                    g.setStroke(Color.WHITE);
                    g.setLineWidth(1);
                    g.strokeOval(x - r, y - r, 2 * r, 2 * r);
                } else { // held out: a ring, so it reads apart from the training points
                    g.setFill(Color.WHITE);
                    g.fillRect(x - r, y - r, 2 * r, 2 * r);
                    g.setStroke(c.darker());
                    g.setLineWidth(2);
                    g.strokeRect(x - r, y - r, 2 * r, 2 * r);
                }
            }
        }
    }

    private static void drawTicks(GraphicsContext g, PlaneGrid grid, double ox, double oy, double side) {
        g.setFill(org.layerlab.charts.ChartStyle.fxText()); // the axis numbers follow the theme (dark panel: light text)
        g.setFont(Font.font("SansSerif", 11));
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(number(grid.xMin()), ox, oy + side + 3);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(number(grid.xMax()), ox + side, oy + side + 3);
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText("x", ox + side / 2, oy + side + 3);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(number(grid.yMax()), ox - 3, oy);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(number(grid.yMin()), ox - 3, oy + side);
        g.setTextBaseline(VPos.CENTER);
        g.fillText("y", ox - 6, oy + side / 2);
    }

    private static String number(double v) { return String.format(Locale.ROOT, "%.0f", v); }

    /** Class swatches with names, or the value scale's ends; rebuilt only when what it names changes. */
    private void updateLegend() {
        DecisionProbe.Result d = shown;
        String key = d == null ? "" : d.classification() ? "c" + d.classNames() : "r" + java.util.Arrays.toString(valueScale(d, shownPoints));
        if (key.equals(legendKey)) return;
        legendKey = key;
        legend.getChildren().clear();
        if (d == null) return;
        if (d.classification()) {
            for (int k = 0; k < d.channels(); k++) {
                String name = k < d.classNames().size() ? d.classNames().get(k) : TEXT.get("decision.class", k);
                Label l = new Label(name, new Circle(5, Palette.classColor(k)));
                l.getStyleClass().add("inside-legend-item");
                legend.getChildren().add(l);
            }
            Label hint = new Label(TEXT.get("decision.paleHint"));
            hint.getStyleClass().add("inside-hint");
            legend.getChildren().add(hint);
        } else {
            double[] s = valueScale(d, shownPoints);
            HBox bar = new HBox();
            for (int i = 0; i < 24; i++) {
                Rectangle r = new Rectangle(6, 10, PlaneColors.divergingColor(i / 23.0 * 2 - 1, false));
                bar.getChildren().add(r);
            }
            Label lo = new Label(String.format(Locale.ROOT, "%.2f", s[0] - s[1])), hi = new Label(String.format(Locale.ROOT, "%.2f", s[0] + s[1]));
            Region gap = new Region();
            legend.getChildren().addAll(new Label(TEXT.get("decision.value")), lo, bar, hi, gap);
        }
    }
}
