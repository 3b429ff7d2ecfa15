package org.layerlab.charts.data;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import org.layerlab.charts.ChartStyle;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import javafx.util.StringConverter;
import org.layerlab.compute.text.Messages;

/**
 * A scatter plot of two chosen columns, coloured by class or by value, with a legend. Draws at most
 * {@link #MAX_POINTS} points (an even sample of larger sets), so it stays quick on the FX thread.
 */
public final class ScatterPlotView extends BorderPane {
    /** Larger data sets are drawn as an even sample of this many rows. */
    public static final int MAX_POINTS = 5000;
    private static final Messages TEXT = Messages.of("org.layerlab.charts.i18n.preview", ScatterPlotView.class);
    private static final double LEFT = 48, RIGHT = 12, TOP = 10, BOTTOM = 34, DOT = 5;

    /** How points are coloured. */
    public enum ColourBy { CLASS, VALUE, NONE }

    private final ChoiceBox<Integer> xColumn = new ChoiceBox<>(), yColumn = new ChoiceBox<>();
    private final ChoiceBox<ColourBy> colourBy = new ChoiceBox<>();
    private final HBox controls;
    private final Canvas canvas = new Canvas();
    private final Label empty = new Label();
    private PreviewData data;
    private double[] fixedRange;
    private PlotScale sx, sy;
    private int drawn;
    private boolean updating;
    private boolean userChoseNone;

    public ScatterPlotView() {
        getStyleClass().add("scatter-plot");
        setId("scatter-plot");
        xColumn.setId("scatter-x");
        yColumn.setId("scatter-y");
        colourBy.setId("scatter-colour");
        xColumn.setMinWidth(80);
        yColumn.setMinWidth(80);
        colourBy.setMinWidth(110);
        StringConverter<Integer> names = new StringConverter<>() {
            @Override public String toString(Integer i) { return i == null || data == null || i >= data.columnCount() ? "" : data.columns().get(i); }
            @Override public Integer fromString(String s) { return null; }
        };
        xColumn.setConverter(names);
        yColumn.setConverter(names);
        colourBy.setConverter(new StringConverter<>() {
            @Override public String toString(ColourBy c) { return c == null ? "" : TEXT.get("scatter.colour." + c.name().toLowerCase(java.util.Locale.ROOT)); }
            @Override public ColourBy fromString(String s) { return null; }
        });
        for (var box : List.of(xColumn, yColumn)) box.valueProperty().addListener((o, a, b) -> { if (!updating) draw(); });
        colourBy.valueProperty().addListener((o, a, b) -> {
            if (updating) return;
            userChoseNone = b == ColourBy.NONE;
            draw();
        });
        controls = new HBox(6, new Label(TEXT.get("scatter.x")), xColumn, new Label(TEXT.get("scatter.y")), yColumn,
                new Label(TEXT.get("scatter.colour")), colourBy);
        controls.setAlignment(Pos.CENTER_LEFT);
        controls.setPadding(new Insets(2, 4, 4, 4));
        controls.getStyleClass().add("preview-controls");
        Pane holder = new Pane(canvas);
        holder.setMinSize(120, 100);
        canvas.widthProperty().bind(holder.widthProperty());
        canvas.heightProperty().bind(holder.heightProperty());
        canvas.widthProperty().addListener(o -> draw());
        ChartStyle.onLookChange(this, this::draw); // the theme or presentation mode changed
        canvas.heightProperty().addListener(o -> draw());
        empty.getStyleClass().add("preview-empty");
        empty.setVisible(false);
        empty.setMouseTransparent(true);
        setTop(controls);
        setCenter(new javafx.scene.layout.StackPane(holder, empty));
    }

    /** Shows a data set; keeps the chosen columns when they still exist. FX thread. */
    public void setData(PreviewData d) {
        data = d;
        updating = true;
        try {
            Integer x = xColumn.getValue(), y = yColumn.getValue();
            List<Integer> cols = new ArrayList<>();
            for (int i = 0; i < (d == null ? 0 : d.columnCount()); i++) cols.add(i);
            if (!xColumn.getItems().equals(cols)) {
                xColumn.getItems().setAll(cols);
                yColumn.getItems().setAll(cols);
            }
            xColumn.setValue(x != null && x < cols.size() ? x : cols.isEmpty() ? null : 0);
            yColumn.setValue(y != null && y < cols.size() ? y : cols.size() > 1 ? Integer.valueOf(1) : cols.isEmpty() ? null : 0);
            List<ColourBy> modes = new ArrayList<>();
            if (d != null && d.hasClasses()) modes.add(ColourBy.CLASS);
            if (d != null && d.hasTargets()) modes.add(ColourBy.VALUE);
            modes.add(ColourBy.NONE);
            ColourBy keep = colourBy.getValue();
            colourBy.getItems().setAll(modes);
            // "none" is kept only while nothing else applies: points that gain classes or values show them
            colourBy.setValue(modes.contains(keep) && (keep != ColourBy.NONE || modes.size() == 1 || userChoseNone) ? keep : modes.get(0));
        } finally {
            updating = false;
        }
        draw();
    }

