package org.layerlab.charts;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.layerlab.compute.train.probe.ParameterStats;
import org.layerlab.charts.model.RunData;
import org.layerlab.charts.model.RunStore;

/**
 * Per-parameter distributions over time as TensorBoard-style percentile bands (weights and gradients), and the
 * update-to-parameter ratio of every parameter of the run on a log10 scale.
 */
public final class WeightsView extends BorderPane {
    /** Band pairs as indexes into {@link ParameterStats#PERCENTILES}: outermost first. */
    private static final int[][] BANDS = {{0, 8}, {1, 7}, {2, 6}, {3, 5}};
    private static final int MEDIAN = 4;
    /** At most this many samples are drawn per curve (evenly spread, the newest always), so long runs stay cheap to paint. */
    static final int MAX_DRAWN_SAMPLES = 400;

    private final RunStore store;
    private final RunChoice run;
    private final ChoiceBox<String> parameter = new ChoiceBox<>();
    private final Label info = new Label(PanelText.TEXT.get("weights.empty"));
    private final YIntervalSeriesCollection weightBands = new YIntervalSeriesCollection();
    private final YIntervalSeriesCollection gradBands = new YIntervalSeriesCollection();
    private final XYSeriesCollection ratios = new XYSeriesCollection();
    private final JFreeChart weightChart, gradChart, ratioChart;
    private final XYLineAndShapeRenderer ratioRenderer = new LinesOnlyRenderer();
    private RunData shownRun;
    private String shownParameter;
    private int shownSamples = -1;

