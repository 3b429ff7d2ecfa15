package org.layerlab.charts;

import java.util.ArrayList;
import java.util.List;
import org.jfree.data.xy.AbstractIntervalXYDataset;

/**
 * An XY dataset over plain arrays that is replaced as a whole, with one change event per frame: the charts
 * hand it the decimated points of every series at once instead of updating JFreeChart series point by point.
 */
final class ArrayXYDataset extends AbstractIntervalXYDataset {
    private final List<String> keys = new ArrayList<>();
    private final List<double[]> xs = new ArrayList<>();
    private final List<double[]> ys = new ArrayList<>();
    private final List<double[]> lows = new ArrayList<>(); // null for a line, the lower edge for a band

    /** Starts a new frame's set of series; call {@link #add} for each, then {@link #publish()}. */
    void clearSeries() {
        keys.clear();
        xs.clear();
        ys.clear();
        lows.clear();
    }

    void add(String key, double[] x, double[] y) {
        keys.add(key);
        xs.add(x);
        ys.add(y);
        lows.add(null);
    }

    /** A series drawn as a filled band from {@code low} to {@code high}; its y values are the upper edge. */
    void addBand(String key, double[] x, double[] low, double[] high) {
        add(key, x, high);
        lows.set(lows.size() - 1, low);
    }

    boolean isBand(int series) { return lows.get(series) != null; }

    double getLowValue(int series, int item) { return lows.get(series)[item]; }

    // As an interval dataset (y from low to high) so that the value axis makes room for a band's lower edge.
    @Override public Number getStartX(int series, int item) { return getX(series, item); }
    @Override public Number getEndX(int series, int item) { return getX(series, item); }
    @Override public Number getStartY(int series, int item) { return getStartYValue(series, item); }
    @Override public Number getEndY(int series, int item) { return getY(series, item); }
    @Override public double getStartYValue(int series, int item) { return isBand(series) ? getLowValue(series, item) : getYValue(series, item); }
    @Override public double getEndYValue(int series, int item) { return getYValue(series, item); }

    void publish() { fireDatasetChanged(); }

    @Override public int getSeriesCount() { return keys.size(); }
    @Override public Comparable<?> getSeriesKey(int series) { return keys.get(series); }
    @Override public int getItemCount(int series) { return xs.get(series).length; }
    @Override public Number getX(int series, int item) { return xs.get(series)[item]; }
    @Override public Number getY(int series, int item) { return ys.get(series)[item]; }
    @Override public double getXValue(int series, int item) { return xs.get(series)[item]; }
    @Override public double getYValue(int series, int item) { return ys.get(series)[item]; }

}
