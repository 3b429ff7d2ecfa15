package org.layerlab.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The charts' one look: a chart styled once follows later changes of theme and presentation mode. */
class ChartStyleTest {
    @AfterEach void light() { ChartStyle.lookProperty().set(ChartStyle.Look.LIGHT); }

    private static JFreeChart chart() {
        JFreeChart c = new JFreeChart(new XYPlot(new XYSeriesCollection(), new NumberAxis("step"), new NumberAxis("loss"), null));
        ChartStyle.apply(c);
        return c;
    }

    @Test void aStyledChartTurnsDarkAndBackWhenTheLookChanges() {
        JFreeChart c = chart();
        assertEquals(Color.WHITE, c.getBackgroundPaint());
        ChartStyle.lookProperty().set(new ChartStyle.Look(true, false));
        Color dark = (Color) c.getBackgroundPaint();
        assertTrue(dark.getRed() + dark.getGreen() + dark.getBlue() < 100, dark.toString());
        assertNotEquals(ChartStyle.TEXT, c.getXYPlot().getDomainAxis().getTickLabelPaint(), "tick labels turn light");
        ChartStyle.lookProperty().set(ChartStyle.Look.LIGHT);
        assertEquals(Color.WHITE, c.getBackgroundPaint());
    }

    @Test void presentationEnlargesFontsAndThickensStrokes() {
        JFreeChart c = chart();
        int tick = c.getXYPlot().getRangeAxis().getTickLabelFont().getSize();
        float line = ((BasicStroke) ChartStyle.solid(2f)).getLineWidth();
        ChartStyle.lookProperty().set(new ChartStyle.Look(false, true));
        assertTrue(c.getXYPlot().getRangeAxis().getTickLabelFont().getSize2D() >= tick * 1.3f);
        assertTrue(((BasicStroke) ChartStyle.solid(2f)).getLineWidth() > line);
        assertEquals(1f, ((BasicStroke) ChartStyle.hairline(1f)).getLineWidth(), "raw values stay hairlines");
    }

    @Test void runColoursStayOkabeItoAndNoneVanishesOnADarkPlot() {
        for (boolean dark : new boolean[] {false, true}) {
            ChartStyle.lookProperty().set(new ChartStyle.Look(dark, false));
            Color bg = ChartStyle.background();
            for (int i = 0; i < ChartStyle.PALETTE.length; i++) {
                Color c = ChartStyle.color(i);
                int distance = Math.abs(c.getRed() - bg.getRed()) + Math.abs(c.getGreen() - bg.getGreen()) + Math.abs(c.getBlue() - bg.getBlue());
                assertTrue(distance > 150, (dark ? "dark" : "light") + " run colour " + i + " too close to the background");
            }
        }
    }
}
