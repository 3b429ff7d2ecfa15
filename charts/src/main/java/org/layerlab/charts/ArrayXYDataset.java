package org.layerlab.charts;

import java.util.ArrayList;
import java.util.List;
import org.jfree.data.xy.AbstractXYDataset;

/**
 * An XY dataset over plain arrays that is replaced as a whole, with one change event per frame: the charts
 * hand it the decimated points of every series at once instead of updating JFreeChart series point by point.
 */
final class ArrayXYDataset extends AbstractXYDataset {
    private final List<String> keys = new ArrayList<>();
    private final List<double[]> xs = new ArrayList<>();
    private final List<double[]> ys = new ArrayList<>();

    /** Starts a new frame's set of series; call {@link #add} for each, then {@link #publish()}. */
    void clearSeries() {
        keys.clear();
        xs.clear();
        ys.clear();
    }

    void add(String key, double[] x, double[] y) {
        keys.add(key);
        xs.add(x);
        ys.add(y);
    }

    void publish() { fireDatasetChanged(); }

    @Override public int getSeriesCount() { return keys.size(); }
    @Override public Comparable<?> getSeriesKey(int series) { return keys.get(series); }
    @Override public int getItemCount(int series) { return xs.get(series).length; }
    @Override public Number getX(int series, int item) { return xs.get(series)[item]; }
    @Override public Number getY(int series, int item) { return ys.get(series)[item]; }
    @Override public double getXValue(int series, int item) { return xs.get(series)[item]; }
    @Override public double getYValue(int series, int item) { return ys.get(series)[item]; }

    /** Points handed to JFreeChart this frame, over all series. */
    int pointCount() {
        int n = 0;
        for (double[] x : xs) n += x.length;
        return n;
    }
}
