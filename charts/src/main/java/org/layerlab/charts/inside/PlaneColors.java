package org.layerlab.charts.inside;

import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.layerlab.charts.data.Palette;

/**
 * The colours of the plane views: class colours (the data previews' Okabe–Ito palette) paled where the network is
 * unsure, and a diverging blue–white–orange scale for values. Pixels are packed ARGB ints, written to an image in one go.
 */
final class PlaneColors {
    private PlaneColors() {}

    private static final Color NEGATIVE = Color.web("#2166AC"), MIDDLE = Color.web("#F7F7F7"), POSITIVE = Color.web("#E66101");
    /** How far a fully sure cell goes from white towards its class colour (1 would hide the points). */
    private static final double MAX_STRENGTH = 0.48, MIN_STRENGTH = 0.06;
    /** Discretised values fall into this many bands. */
    static final int BANDS = 8;

    /**
     * A cell's colour from its class probabilities: the class colours mixed by probability, paler the closer the cell
     * is to a tie; discretised, the most likely class alone at one strength.
     */
    static int classCell(float[] p, int offset, int classes, boolean discretise) {
        int best = 0;
        for (int k = 1; k < classes; k++) if (p[offset + k] > p[offset + best]) best = k;
        if (discretise) return argb(Color.WHITE.interpolate(Palette.classColor(best), 0.5 * MAX_STRENGTH + 0.1));
        double r = 0, g = 0, b = 0;
        for (int k = 0; k < classes; k++) {
            Color c = Palette.classColor(k);
            double w = p[offset + k];
            r += w * c.getRed(); g += w * c.getGreen(); b += w * c.getBlue();
        }
        double chance = 1.0 / classes;
        double sure = classes < 2 ? 1 : Math.max(0, Math.min(1, (p[offset + best] - chance) / (1 - chance)));
        Color mixed = Color.color(clamp(r), clamp(g), clamp(b));
        return argb(Color.WHITE.interpolate(mixed, MIN_STRENGTH + (MAX_STRENGTH - MIN_STRENGTH) * sure));
    }

    /** A value at {@code t} in [−1, 1] on the diverging scale (clamped); discretised into {@link #BANDS} bands. */
    static int diverging(double t, boolean discretise) { return argb(divergingColor(t, discretise)); }

    static Color divergingColor(double t, boolean discretise) {
        if (!Double.isFinite(t)) return Color.web("#9CA3AF");
        t = Math.max(-1, Math.min(1, t));
        if (discretise) t = (Math.floor((t + 1) / 2 * BANDS - 1e-9) + 0.5) / BANDS * 2 - 1;
        return t < 0 ? MIDDLE.interpolate(NEGATIVE, -t) : MIDDLE.interpolate(POSITIVE, t);
    }

    /** An image of {@code size}² pixels from packed ARGB values, row by row from the top. */
    static WritableImage image(int[] argb, int size, WritableImage reuse) {
        WritableImage img = reuse != null && (int) reuse.getWidth() == size && (int) reuse.getHeight() == size ? reuse : new WritableImage(size, size);
        img.getPixelWriter().setPixels(0, 0, size, size, PixelFormat.getIntArgbInstance(), argb, 0, size);
        return img;
    }

    static int argb(Color c) {
        return 0xFF000000 | ((int) Math.round(c.getRed() * 255) << 16) | ((int) Math.round(c.getGreen() * 255) << 8) | (int) Math.round(c.getBlue() * 255);
    }

    private static double clamp(double v) { return Math.max(0, Math.min(1, v)); }
}
