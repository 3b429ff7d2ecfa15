package org.layerlab.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;

/** LayerLab's chart look: white background, light grid, readable fonts, colour-blind-safe series colours. */
public final class ChartStyle {
    private ChartStyle() {}

    /** Okabe–Ito colours, in the order series are assigned. */
    public static final Color[] PALETTE = {
        new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73), new Color(0xD55E00),
        new Color(0xCC79A7), new Color(0x56B4E9), new Color(0xF0E442), new Color(0x000000)
    };

    public static void apply(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        if (chart.getTitle() != null) chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        if (chart.getLegend() != null) {
            chart.getLegend().setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            chart.getLegend().setFrame(org.jfree.chart.block.BlockBorder.NONE);
        }
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(new Color(0xD1D5DB));
        plot.setDomainGridlinePaint(new Color(0xE5E7EB));
        plot.setRangeGridlinePaint(new Color(0xE5E7EB));
        plot.setDomainGridlineStroke(new BasicStroke(1f));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        Font label = new Font(Font.SANS_SERIF, Font.PLAIN, 12), tick = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
        plot.getDomainAxis().setLabelFont(label);
        plot.getDomainAxis().setTickLabelFont(tick);
        plot.getRangeAxis().setLabelFont(label);
        plot.getRangeAxis().setTickLabelFont(tick);
    }
}