    /** Picks the columns shown on the axes (indexes into the data's columns). */
    public void setColumns(int x, int y) {
        xColumn.setValue(x);
        yColumn.setValue(y);
    }

    public int xColumn() { return xColumn.getValue() == null ? -1 : xColumn.getValue(); }
    public int yColumn() { return yColumn.getValue() == null ? -1 : yColumn.getValue(); }
    public ColourBy colourBy() { return colourBy.getValue(); }
    public void setColourBy(ColourBy c) { colourBy.setValue(c); }

    /** Both axes span [lo, hi] whatever the data (a drawing canvas must not rescale under the pointer); null = fit the data. */
    public void setFixedRange(double lo, double hi) {
        fixedRange = new double[] {lo, hi};
        draw();
    }

    /** Hides the column and colour choices (a canvas with its own controls). */
    public void setControlsVisible(boolean visible) { setTop(visible ? controls : null); }

    /** The text shown over an empty plot ("" hides it). */
    public void setEmptyText(String text) {
        empty.setText(text);
        empty.setVisible(!text.isEmpty() && (data == null || data.rows() == 0));
    }

    /** The canvas the points are drawn on, for pointer handlers (drawing your own points). */
    public Canvas plotCanvas() { return canvas; }

    /** The data coordinates at a pixel of {@link #plotCanvas()}, or null outside the plot area. */
    public double[] toData(double px, double py) {
        if (sx == null || px < LEFT || px > canvas.getWidth() - RIGHT || py < TOP || py > canvas.getHeight() - BOTTOM) return null;
        return new double[] {sx.toData(px), sy.toData(py)};
    }

    /** The pixel of a data point on {@link #plotCanvas()}, or null before the first drawing. */
    public double[] toPixel(double x, double y) { return sx == null ? null : new double[] {sx.toPixel(x), sy.toPixel(y)}; }

    /** Points drawn in the last redraw. */
    public int drawnPoints() { return drawn; }

