package org.layerlab.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.concurrent.ConcurrentLinkedQueue;
import javafx.animation.AnimationTimer;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.ColumnConstraints;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.layerlab.compute.train.TrainingEvents.BatchEnd;
import org.layerlab.compute.train.TrainingEvents.EpochEnd;
import org.layerlab.compute.train.TrainingListener;

/**
 * Live loss and accuracy curves. Training threads only enqueue events; an FX timer drains the queue at most
 * once per frame and adds all points with a single repaint per series.
 */
public final class TrainingCharts extends GridPane {
    private final ConcurrentLinkedQueue<Object> pending = new ConcurrentLinkedQueue<>();
    private final XYSeries batchLoss = new XYSeries("train loss (batch)", false, true);
    private final XYSeries epochLoss = new XYSeries("train loss (epoch)", false, true);
    private final XYSeries valLoss = new XYSeries("validation loss", false, true);
    private final XYSeries epochAccuracy = new XYSeries("train accuracy", false, true);
    private final XYSeries valAccuracy = new XYSeries("validation accuracy", false, true);
    private final TrainingListener listener = new TrainingListener() {
        @Override public void batchEnded(BatchEnd e) { pending.add(e); }
        @Override public void epochEnded(EpochEnd e) { pending.add(e); }
    };

    public TrainingCharts() {
        setId("training-charts");
        setHgap(8);
        ChartViewer loss = viewer("Loss", "loss", batchLoss, epochLoss, valLoss);
        ChartViewer accuracy = viewer("Accuracy", "accuracy", epochAccuracy, valAccuracy);
        loss.setId("loss-chart");
        accuracy.setId("accuracy-chart");
        add(loss, 0, 0);
        add(accuracy, 1, 0);
        for (int i = 0; i < 2; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(50);
            c.setHgrow(Priority.ALWAYS);
            getColumnConstraints().add(c);
        }
        new AnimationTimer() {
            @Override public void handle(long now) { drain(); }
        }.start();
    }

    /** The listener to attach to a trainer; safe to call from any thread, never blocks. */
    public TrainingListener listener() { return listener; }

    /** Removes every point (a new run starts from scratch). */
    public void clear() {
        pending.clear();
        for (XYSeries s : new XYSeries[] {batchLoss, epochLoss, valLoss, epochAccuracy, valAccuracy}) s.clear();
    }

    /** Points currently drawn in the loss and accuracy charts together. */
    public int pointCount() {
        return batchLoss.getItemCount() + epochLoss.getItemCount() + epochAccuracy.getItemCount()
                + valLoss.getItemCount() + valAccuracy.getItemCount();
    }

    private void drain() {
        boolean any = false;
        Object e;
        while ((e = pending.poll()) != null) {
            any = true;
            if (e instanceof BatchEnd b) batchLoss.add(b.step(), b.loss(), false);
            else if (e instanceof EpochEnd ep) {
                Double l = ep.metrics().get("loss"), a = ep.metrics().get("accuracy");
                Double vl = ep.metrics().get("val_loss"), va = ep.metrics().get("val_accuracy");
                if (l != null) epochLoss.add(ep.step(), l, false);
                if (a != null) epochAccuracy.add(ep.step(), a, false);
                if (vl != null) valLoss.add(ep.step(), vl, false);
                if (va != null) valAccuracy.add(ep.step(), va, false);
            }
        }
        if (any) for (XYSeries s : new XYSeries[] {batchLoss, epochLoss, valLoss, epochAccuracy, valAccuracy}) s.fireSeriesChanged();
    }

    private static ChartViewer viewer(String title, String yLabel, XYSeries... series) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (XYSeries s : series) data.addSeries(s);
        JFreeChart chart = ChartFactory.createXYLineChart(title, "step", yLabel, data, PlotOrientation.VERTICAL, true, true, false);
        ChartStyle.apply(chart);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < series.length; i++) {
            Color c = ChartStyle.PALETTE[i % ChartStyle.PALETTE.length];
            r.setSeriesPaint(i, i == 0 && series.length == 3 ? new Color(c.getRed(), c.getGreen(), c.getBlue(), 90) : c);
            r.setSeriesStroke(i, new BasicStroke(i == 0 && series.length == 3 ? 1f : 2f));
        }
        chart.getXYPlot().setRenderer(r);
        ChartViewer v = new ChartViewer(chart);
        v.setPrefSize(400, 220);
        v.setMinSize(100, 120);
        return v;
    }
}
