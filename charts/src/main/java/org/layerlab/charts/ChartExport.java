package org.layerlab.charts;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

/**
 * Draws several charts side by side into one PNG or SVG. Call on the FX thread (charts are live objects);
 * only the bytes go to a background thread for writing.
 */
public final class ChartExport {
    private ChartExport() {}

    /** PNG bytes of the charts in a grid of {@code columns}, each cell {@code width}×{@code height} pixels. */
    public static byte[] png(List<JFreeChart> charts, int columns, int width, int height) {
        int cols = Math.max(1, Math.min(columns, charts.size())), rows = (charts.size() + cols - 1) / cols;
        BufferedImage img = new BufferedImage(cols * width, Math.max(1, rows) * height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        draw(g, charts, cols, width, height);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** An SVG document of the charts in a grid, vector throughout. */
    public static String svg(List<JFreeChart> charts, int columns, int width, int height) {
        int cols = Math.max(1, Math.min(columns, charts.size())), rows = (charts.size() + cols - 1) / cols;
        SVGGraphics2D g = new SVGGraphics2D(cols * width, Math.max(1, rows) * height);
        draw(g, charts, cols, width, height);
        return g.getSVGDocument();
    }

    private static void draw(Graphics2D g, List<JFreeChart> charts, int cols, int width, int height) {
        for (int i = 0; i < charts.size(); i++) {
            charts.get(i).draw(g, new Rectangle2D.Double((i % cols) * width, (i / cols) * height, width, height));
        }
    }
}