    public PreviewData data() { return data; }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth(), h = canvas.getHeight();
        g.setFill(ChartStyle.fxBackground());
        g.fillRect(0, 0, w, h);
        drawn = 0;
        empty.setVisible(!empty.getText().isEmpty() && (data == null || data.rows() == 0));
        if (w < LEFT + RIGHT + 10 || h < TOP + BOTTOM + 10) return;
        int cx = xColumn(), cy = yColumn();
        PreviewData d = data;
        boolean hasPoints = d != null && d.rows() > 0 && cx >= 0 && cy >= 0;
        double[] xr, yr;
        if (fixedRange != null) {
            xr = fixedRange;
            yr = fixedRange;
        } else if (hasPoints) {
            xr = PlotScale.padded(min(d, cx), max(d, cx), 0.05);
            yr = PlotScale.padded(min(d, cy), max(d, cy), 0.05);
        } else {
            xr = new double[] {-1, 1};
            yr = new double[] {-1, 1};
        }
        sx = new PlotScale(xr[0], xr[1], LEFT, w - RIGHT);
        sy = new PlotScale(yr[0], yr[1], h - BOTTOM, TOP);
        frame(g, w, h, hasPoints ? d.columns().get(cx) : "", hasPoints ? d.columns().get(cy) : "");
        if (!hasPoints) return;
        ColourBy by = colourBy.getValue() == null ? ColourBy.NONE : colourBy.getValue();
        double tMin = Double.POSITIVE_INFINITY, tMax = Double.NEGATIVE_INFINITY;
        if (by == ColourBy.VALUE) for (int r = 0; r < d.rows(); r++) { double t = d.target(r); if (Double.isFinite(t)) { tMin = Math.min(tMin, t); tMax = Math.max(tMax, t); } }
        int stride = Math.max(1, (d.rows() + MAX_POINTS - 1) / MAX_POINTS);
        g.save();
        g.beginPath();
        g.rect(LEFT, TOP, w - LEFT - RIGHT, h - TOP - BOTTOM);
        g.clip();
        g.setLineWidth(0.8);
        double dot = DOT * ChartStyle.strokeScale(); // larger points in presentation mode
        for (int r = 0; r < d.rows(); r += stride) {
            double x = d.value(r, cx), y = d.value(r, cy);
            if (!Double.isFinite(x) || !Double.isFinite(y)) continue;
            Color c = switch (by) {
                case CLASS -> Palette.classColor(d.labels()[r]);
                case VALUE -> Palette.ramp(tMax > tMin ? (d.target(r) - tMin) / (tMax - tMin) : 0.5);
                case NONE -> ChartStyle.fxText();
            };
            double px = sx.toPixel(x), py = sy.toPixel(y);
            g.setFill(c.deriveColor(0, 1, 1, 0.8));
            g.fillOval(px - dot / 2, py - dot / 2, dot, dot);
            g.setStroke(ChartStyle.fxBackground());
            g.strokeOval(px - dot / 2, py - dot / 2, dot, dot);
            drawn++;
        }
        g.restore();
        legend(g, w, d, by, tMin, tMax);
    }

    private void frame(GraphicsContext g, double w, double h, String xName, String yName) {
        Font font = Font.font("SansSerif", 11 * ChartStyle.fontScale());
        g.setFont(font);
        g.setStroke(ChartStyle.fxGrid());
        g.setLineWidth(1);
        g.setFill(ChartStyle.fxMuted());
        double xs = sx.step((int) Math.max(2, (w - LEFT - RIGHT) / 70)), ys = sy.step((int) Math.max(2, (h - TOP - BOTTOM) / 40));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (double v = Math.ceil(sx.lo / xs) * xs; v <= sx.hi + xs * 1e-9; v += xs) {
            double px = Math.round(sx.toPixel(v)) + 0.5;
            g.strokeLine(px, TOP, px, h - BOTTOM);
            g.fillText(PlotScale.label(v, xs), px, h - BOTTOM + 3);
        }
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (double v = Math.ceil(sy.lo / ys) * ys; v <= sy.hi + ys * 1e-9; v += ys) {
            double py = Math.round(sy.toPixel(v)) + 0.5;
            g.strokeLine(LEFT, py, w - RIGHT, py);
            g.fillText(PlotScale.label(v, ys), LEFT - 4, py);
        }
        g.setStroke(ChartStyle.fxOutline());
        g.strokeRect(LEFT + 0.5, TOP + 0.5, w - LEFT - RIGHT - 1, h - TOP - BOTTOM - 1);
        g.setFill(ChartStyle.fxText());
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(xName, LEFT + (w - LEFT - RIGHT) / 2, h - 2);
        g.save();
        g.translate(11, TOP + (h - TOP - BOTTOM) / 2);
        g.rotate(-90);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(yName, 0, 0);
        g.restore();
    }

    /** Class swatches, or a colour bar with the value range, in the plot's top-right corner. */
    private void legend(GraphicsContext g, double w, PreviewData d, ColourBy by, double tMin, double tMax) {
        g.setFont(Font.font("SansSerif", 11 * ChartStyle.fontScale()));
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        if (by == ColourBy.CLASS) {
            int k = Math.min(d.classNames().size(), 10);
            double scale = ChartStyle.fontScale(), boxW = 16, y = TOP + 6, lineH = 15 * scale, textW = 0;
            for (int c = 0; c < k; c++) textW = Math.max(textW, d.classNames().get(c).length() * 6.5 * scale);
            double x = w - RIGHT - textW - boxW - 14;
            g.setFill(ChartStyle.fxBackground().deriveColor(0, 1, 1, 0.85));
            g.fillRect(x - 4, y - 4, textW + boxW + 14, k * lineH + 6);
            for (int c = 0; c < k; c++) {
                g.setFill(Palette.classColor(c));
                g.fillOval(x, y + c * lineH + lineH / 2 - 5.5, 9, 9);
                g.setFill(ChartStyle.fxText());
                g.fillText(d.classNames().get(c), x + boxW, y + c * lineH + lineH / 2 - 1);
            }
        } else if (by == ColourBy.VALUE && tMax >= tMin) {
            double barW = 90, x = w - RIGHT - barW - 10, y = TOP + 8;
            g.setFill(ChartStyle.fxBackground().deriveColor(0, 1, 1, 0.85));
            g.fillRect(x - 6, y - 5, barW + 12, 30);
            for (int i = 0; i < barW; i++) {
                g.setFill(Palette.ramp(i / barW));
                g.fillRect(x + i, y, 1.5, 8);
            }
            g.setFill(ChartStyle.fxText());
            g.setTextBaseline(VPos.TOP);
            g.fillText(PlotScale.label(tMin, Math.max(1e-6, (tMax - tMin) / 100)), x, y + 10);
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText(PlotScale.label(tMax, Math.max(1e-6, (tMax - tMin) / 100)), x + barW, y + 10);
        }
    }

    private static double min(PreviewData d, int c) {
        double m = Double.POSITIVE_INFINITY;
        for (int r = 0; r < d.rows(); r++) { float v = d.value(r, c); if (v < m) m = v; }
        return m;
    }

    private static double max(PreviewData d, int c) {
        double m = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < d.rows(); r++) { float v = d.value(r, c); if (v > m) m = v; }
        return m;
    }
}
