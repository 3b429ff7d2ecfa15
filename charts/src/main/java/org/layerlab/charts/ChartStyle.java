package org.layerlab.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Stroke;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleInsets;

/**
 * LayerLab's chart look, the one place for it: JFreeChart and the views drawn on a canvas ignore JavaFX CSS, so they
 * read their colours, fonts and stroke widths here. The {@link Look} follows the window's theme (light or dark) and
 * presentation mode (larger fonts, thicker strokes); charts styled through {@link #apply} restyle when it changes.
 * Series colours are Okabe–Ito (colour-blind safe) in every look. Touch only on the FX thread.
 */
public final class ChartStyle {
    private ChartStyle() {}

    /** How charts look: dark or light plot, and presentation mode's larger fonts and thicker strokes. */
    public record Look(boolean dark, boolean presentation) {
        public static final Look LIGHT = new Look(false, false);
    }

    /** The chart views' style sheet (charts.css), added by each view like the editor's canvas.css. */
    public static final String SHEET = ChartStyle.class.getResource("charts.css").toExternalForm();

    /** Okabe–Ito colours in the order runs get them (yellow last: it is faint on white). */
    public static final Color[] PALETTE = {
        new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
        new Color(0xE69F00), new Color(0x56B4E9), new Color(0x000000), new Color(0xF0E442)
    };
    /** The same on a dark plot: Okabe–Ito's black would vanish, so it becomes white, and its blue is lifted. */
    private static final Color[] DARK_PALETTE = {
        new Color(0x3D9BE0), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
        new Color(0xE69F00), new Color(0x56B4E9), new Color(0xF2F2F2), new Color(0xF0E442)
    };

