package org.layerlab.charts;

import java.awt.Color;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.StackPane;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.fx.ChartCanvas;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.fx.interaction.PanHandlerFX;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;
import org.layerlab.charts.model.AxisRange;
import org.layerlab.charts.model.Column;
import org.layerlab.charts.model.Decimation;
import org.layerlab.charts.model.RunData;
import org.layerlab.charts.model.SmoothedSeries;
import org.layerlab.charts.model.Tags;
import org.layerlab.charts.model.XAxisKind;

/**
 * One metric's chart: the train (solid), train epoch average (solid with dots, where the train curve is per
 * batch) and validation (dashed) curves of every visible run, each smoothed
 * over its faint raw curve, decimated to the pixel width; with crosshair and one tooltip on hover, zoom by
 * drag or wheel, pan by Ctrl+drag.
 */
final class ScalarChart {
    private static final int RAW_ALPHA = 60;
    private static final org.layerlab.compute.text.Messages TEXT =
            org.layerlab.compute.text.Messages.of("org.layerlab.charts.i18n.regression", ScalarChart.class);

    /** The kinds of curve a run has on a metric's chart, with how they are drawn and named in the tooltip. */
    enum Curve {
        TRAIN("train"), EPOCH_TRAIN("avg"), VALIDATION("val"), TEST("test");

        final String label;

        Curve(String label) { this.label = label; }
    }

    /** A curve on the chart this frame, for the tooltip. */
    private record Drawn(RunData run, String tag, Curve curve, SmoothedSeries series) {}

    private final String metric;
    private final ScalarSettings settings;
    private final ArrayXYDataset data = new ArrayXYDataset();
    private final LinesOnlyRenderer renderer = new LinesOnlyRenderer();
    private final XYPlot plot;
    private final JFreeChart chart;
    private final ChartViewer viewer;
    private final StackPane node;
    private final Label tip = new Label();
    private final Map<String, SmoothedSeries> cache = new HashMap<>();
    private List<Drawn> drawn = List.of();
    private XAxisKind axisKind;
    private boolean axisLog;
    private Runnable onZoom = () -> {};
    private long drawnPoints;

