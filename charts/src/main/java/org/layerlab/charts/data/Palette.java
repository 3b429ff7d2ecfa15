package org.layerlab.charts.data;

import javafx.scene.paint.Color;

/** Colours of the data previews: Okabe–Ito for classes (colour-blind safe), a viridis-like ramp for values. */
public final class Palette {
    private Palette() {}

    private static final Color[] CLASSES = {
        Color.web("#0072B2"), Color.web("#D55E00"), Color.web("#009E73"), Color.web("#CC79A7"),
        Color.web("#E69F00"), Color.web("#56B4E9"), Color.web("#000000"), Color.web("#F0E442"),
        Color.web("#7F7F7F"), Color.web("#8C564B")
    };

    private static final Color[] RAMP = {
        Color.web("#440154"), Color.web("#3B528B"), Color.web("#21918C"), Color.web("#5EC962"), Color.web("#FDE725")
    };

    /**
     * The colour of class {@code c}: the first eight are the runs' Okabe–Ito colours from ChartStyle, so they follow
     * the look (on a dark plot Okabe–Ito's black becomes white).
     */
    public static Color classColor(int c) {
        int i = Math.floorMod(c, CLASSES.length);
        return i < org.layerlab.charts.ChartStyle.PALETTE.length ? org.layerlab.charts.ChartStyle.fx(org.layerlab.charts.ChartStyle.color(i)) : CLASSES[i];
    }

    /** The colour of a value at {@code t} in [0, 1] of its range (clamped). */
    public static Color ramp(double t) {
        if (!(t >= 0)) t = 0;
        if (t > 1) t = 1;
        double p = t * (RAMP.length - 1);
        int i = (int) Math.min(RAMP.length - 2, Math.floor(p));
        return RAMP[i].interpolate(RAMP[i + 1], p - i);
    }
}