    public static final Color GRID = new Color(0xE5E7EB);
    public static final Color OUTLINE = new Color(0xD1D5DB);
    public static final Color TEXT = new Color(0x1F2937);
    // PrimerDark's own colours, so a chart sits on the window's background without a frame.
    private static final Color DARK_BACKGROUND = new Color(0x0D1117);
    private static final Color DARK_GRID = new Color(0x30363D);
    private static final Color DARK_OUTLINE = new Color(0x484F58);
    private static final Color DARK_TEXT = new Color(0xE6EDF3);
    public static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    public static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    public static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 13);
    /** Presentation mode: fonts readable from the back of a room, strokes visible on a washed-out projector. */
    private static final float PRESENTATION_FONT_SCALE = 1.4f;
    private static final float PRESENTATION_STROKE_SCALE = 1.6f;

    private static final ObjectProperty<Look> LOOK = new SimpleObjectProperty<>(Look.LIGHT);
    private static final Set<JFreeChart> STYLED = Collections.newSetFromMap(new WeakHashMap<>());

    static {
        LOOK.addListener(o -> { for (JFreeChart c : STYLED.toArray(new JFreeChart[0])) style(c); });
    }

    /** The look charts follow; the application sets it from its theme and presentation mode. */
    public static ObjectProperty<Look> lookProperty() { return LOOK; }

    public static Look look() { return LOOK.get(); }

    /**
     * Runs {@code redraw} whenever the look changes, for as long as {@code owner} lives (the listener is kept in the
     * owner's properties and held weakly by the look, so a closed view is not kept alive).
     */
    public static void onLookChange(javafx.scene.Node owner, Runnable redraw) {
        InvalidationListener l = o -> redraw.run();
        owner.getProperties().put(ChartStyle.class.getName() + "@" + System.identityHashCode(l), l);
        LOOK.addListener(new WeakInvalidationListener(l));
    }

    public static Color color(int index) {
        Color[] p = look().dark() ? DARK_PALETTE : PALETTE;
        return p[Math.floorMod(index, p.length)];
    }

    public static Color background() { return look().dark() ? DARK_BACKGROUND : Color.WHITE; }
    public static Color grid() { return look().dark() ? DARK_GRID : GRID; }
    public static Color outline() { return look().dark() ? DARK_OUTLINE : OUTLINE; }
    public static Color text() { return look().dark() ? DARK_TEXT : TEXT; }
    /** Lines that should recede (a crosshair, a reference marker). */
    public static Color muted() { return look().dark() ? new Color(0x8B949E) : new Color(0x6B7280); }

    public static Font labelFont() { return scaled(LABEL_FONT); }
    public static Font tickFont() { return scaled(TICK_FONT); }
    public static Font titleFont() { return scaled(TITLE_FONT); }

    /** Line widths multiply by this (1.6 in presentation mode). */
    public static float strokeScale() { return look().presentation() ? PRESENTATION_STROKE_SCALE : 1f; }

    /** Font sizes multiply by this (1.4 in presentation mode), for views that draw text themselves. */
    public static double fontScale() { return look().presentation() ? PRESENTATION_FONT_SCALE : 1.0; }

    private static Font scaled(Font f) {
        return look().presentation() ? f.deriveFont(f.getSize2D() * PRESENTATION_FONT_SCALE) : f;
    }

    /** A colour for the views drawn on a JavaFX canvas. */
    public static javafx.scene.paint.Color fx(Color c) {
        return javafx.scene.paint.Color.rgb(c.getRed(), c.getGreen(), c.getBlue(), c.getAlpha() / 255.0);
    }

    public static javafx.scene.paint.Color fxBackground() { return fx(background()); }
    public static javafx.scene.paint.Color fxText() { return fx(text()); }
    public static javafx.scene.paint.Color fxMuted() { return fx(muted()); }
    public static javafx.scene.paint.Color fxGrid() { return fx(grid()); }
    public static javafx.scene.paint.Color fxOutline() { return fx(outline()); }

    public static Color faint(Color c, int alpha) { return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha); }

    public static Stroke solid(float width) {
        return new BasicStroke(width * strokeScale(), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    /** A line that keeps its width in presentation mode (the faint raw values under a smoothed curve). */
    public static Stroke hairline(float width) {
        return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    public static Stroke dashed(float width) {
        float s = strokeScale();
        return new BasicStroke(width * s, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {6f * s, 4f * s}, 0f);
    }

    /** The validation curve's own dash (long dash, dot), distinct from the plain dashes of markers. */
    public static Stroke validationDash(float width) {
        float s = strokeScale();
        return new BasicStroke(width * s, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {9f * s, 3f * s, 2f * s, 3f * s}, 0f);
    }

    /**
     * A shade of a run's colour for its validation curve, so it reads apart from the training curve beside it:
     * deeper on a light plot, lighter on a dark one.
     */
    public static Color deep(Color c) {
        if (look().dark()) {
            return new Color(c.getRed() + (255 - c.getRed()) * 45 / 100, c.getGreen() + (255 - c.getGreen()) * 45 / 100,
                    c.getBlue() + (255 - c.getBlue()) * 45 / 100);
        }
        return new Color((int) (c.getRed() * 0.55), (int) (c.getGreen() * 0.55), (int) (c.getBlue() * 0.55));
    }

    /**
     * The alpha of the faint raw values under a smoothed curve: halved in presentation mode, where the curve is what
     * the room must see and a washed-out projector would merge the two.
     */
    public static int rawAlpha(int alpha) { return look().presentation() ? alpha / 2 : alpha; }

    /** A shade that stands out more against the plot: darker on a light plot, brighter on a dark one. */
    public static Color stronger(Color c) { return look().dark() ? c.brighter() : c.darker(); }

    /** Styles a chart for the current look, and again whenever the look changes. */
    public static void apply(JFreeChart chart) {
        STYLED.add(chart);
        style(chart);
    }

    private static void style(JFreeChart chart) {
        chart.setBackgroundPaint(background());
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(4, 4, 4, 8));
        if (chart.getTitle() != null) {
            chart.getTitle().setFont(titleFont());
            chart.getTitle().setPaint(text());
        }
        if (chart.getLegend() != null) {
            chart.getLegend().setItemFont(tickFont());
            chart.getLegend().setItemPaint(text());
            chart.getLegend().setBackgroundPaint(background());
            chart.getLegend().setFrame(BlockBorder.NONE);
        }
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(background());
        plot.setOutlinePaint(outline());
        plot.setDomainGridlinePaint(grid());
        plot.setRangeGridlinePaint(grid());
        plot.setDomainGridlineStroke(new BasicStroke(1f));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        styleAxis(plot.getDomainAxis());
        styleAxis(plot.getRangeAxis());
    }

    public static void styleAxis(ValueAxis axis) {
        axis.setLabelFont(labelFont());
        axis.setLabelPaint(text());
        axis.setTickLabelFont(tickFont());
        axis.setTickLabelPaint(text());
        axis.setAxisLinePaint(outline());
        axis.setTickMarkPaint(outline());
    }
}
