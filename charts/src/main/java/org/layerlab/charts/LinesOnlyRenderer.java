package org.layerlab.charts;

import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.BitSet;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.Range;
import org.jfree.data.xy.XYDataset;

/**
 * Lines without the item pass: JFreeChart's second pass draws shapes and creates a hover entity per point,
 * which for live curves is an object per drawn point per frame; LayerLab's hover works from the data instead.
 * Sparse series (one point per epoch) can get a dot per point, drawn in the same pass; band series of an
 * {@link ArrayXYDataset} are filled between their low and high edges, at least a pixel tall.
 */
final class LinesOnlyRenderer extends XYLineAndShapeRenderer {
    private static final double DOT = 6;
    private static final double MARK = 11;
    private final BitSet dotted = new BitSet();
    private final BitSet marked = new BitSet();

    LinesOnlyRenderer() {
        super(true, false);
        setDrawSeriesLineAsPath(true);
    }

    @Override public int getPassCount() { return 1; }

    /** The value axis covers bands down to their lower edge. */
    @Override public Range findRangeBounds(XYDataset dataset) { return findRangeBounds(dataset, true); }

    /** Marks every point of a series with a dot in its colour. */
    void setSeriesDots(int series, boolean dots) { dotted.set(series, dots); }

    boolean seriesDots(int series) { return dotted.get(series); }

    /** Marks every point of a series with a filled diamond: a value measured once (a test set after the last epoch). */
    void setSeriesMarks(int series, boolean marks) { marked.set(series, marks); }

    boolean seriesMarks(int series) { return marked.get(series); }

    @Override public void drawItem(Graphics2D g2, XYItemRendererState state, Rectangle2D dataArea, PlotRenderingInfo info,
                                   XYPlot plot, ValueAxis domainAxis, ValueAxis rangeAxis, XYDataset dataset, int series,
                                   int item, CrosshairState crosshairState, int pass) {
        if (dataset instanceof ArrayXYDataset a && a.isBand(series)) {
            if (item == 0 && isSeriesVisible(series)) fillBand(g2, dataArea, plot, domainAxis, rangeAxis, a, series);
            return;
        }
        super.drawItem(g2, state, dataArea, info, plot, domainAxis, rangeAxis, dataset, series, item, crosshairState, pass);
        // The series' line is drawn as one path at its last item, so the dots go on after it, all at once.
        if (dotted.get(series) && item == dataset.getItemCount(series) - 1) drawDots(g2, dataArea, plot, domainAxis, rangeAxis, dataset, series);
        if (marked.get(series) && item == dataset.getItemCount(series) - 1) drawMarks(g2, dataArea, plot, domainAxis, rangeAxis, dataset, series);
    }

    /** Filled diamonds with a white rim, so a single point reads on top of the curves it sits on. */
    private void drawMarks(Graphics2D g2, Rectangle2D dataArea, XYPlot plot, ValueAxis domainAxis, ValueAxis rangeAxis,
                           XYDataset dataset, int series) {
        java.awt.Paint paint = lookupSeriesPaint(series);
        g2.setStroke(new java.awt.BasicStroke(1.5f));
        for (int item = 0; item < dataset.getItemCount(series); item++) {
            double x = domainAxis.valueToJava2D(dataset.getXValue(series, item), dataArea, plot.getDomainAxisEdge());
            double y = rangeAxis.valueToJava2D(dataset.getYValue(series, item), dataArea, plot.getRangeAxisEdge());
            if (!Double.isFinite(x) || !Double.isFinite(y)) continue;
            x = Math.max(dataArea.getMinX() + MARK / 2, Math.min(dataArea.getMaxX() - MARK / 2, x)); // the last step sits on the edge
            Path2D.Double d = new Path2D.Double();
            d.moveTo(x, y - MARK / 2);
            d.lineTo(x + MARK / 2, y);
            d.lineTo(x, y + MARK / 2);
            d.lineTo(x - MARK / 2, y);
            d.closePath();
            g2.setPaint(paint);
            g2.fill(d);
            g2.setPaint(java.awt.Color.WHITE);
            g2.draw(d);
        }
    }

    /** Hollow dots (white inside, the series' colour round it), so they stand out on a line of the same colour. */
    private void drawDots(Graphics2D g2, Rectangle2D dataArea, XYPlot plot, ValueAxis domainAxis, ValueAxis rangeAxis,
                          XYDataset dataset, int series) {
        java.awt.Paint paint = lookupSeriesPaint(series);
        g2.setStroke(new java.awt.BasicStroke(1.5f));
        for (int item = 0; item < dataset.getItemCount(series); item++) {
            if (!getItemVisible(series, item)) continue;
            double x = domainAxis.valueToJava2D(dataset.getXValue(series, item), dataArea, plot.getDomainAxisEdge());
            double y = rangeAxis.valueToJava2D(dataset.getYValue(series, item), dataArea, plot.getRangeAxisEdge());
            if (!Double.isFinite(x) || !Double.isFinite(y) || !dataArea.contains(x, y)) continue;
            Ellipse2D dot = new Ellipse2D.Double(x - DOT / 2, y - DOT / 2, DOT, DOT);
            g2.setPaint(java.awt.Color.WHITE);
            g2.fill(dot);
            g2.setPaint(paint);
            g2.draw(dot);
        }
    }

    /** One filled polygon per stretch of finite columns: the high edge forward, the low edge back. */
    private void fillBand(Graphics2D g2, Rectangle2D dataArea, XYPlot plot, ValueAxis domainAxis, ValueAxis rangeAxis,
                          ArrayXYDataset data, int series) {
        int n = data.getItemCount(series);
        double[] px = new double[n], top = new double[n], bottom = new double[n];
        for (int i = 0; i < n; i++) {
            px[i] = domainAxis.valueToJava2D(data.getXValue(series, i), dataArea, plot.getDomainAxisEdge());
            double hi = rangeAxis.valueToJava2D(data.getYValue(series, i), dataArea, plot.getRangeAxisEdge());
            double lo = rangeAxis.valueToJava2D(data.getLowValue(series, i), dataArea, plot.getRangeAxisEdge());
            top[i] = Math.min(hi, lo) - 0.5; // a column whose values are all equal still shows as a line
            bottom[i] = Math.max(hi, lo) + 0.5;
        }
        g2.setPaint(lookupSeriesPaint(series));
        Path2D.Double band = new Path2D.Double();
        int i = 0;
        while (i < n) {
            while (i < n && !(Double.isFinite(top[i]) && Double.isFinite(bottom[i]))) i++;
            int from = i;
            while (i < n && Double.isFinite(top[i]) && Double.isFinite(bottom[i])) i++;
            if (i - from < 1) continue;
            band.moveTo(px[from], top[from]);
            for (int j = from + 1; j < i; j++) band.lineTo(px[j], top[j]);
            for (int j = i - 1; j >= from; j--) band.lineTo(px[j], bottom[j]);
            band.closePath();
        }
        g2.fill(band);
    }
}
