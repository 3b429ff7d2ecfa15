package org.layerlab.charts;

import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.BitSet;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYDataset;

/**
 * Lines without the item pass: JFreeChart's second pass draws shapes and creates a hover entity per point,
 * which for live curves is an object per drawn point per frame; LayerLab's hover works from the data instead.
 * Sparse series (one point per epoch) can get a dot per point, drawn in the same pass.
 */
final class LinesOnlyRenderer extends XYLineAndShapeRenderer {
    private static final double DOT = 5;
    private final BitSet dotted = new BitSet();

    LinesOnlyRenderer() {
        super(true, false);
        setDrawSeriesLineAsPath(true);
    }

    @Override public int getPassCount() { return 1; }

    /** Marks every point of a series with a dot in its colour. */
    void setSeriesDots(int series, boolean dots) { dotted.set(series, dots); }

    boolean seriesDots(int series) { return dotted.get(series); }

    @Override public void drawItem(Graphics2D g2, XYItemRendererState state, Rectangle2D dataArea, PlotRenderingInfo info,
                                   XYPlot plot, ValueAxis domainAxis, ValueAxis rangeAxis, XYDataset dataset, int series,
                                   int item, CrosshairState crosshairState, int pass) {
        super.drawItem(g2, state, dataArea, info, plot, domainAxis, rangeAxis, dataset, series, item, crosshairState, pass);
        if (!dotted.get(series) || !getItemVisible(series, item)) return;
        double x = domainAxis.valueToJava2D(dataset.getXValue(series, item), dataArea, plot.getDomainAxisEdge());
        double y = rangeAxis.valueToJava2D(dataset.getYValue(series, item), dataArea, plot.getRangeAxisEdge());
        if (!Double.isFinite(x) || !Double.isFinite(y) || !dataArea.contains(x, y)) return;
        g2.setPaint(lookupSeriesPaint(series));
        g2.fill(new Ellipse2D.Double(x - DOT / 2, y - DOT / 2, DOT, DOT));
    }
}