    WeightsView(RunStore store) {
        this.store = store;
        setId("weights-view");
        run = new RunChoice(store, r -> !r.parameterStats().isEmpty());
        run.setId("weights-run");
        run.setPrefWidth(130);
        parameter.setPrefWidth(180);
        parameter.setId("weights-parameter");
        run.valueProperty().addListener(o -> refresh());
        parameter.valueProperty().addListener(o -> refresh());
        HBox top = new HBox(10, new Label(PanelText.TEXT.get("run")), run, new Label(PanelText.TEXT.get("weights.parameter")), parameter, info);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(4, 8, 4, 8));
        weightChart = bandChart(weightBands, ChartStyle.color(0));
        gradChart = bandChart(gradBands, ChartStyle.color(1));
        ratioChart = ratioChart();
        label();
        // JFreeChart keeps its texts itself: a switch of language sets them again.
        getProperties().put("layerlab.relabel", (Runnable) this::label);
        GridPane grid = new GridPane();
        grid.setHgap(6);
        grid.setPadding(new Insets(4));
        for (int i = 0; i < 3; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(100 / 3.0);
            c.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(c);
        }
        RowConstraints row = new RowConstraints();
        row.setVgrow(Priority.ALWAYS);
        grid.getRowConstraints().add(row);
        grid.add(viewer(weightChart, "weights-chart"), 0, 0);
        grid.add(viewer(gradChart, "gradients-chart"), 1, 0);
        grid.add(viewer(ratioChart, "update-ratio-chart"), 2, 0);
        setTop(top);
        setCenter(grid);
        getStyleClass().add("chart-panel");
        getStylesheets().add(ChartStyle.SHEET);
        ChartStyle.onLookChange(this, this::restyle);
    }

    private static ChartViewer viewer(JFreeChart chart, String id) {
        ChartViewer v = new ChartViewer(chart);
        v.setId(id);
        v.setMinSize(150, 120);
        v.setPrefSize(330, 220);
        return v;
    }

    /** The charts' titles and axis names in the current language. */
    private void label() {
        title(weightChart, "weights.weights", "weights.weightValue");
        title(gradChart, "weights.gradients", "weights.gradientValue");
        title(ratioChart, "weights.ratioTitle", "weights.ratioAxis");
        ((ValueMarker) ratioChart.getXYPlot().getRangeMarkers(org.jfree.chart.ui.Layer.FOREGROUND).iterator().next())
                .setLabel(PanelText.TEXT.get("weights.typical"));
    }

    private static void title(JFreeChart chart, String titleKey, String axisKey) {
        chart.setTitle(titleKey.equals("weights.ratioTitle") ? PanelText.TEXT.get(titleKey)
                : PanelText.TEXT.get("weights.percentiles", PanelText.TEXT.get(titleKey)));
        chart.getXYPlot().getDomainAxis().setLabel(PanelText.TEXT.get("weights.step"));
        chart.getXYPlot().getRangeAxis().setLabel(PanelText.TEXT.get(axisKey));
    }

    private static JFreeChart bandChart(YIntervalSeriesCollection data, Color color) {
        DeviationRenderer r = new DeviationRenderer(true, false);
        r.setAlpha(0.22f);
        XYPlot plot = new XYPlot(data, axis("", true), axis("", false), r);
        JFreeChart chart = new JFreeChart("", ChartStyle.TITLE_FONT, plot, false);
        ChartStyle.apply(chart);
        styleBands(chart, color);
        return chart;
    }

    /** The median's line and the percentile bands' fill, in the look's colour and stroke width. */
    private static void styleBands(JFreeChart chart, Color color) {
        DeviationRenderer r = (DeviationRenderer) chart.getXYPlot().getRenderer();
        for (int i = 0; i < BANDS.length; i++) {
            r.setSeriesFillPaint(i, color);
            r.setSeriesPaint(i, i == BANDS.length - 1 ? color : ChartStyle.faint(color, 0));
            r.setSeriesStroke(i, ChartStyle.solid(i == BANDS.length - 1 ? 1.5f : 0.1f));
        }
    }

    /** A new look (theme, presentation mode): the colours and widths set per series follow. */
    private void restyle() {
        styleBands(weightChart, ChartStyle.color(0));
        styleBands(gradChart, ChartStyle.color(1));
        var markers = ratioChart.getXYPlot().getRangeMarkers(org.jfree.chart.ui.Layer.FOREGROUND);
        if (markers != null) for (Object m : markers) styleMarker((ValueMarker) m);
        refresh();
    }

    private static void styleMarker(ValueMarker m) {
        m.setPaint(ChartStyle.muted());
        m.setStroke(ChartStyle.dashed(1f));
        m.setLabelFont(ChartStyle.tickFont());
        m.setLabelPaint(ChartStyle.text());
    }

    private JFreeChart ratioChart() {
        ratioRenderer.setDrawSeriesLineAsPath(true);
        XYPlot plot = new XYPlot(ratios, axis("", true), axis("", false), ratioRenderer);
        ValueMarker healthy = new ValueMarker(-3, ChartStyle.muted(), ChartStyle.dashed(1f));
        healthy.setLabel(PanelText.TEXT.get("weights.typical"));
        styleMarker(healthy);
        healthy.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_LEFT);
        healthy.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.BOTTOM_LEFT);
        plot.addRangeMarker(healthy);
        JFreeChart chart = new JFreeChart("", ChartStyle.TITLE_FONT, plot, true);
        ChartStyle.apply(chart);
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setItemFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 11));
        return chart;
    }

    private static NumberAxis axis(String label, boolean integer) {
        NumberAxis a = new NumberAxis(label);
        a.setAutoRangeIncludesZero(false);
        if (integer) a.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        return a;
    }

    /** Charts on this tab, for export and tests. */
    public List<JFreeChart> charts() { return List.of(weightChart, gradChart, ratioChart); }

    /** Samples drawn for the chosen parameter. */
    public int shownSamples() { return Math.max(0, shownSamples); }

    /** Shows a run picked elsewhere (the run list), if it has data here. */
    void pick(RunData r) {
        run.sync();
        run.pick(r);
    }

    void refresh() {
        RunData r = run.sync();
        if (r == null) {
            showNothing();
            return;
        }
        Map<String, List<ParameterStats>> stats = r.parameterStats();
        List<String> names = new ArrayList<>(stats.keySet());
        if (!parameter.getItems().equals(names)) {
            String keep = parameter.getValue();
            parameter.getItems().setAll(names);
            parameter.setValue(keep != null && names.contains(keep) ? keep : names.isEmpty() ? null : names.get(0));
        }
        String p = parameter.getValue();
        List<ParameterStats> samples = p == null ? List.of() : stats.getOrDefault(p, List.of());
        if (r == shownRun && p != null && p.equals(shownParameter) && samples.size() == shownSamples) return;
        shownRun = r;
        shownParameter = p;
        shownSamples = samples.size();
        info.setText(samples.isEmpty() ? "" : PanelText.TEXT.get("weights.samples", samples.size(), samples.get(samples.size() - 1).step()));
        for (JFreeChart c : charts()) c.setNotify(false);
        try {
            List<ParameterStats> thin = thin(samples);
            fillBands(weightBands, thin, true);
            fillBands(gradBands, thin, false);
            fillRatios(stats);
        } finally {
            for (JFreeChart c : charts()) c.setNotify(true);
        }
    }

    /** The empty state: no run with statistics (none yet, or another project was opened). */
    private void showNothing() {
        if (shownRun == null && shownSamples == -1) return;
        shownRun = null;
        shownParameter = null;
        shownSamples = -1;
        parameter.getItems().clear();
        info.setText(PanelText.TEXT.get("weights.empty"));
        weightBands.removeAllSeries();
        gradBands.removeAllSeries();
        ratios.removeAllSeries();
    }

    /** The layers' parameters offered in the Parameter box ("dense-1/kernel", …); empty when no run has statistics. */
    public List<String> parameterNames() { return List.copyOf(parameter.getItems()); }

    static <T> List<T> thin(List<T> all) {
        int n = all.size();
        if (n <= MAX_DRAWN_SAMPLES) return all;
        List<T> out = new ArrayList<>(MAX_DRAWN_SAMPLES);
        double stride = (n - 1) / (double) (MAX_DRAWN_SAMPLES - 1);
        for (int i = 0; i < MAX_DRAWN_SAMPLES; i++) out.add(all.get((int) Math.round(i * stride)));
        return out;
    }

    private static void fillBands(YIntervalSeriesCollection data, List<ParameterStats> samples, boolean weights) {
        data.removeAllSeries();
        for (int[] band : BANDS) {
            YIntervalSeries s = new YIntervalSeries(ParameterStats.PERCENTILES[band[0]] + "–" + ParameterStats.PERCENTILES[band[1]] + " %", false, true);
            for (ParameterStats st : samples) {
                if (!weights && st.step() == 0) continue; // no gradient before the first step
                double lo = weights ? st.weightPercentile(band[0]) : st.gradPercentile(band[0]);
                double hi = weights ? st.weightPercentile(band[1]) : st.gradPercentile(band[1]);
                double mid = weights ? st.weightPercentile(MEDIAN) : st.gradPercentile(MEDIAN);
                s.add(new org.jfree.data.xy.YIntervalDataItem(st.step(), mid, lo, hi), false);
            }
            data.addSeries(s);
        }
    }

    private void fillRatios(Map<String, List<ParameterStats>> stats) {
        ratios.removeAllSeries();
        int i = 0;
        for (Map.Entry<String, List<ParameterStats>> e : stats.entrySet()) {
            XYSeries s = new XYSeries(e.getKey(), false, true);
            for (ParameterStats st : thin(e.getValue())) if (Double.isFinite(st.updateRatioLog10())) s.add(st.step(), st.updateRatioLog10(), false);
            ratios.addSeries(s);
            ratioRenderer.setSeriesPaint(i, ChartStyle.color(i), false);
            ratioRenderer.setSeriesStroke(i, ChartStyle.solid(1.5f), false);
            i++;
        }
    }
}