    ScalarChart(String metric, ScalarSettings settings) {
        this.metric = metric;
        this.settings = settings;
        plot = new XYPlot(data, new NumberAxis(XAxisKind.STEP.axisLabel()), new NumberAxis(yLabel(metric)), renderer);
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
        plot.setDomainPannable(true);
        plot.setRangePannable(true);
        plot.setDomainCrosshairPaint(ChartStyle.muted());
        plot.setDomainCrosshairStroke(ChartStyle.solid(1f));
        plot.setDomainCrosshairLockedOnData(false);
        renderer.setDrawSeriesLineAsPath(true);
        renderer.setAutoPopulateSeriesPaint(false);
        renderer.setAutoPopulateSeriesStroke(false);
        chart = new JFreeChart(null, ChartStyle.TITLE_FONT, plot, false);
        ChartStyle.apply(chart);
        useAxes(XAxisKind.STEP, false);

        viewer = new ChartViewer(chart);
        viewer.setId("chart-" + metric);
        viewer.setMinSize(150, 120);
        viewer.setPrefSize(480, 240);
        ChartCanvas canvas = viewer.getCanvas();
        canvas.setTooltipEnabled(false);
        canvas.removeMouseHandler(canvas.getMouseHandler("pan"));
        canvas.addMouseHandler(new PanHandlerFX("pan", false, true, false, false)); // Ctrl+drag pans

        tip.getStyleClass().add("chart-tooltip");
        tip.setManaged(false);
        tip.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        tip.setVisible(false);
        tip.setMouseTransparent(true);
        node = new StackPane(viewer, tip);
        StackPane.setAlignment(tip, Pos.TOP_LEFT);
        viewer.widthProperty().addListener(o -> onZoom.run()); // decimation follows the pixel width
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, this::hover);
        canvas.addEventHandler(javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED, this::pointMenu);
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> hideHover());
    }

    String metric() { return metric; }
    StackPane node() { return node; }
    JFreeChart chart() { return chart; }
    XYPlot plot() { return plot; }
    LinesOnlyRenderer renderer() { return renderer; }
    ChartViewer viewer() { return viewer; }
    Label tooltip() { return tip; }
    void setOnZoom(Runnable r) { onZoom = r; }

    /** Points handed to JFreeChart in the last refresh. */
    long drawnPoints() { return drawnPoints; }

    /** The y values drawn for one run's smoothed train curve (key "runId:tag:smooth"), for tests. */
    double[] drawnValues(String key) {
        for (int i = 0; i < data.getSeriesCount(); i++) {
            if (data.getSeriesKey(i).equals(key)) {
                double[] y = new double[data.getItemCount(i)];
                for (int j = 0; j < y.length; j++) y[j] = data.getYValue(i, j);
                return y;
            }
        }
        return null;
    }

    /** Whether the drawn series with this key is a filled band (dense raw values). */
    boolean band(String key) {
        List<String> keys = drawnKeys();
        return keys.contains(key) && data.isBand(keys.indexOf(key));
    }

    /** Whether the drawn series with this key has a dot on every point. */
    boolean dotted(String key) {
        List<String> keys = drawnKeys();
        return keys.contains(key) && renderer.seriesDots(keys.indexOf(key));
    }

    /** Keys of the series drawn now. */
    List<String> drawnKeys() {
        List<String> k = new ArrayList<>();
        for (int i = 0; i < data.getSeriesCount(); i++) k.add((String) data.getSeriesKey(i));
        return k;
    }

    boolean zoomed() { return !plot.getDomainAxis().isAutoRange(); }

    void resetZoom() {
        plot.getDomainAxis().setAutoRange(true);
        plot.getRangeAxis().setAutoRange(true);
    }

    /** Rebuilds what is drawn from the runs (on the FX thread; cost grows with pixels, not with points). */
    void refresh(List<RunData> runs) {
        plot.setDomainCrosshairPaint(ChartStyle.muted()); // the look may have changed since the last frame
        plot.setDomainCrosshairStroke(ChartStyle.solid(1f));
        chart.setNotify(false); // every change below, then one repaint
        try {
            update(runs);
        } finally {
            chart.setNotify(true);
        }
    }

    private void update(List<RunData> runs) {
        XAxisKind kind = settings.xAxis.get();
        boolean log = settings.logY.get();
        if (kind != axisKind || log != axisLog) useAxes(kind, log);
        SmoothedSeries.Mode mode = settings.mode.get();
        double weight = settings.weight();
        int window = Math.max(1, settings.window.get());

        List<Drawn> list = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (RunData run : runs) {
            if (!run.visible()) continue;
            String[] tags = {Tags.trainTag(run, metric), settings.showEpochTrain.get() ? Tags.epochTrainTag(run, metric) : null,
                    Tags.validationTag(metric), Tags.testTag(metric)};
            for (Curve curve : Curve.values()) {
                String tag = tags[curve.ordinal()];
                if (tag == null || run.find(tag) == null || run.find(tag).size() == 0) continue;
                String key = run.id() + ":" + tag;
                used.add(key);
                SmoothedSeries s = cache.computeIfAbsent(key, k -> new SmoothedSeries(run.find(tag)));
                s.update(kind, mode, weight, window);
                list.add(new Drawn(run, tag, curve, s));
            }
        }
        cache.keySet().retainAll(used);
        drawn = list;

        double from, to;
        boolean zoomed = zoomed();
        if (zoomed) {
            from = plot.getDomainAxis().getLowerBound();
            to = plot.getDomainAxis().getUpperBound();
        } else {
            from = Double.POSITIVE_INFINITY;
            to = Double.NEGATIVE_INFINITY;
            for (Drawn d : list) {
                from = Math.min(from, d.series.x().get(0));
                to = Math.max(to, d.series.x().get(d.series.size() - 1));
            }
            if (!(to > from)) to = from + 1;
        }
        int columns = (int) Math.max(100, Math.min(4000, viewer.getWidth()));

        data.clearSeries();
        int index = 0;
        long points = 0;
        List<double[]> ys = new ArrayList<>();
        // Raw values first, then the smoothed curves with every validation curve last: drawn on top of the bands.
        List<Drawn> smoothFirst = new ArrayList<>(list);
        smoothFirst.sort(java.util.Comparator.comparing(d -> d.curve == Curve.VALIDATION));
        for (int pass = settings.showRaw.get() ? 0 : 1; pass < 2; pass++) {
            for (Drawn d : pass == 0 ? list : smoothFirst) {
                Column values = pass == 0 ? d.series.raw() : d.series.smoothed();
                String key = d.run.id() + ":" + d.tag + (pass == 0 ? ":raw" : ":smooth");
                // Dense raw values are drawn as their min/max band: what the zigzag line would cover, at a
                // fraction of the render thread's work.
                Decimation.Band band = pass == 0 ? Decimation.envelope(d.series.x(), values, d.series.size(), from, to, columns) : null;
                if (band != null) {
                    double[] low = log ? positiveOnly(band.low()) : band.low(), high = log ? positiveOnly(band.high()) : band.high();
                    data.addBand(key, band.x(), low, high);
                    ys.add(low);
                    ys.add(high);
                    points += 2L * band.size();
                } else {
                    Decimation.Points p = Decimation.minMax(d.series.x(), values, d.series.size(), from, to, columns);
                    double[] y = log ? positiveOnly(p.y()) : p.y();
                    data.add(key, p.x(), y);
                    ys.add(y);
                    points += y.length;
                }
                Color c = ChartStyle.color(d.run.colorIndex());
                // The epoch averages are darker than the per-batch curve they run along, so both stay readable.
                boolean val = d.curve == Curve.VALIDATION;
                renderer.setSeriesPaint(index, pass == 0 ? ChartStyle.faint(val ? ChartStyle.deep(c) : c, ChartStyle.rawAlpha(RAW_ALPHA))
                        : val ? ChartStyle.deep(c) : d.curve == Curve.EPOCH_TRAIN ? ChartStyle.stronger(c) : c, false);
                float width = pass == 0 ? 1f : d.curve == Curve.EPOCH_TRAIN ? 1.5f : val ? 2.5f : 2f;
                // The faint raw values stay hairlines in every look: thickened, their noise would bury the curves.
                renderer.setSeriesStroke(index, pass == 0 ? ChartStyle.hairline(width)
                        : val ? ChartStyle.validationDash(width) : ChartStyle.solid(width), false);
                renderer.setSeriesDots(index, pass == 1 && d.curve == Curve.EPOCH_TRAIN);
                renderer.setSeriesMarks(index, pass == 1 && d.curve == Curve.TEST); // one point, measured after the last epoch
                index++;
            }
        }
        drawnPoints = points;
        markForks(runs, kind, (from + to) / 2);
        if (!zoomed) {
            AxisRange.Range r = settings.ignoreOutliers.get() ? AxisRange.ignoringOutliers(concat(ys), points(ys), log) : null;
            Range flat = log ? null : flatRange(ys);
            if (r != null && r.upper() > r.lower()) plot.getRangeAxis().setRange(new Range(r.lower(), r.upper()), true, false);
            else if (flat != null) plot.getRangeAxis().setRange(flat, true, false);
            else if (!plot.getRangeAxis().isAutoRange()) plot.getRangeAxis().setAutoRange(true);
        }
        data.publish();
    }

    private void markForks(List<RunData> runs, XAxisKind kind, double middle) {
        var old = plot.getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND);
        if (old != null && !old.isEmpty()) plot.clearDomainMarkers();
        for (RunData run : runs) {
            if (!run.visible() || run.info().parentRunId() == null || run.info().forkStep() == null) continue;
            double x;
            if (kind == XAxisKind.STEP) x = run.info().forkStep();
            else {
                var s = run.find(Tags.trainTag(run, metric));
                if (s == null || s.size() == 0) continue;
                x = s.x(kind, 0);
            }
            RunData parent = null;
            for (RunData r : runs) if (r.id() == run.info().parentRunId()) parent = r;
            ValueMarker m = new ValueMarker(x, ChartStyle.color(run.colorIndex()), ChartStyle.dashed(1.5f));
            // A branch's own name says what changed ("Run 1 → learning rate 0.003"); the marker adds where it forked.
            String parentName = parent != null ? parent.name() : TEXT.get("fork.parent", run.info().parentRunId());
            // Charts are narrow: a branch named after its parent shows only what changed ("learning rate 0.003").
            String prefix = parentName + " \u2192 ";
            m.setLabel(run.name().startsWith(prefix) ? run.name().substring(prefix.length())
                    : TEXT.get("fork.label", run.name(), parentName, run.info().forkStep()));
            m.setLabelBackgroundColor(ChartStyle.faint(ChartStyle.background(), 220));
            m.setLabelFont(ChartStyle.tickFont());
            m.setLabelPaint(ChartStyle.color(run.colorIndex()));
            boolean right = x < middle; // keep the label inside the plot: right of a fork in the left half, else left of it
            m.setLabelAnchor(right ? RectangleAnchor.TOP_RIGHT : RectangleAnchor.TOP_LEFT);
            m.setLabelTextAnchor(right ? TextAnchor.TOP_LEFT : TextAnchor.TOP_RIGHT);
            plot.addDomainMarker(0, m, org.jfree.chart.ui.Layer.FOREGROUND, false);
        }
    }

    private void useAxes(XAxisKind kind, boolean log) {
        axisKind = kind;
        axisLog = log;
        ValueAxis x;
        if (kind == XAxisKind.WALL) {
            DateAxis d = new DateAxis(kind.axisLabel());
            d.setDateFormatOverride(new SimpleDateFormat("HH:mm:ss"));
            x = d;
        } else {
            NumberAxis n = new NumberAxis(kind.axisLabel());
            n.setAutoRangeIncludesZero(false);
            if (kind == XAxisKind.STEP) n.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            x = n;
        }
        x.setLowerMargin(0.01);
        x.setUpperMargin(0.02);
        ValueAxis y;
        if (log) {
            LogAxis l = new LogAxis(PanelText.TEXT.get("chart.logScale", yLabel(metric)));
            l.setSmallestValue(1e-12);
            y = l;
        } else {
            NumberAxis n = new NumberAxis(yLabel(metric));
            n.setAutoRangeIncludesZero(false);
            y = n;
        }
        ChartStyle.styleAxis(x);
        ChartStyle.styleAxis(y);
        plot.setDomainAxis(0, x, false);
        plot.setRangeAxis(0, y, false);
        x.addChangeListener(e -> { if (!x.isAutoRange()) onZoom.run(); });
    }

    /**
     * A range around a (nearly) constant series, such as a constant learning rate, or null when the values
     * spread: auto-ranging would zoom into rounding noise and print ticks like 9.9999998E-3.
     */
    static Range flatRange(List<double[]> ys) {
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (double[] y : ys) for (double v : y) if (Double.isFinite(v)) { min = Math.min(min, v); max = Math.max(max, v); }
        if (min > max) return null;
        double scale = Math.max(Math.abs(min), Math.abs(max));
        if (max - min > 1e-6 * scale + Double.MIN_NORMAL) return null;
        double pad = scale == 0 ? 1 : scale * 0.5;
        return new Range(min - pad, max + pad);
    }

    private static final org.layerlab.compute.text.Messages CONTROL_TEXT = org.layerlab.compute.text.Messages.of("org.layerlab.charts.i18n.chartcontrols", ScalarChart.class);

    /** Axis label with the unit where the metric has one. */
    static String yLabel(String metric) {
        return switch (metric) {
            case "accuracy" -> CONTROL_TEXT.get("axis.accuracy");
            case "loss" -> CONTROL_TEXT.get("axis.loss");
            case "rmse" -> TEXT.get("axis.rmse");
            case "r2" -> TEXT.get("axis.r2");
            default -> metric.replace('_', ' ');
        };
    }

    private void hover(MouseEvent e) {
        var info = viewer.getCanvas().getRenderingInfo();
        if (info == null || info.getPlotInfo() == null || drawn.isEmpty()) { hideHover(); return; }
        var area = info.getPlotInfo().getDataArea();
        if (!area.contains(e.getX(), e.getY())) { hideHover(); return; }
        double xv = plot.getDomainAxis().java2DToValue(e.getX(), area, plot.getDomainAxisEdge());
        plot.setDomainCrosshairVisible(true);
        plot.setDomainCrosshairValue(xv);
        tip.setText(tooltipText(xv));
        tip.setVisible(true);
        node.setViewOrder(-1); // above the neighbouring charts, which the tooltip may overlap
        tip.applyCss();
        double w = tip.prefWidth(-1), h = tip.prefHeight(-1);
        javafx.geometry.Bounds room = room();
        double px = e.getX() + 14 + w > room.getMaxX() ? e.getX() - 14 - w : e.getX() + 14;
        px = Math.max(room.getMinX(), Math.min(room.getMaxX() - w, px));
        double py = Math.max(room.getMinY(), Math.min(room.getMaxY() - h, e.getY() - h / 2));
        tip.resizeRelocate(px, py, w, h);
    }

    /**
     * Where the tooltip may go, in this chart's coordinates: the scroll pane the charts sit in (it clips what
     * leaves it) or else the window, so the tooltip is never cut off by a neighbouring panel or the window's edge.
     */
    javafx.geometry.Bounds room() {
        javafx.scene.Node clip = node.getParent();
        while (clip != null && !(clip instanceof javafx.scene.control.ScrollPane)) clip = clip.getParent();
        if (clip != null) return node.sceneToLocal(clip.localToScene(clip.getLayoutBounds()));
        if (node.getScene() == null) return node.getLayoutBounds();
        return node.sceneToLocal(new javafx.geometry.BoundingBox(0, 0, node.getScene().getWidth(), node.getScene().getHeight()));
    }

    /** What the application offers at a point of a curve (branching from there); none without a store. */
    private org.layerlab.charts.model.RunStore store;
    private javafx.scene.control.ContextMenu menu;

    void useStore(org.layerlab.charts.model.RunStore s) { store = s; }

    /** Right-click on a curve: the point actions for each drawn run at its point nearest the pointer. */
    private void pointMenu(javafx.scene.input.ContextMenuEvent e) {
        if (menu != null) menu.hide();
        var info = viewer.getCanvas().getRenderingInfo();
        if (store == null || store.pointActions().isEmpty() || info == null || info.getPlotInfo() == null) return;
        var area = info.getPlotInfo().getDataArea();
        if (!area.contains(e.getX(), e.getY())) return;
        double xv = plot.getDomainAxis().java2DToValue(e.getX(), area, plot.getDomainAxisEdge());
        var items = pointItems(xv);
        if (items.isEmpty()) return;
        menu = new javafx.scene.control.ContextMenu(items.toArray(javafx.scene.control.MenuItem[]::new));
        menu.show(node, e.getScreenX(), e.getScreenY());
        e.consume();
    }

    /** The point actions at x value {@code xv}: one item per drawn run and action that applies at its nearest step. */
    java.util.List<javafx.scene.control.MenuItem> pointItems(double xv) {
        java.util.List<javafx.scene.control.MenuItem> items = new java.util.ArrayList<>();
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (Drawn d : drawn) {
            if (!seen.add(d.run.id())) continue; // one entry a run, at its first curve's point
            int i = Decimation.nearest(d.series.x(), d.series.size(), xv);
            if (i < 0) continue;
            long step = d.series.source().step(i);
            for (var a : store.pointActions()) {
                if (!a.enabled().test(d.run, step)) continue;
                javafx.scene.control.MenuItem item = new javafx.scene.control.MenuItem(a.text().apply(d.run, step));
                item.setOnAction(ev -> a.action().accept(d.run, step));
                items.add(item);
            }
        }
        return items;
    }

    /** The tooltip's text at an x value: for every drawn curve, the nearest point's step, raw, smoothed and time. */
    String tooltipText(double xv) {
        StringBuilder sb = new StringBuilder();
        for (Drawn d : drawn) {
            int i = Decimation.nearest(d.series.x(), d.series.size(), xv);
            if (i < 0) continue;
            var src = d.series.source();
            if (sb.length() > 0) sb.append('\n');
            sb.append(PanelText.TEXT.get("chart.readout", String.format(Locale.ROOT, "%-10s", shorten(d.run.name())),
                    String.format(Locale.ROOT, "%-5s", PanelText.TEXT.get("curve." + d.curve.label)), String.format(Locale.ROOT, "%,d", src.step(i)),
                    format(src.value(i)), format(d.series.smoothed().get(i)),
                    time(src.relativeSeconds(i), axisKind == XAxisKind.WALL ? src.wallMillis(i) : Double.NaN)));
        }
        return sb.toString();
    }

    private static String shorten(String s) { return s.length() <= 10 ? s : s.substring(0, 9) + "…"; }

    private static String format(double v) {
        if (!Double.isFinite(v)) return Double.toString(v);
        return Math.abs(v) >= 1e4 || (v != 0 && Math.abs(v) < 1e-3) ? String.format(Locale.ROOT, "%.3e", v) : String.format(Locale.ROOT, "%.4f", v);
    }

    private static String time(double seconds, double wall) {
        String rel = seconds < 60 ? PanelText.TEXT.get("chart.seconds", String.format(Locale.ROOT, "%.1f", seconds))
                : PanelText.TEXT.get("chart.minutes", String.format(Locale.ROOT, "%d:%02d", (long) seconds / 60, (long) seconds % 60));
        return Double.isFinite(wall) ? rel + " (" + new SimpleDateFormat("HH:mm:ss").format(new Date((long) wall)) + ")" : rel;
    }

    private void hideHover() {
        tip.setVisible(false);
        node.setViewOrder(0);
        if (plot.isDomainCrosshairVisible()) plot.setDomainCrosshairVisible(false);
    }

    private static double[] positiveOnly(double[] y) {
        double[] out = y.clone();
        for (int i = 0; i < out.length; i++) if (!(out[i] > 0)) out[i] = Double.NaN;
        return out;
    }

    private static int points(List<double[]> ys) {
        int n = 0;
        for (double[] y : ys) n += y.length;
        return n;
    }

    private static double[] concat(List<double[]> ys) {
        double[] all = new double[points(ys)];
        int k = 0;
        for (double[] y : ys) {
            System.arraycopy(y, 0, all, k, y.length);
            k += y.length;
        }
        return all;
    }
}
