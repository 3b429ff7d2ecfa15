package org.layerlab.charts.model;

/**
 * A view of a {@link ScalarSeries} for drawing: its x coordinates on the chosen axis and its smoothed values,
 * extended incrementally as points arrive (a live run of 100,000 steps is not re-smoothed every frame).
 * Gives the same values as {@link Smoothing#ema} or {@link Smoothing#movingAverage} on the whole series.
 */
public final class SmoothedSeries {
    /** Which smoothing the charts apply. */
    public enum Mode { EMA, MOVING_AVERAGE }

    private final ScalarSeries source;
    private XAxisKind kind;
    private Mode mode;
    private double weight;
    private int window;
    private Column x = new Column(), y = new Column();
    private Smoothing.Ema ema;
    private boolean constant;
    private double[] ring;
    private int ringCount, ringHead;
    private double ringSum;

    public SmoothedSeries(ScalarSeries source) { this.source = source; }

    public ScalarSeries source() { return source; }

    /** Brings x and smoothed values up to the source's size under these settings. */
    public void update(XAxisKind kind, Mode mode, double weight, int window) {
        if (kind != this.kind || mode != this.mode || weight != this.weight || window != this.window) {
            this.kind = kind;
            this.mode = mode;
            this.weight = weight;
            this.window = window;
            reset();
        }
        int n = source.size();
        Column raw = source.rawValues();
        for (int i = x.size(); i < n; i++) {
            x.add(source.x(kind, i));
            double v = raw.get(i);
            if (mode == Mode.EMA) {
                double s = ema.next(v);
                if (constant && i > 0 && Double.compare(v, raw.get(0)) != 0) {
                    constant = false; // the series stopped being constant: its earlier points are smoothed after all
                    Smoothing.Ema again = new Smoothing.Ema(weight);
                    for (int j = 0; j < i; j++) y.set(j, again.next(raw.get(j)));
                }
                y.add(constant ? v : s);
            } else {
                y.add(nextAverage(v));
            }
        }
    }

    private void reset() {
        x = new Column();
        y = new Column();
        ema = new Smoothing.Ema(weight);
        constant = true;
        ring = new double[Math.max(1, window)];
        ringCount = 0;
        ringHead = 0;
        ringSum = 0;
    }

    private double nextAverage(double v) {
        if (!Double.isFinite(v)) return v;
        if (ringCount == ring.length) ringSum -= ring[ringHead]; else ringCount++;
        ring[ringHead] = v;
        ringHead = (ringHead + 1) % ring.length;
        ringSum += v;
        return ringSum / ringCount;
    }

    public int size() { return x.size(); }
    /** x coordinates; valid up to {@link #size()}; do not modify. */
    public Column x() { return x; }
    /** Smoothed values; valid up to {@link #size()}; do not modify. */
    public Column smoothed() { return y; }
    /** Raw values; valid up to {@link #size()}; do not modify. */
    public Column raw() { return source.rawValues(); }
}
