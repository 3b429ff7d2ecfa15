package org.layerlab.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Stroke;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleInsets;

/** LayerLab's chart look: white background, light grid, readable fonts, colour-blind-safe series colours. */
public final class ChartStyle {
    private ChartStyle() {}

    /** Okabe–Ito colours in the order runs get them (yellow last: it is faint on white). */
    public static final Color[] PALETTE = {
        new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
        new Color(0xE69F00), new Color(0x56B4E9), new Color(0x000000), new Color(0xF0E442)
    };

    /** The chart views' style sheet (charts.css), added by each view like the editor's canvas.css. */
    public static final String SHEET = ChartStyle.class.getResource("charts.css").toExternalForm();

    public static final Color GRID = new Color(0xE5E7EB);
    public static final Color OUTLINE = new Color(0xD1D5DB);
    public static final Color TEXT = new Color(0x1F2937);
    public static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    public static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    public static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 13);

    public static Color color(int index) { return PALETTE[Math.floorMod(index, PALETTE.length)]; }

    public static Color faint(Color c, int alpha) { return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha); }

    public static Stroke solid(float width) { return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND); }

    public static Stroke dashed(float width) {
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {6f, 4f}, 0f);
    }

    /** The validation curve's own dash (long dash, dot), distinct from the plain dashes of markers. */
    public static Stroke validationDash(float width) {
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {9f, 3f, 2f, 3f}, 0f);
    }

    /** A deeper shade of a run's colour for its validation curve, so it reads apart from the training curve beside it. */
    public static Color deep(Color c) {
        return new Color((int) (c.getRed() * 0.55), (int) (c.getGreen() * 0.55), (int) (c.getBlue() * 0.55));
    }

    public static void apply(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(4, 4, 4, 8));
        if (chart.getTitle() != null) {
            chart.getTitle().setFont(TITLE_FONT);
            chart.getTitle().setPaint(TEXT);
        }
        if (chart.getLegend() != null) {
            chart.getLegend().setItemFont(TICK_FONT);
            chart.getLegend().setFrame(BlockBorder.NONE);
        }
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(OUTLINE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlineStroke(new BasicStroke(1f));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        styleAxis(plot.getDomainAxis());
        styleAxis(plot.getRangeAxis());
    }

    public static void styleAxis(ValueAxis axis) {
        axis.setLabelFont(LABEL_FONT);
        axis.setLabelPaint(TEXT);
        axis.setTickLabelFont(TICK_FONT);
        axis.setTickLabelPaint(TEXT);
        axis.setAxisLinePaint(OUTLINE);
        axis.setTickMarkPaint(OUTLINE);
    }
}
