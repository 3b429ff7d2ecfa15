package org.layerlab.charts.model;

import java.util.Arrays;

/**
 * Every point of one scalar tag of one run, in arrival order, with the four x coordinates the charts offer.
 * Not thread-safe: written and read by one thread (the FX thread in the app). Nothing is ever dropped.
 */
public final class ScalarSeries {
    private long[] steps = new long[64];
    private double[] epochs = new double[64];
    private double[] seconds = new double[64];
    private double[] wallMillis = new double[64];
    private double[] values = new double[64];
    private int size;

    public ScalarSeries() {}

    /** A series holding these columns (all of one length), e.g. read from a project file; the arrays are copied. */
    public static ScalarSeries of(long[] steps, double[] epochs, double[] seconds, double[] wallMillis, double[] values) {
        int n = steps.length;
        if (epochs.length != n || seconds.length != n || wallMillis.length != n || values.length != n) {
            throw new IllegalArgumentException("columns of different lengths");
        }
        ScalarSeries s = new ScalarSeries();
        int capacity = Math.max(64, n);
        s.steps = Arrays.copyOf(steps, capacity);
        s.epochs = Arrays.copyOf(epochs, capacity);
        s.seconds = Arrays.copyOf(seconds, capacity);
        s.wallMillis = Arrays.copyOf(wallMillis, capacity);
        s.values = Arrays.copyOf(values, capacity);
        s.size = n;
        return s;
    }

    public void add(long step, double epoch, double relativeSeconds, double wallTimeMillis, double value) {
        if (size == steps.length) {
            int n = size * 2;
            steps = Arrays.copyOf(steps, n);
            epochs = Arrays.copyOf(epochs, n);
            seconds = Arrays.copyOf(seconds, n);
            wallMillis = Arrays.copyOf(wallMillis, n);
            values = Arrays.copyOf(values, n);
        }
        steps[size] = step;
        epochs[size] = epoch;
        seconds[size] = relativeSeconds;
        wallMillis[size] = wallTimeMillis;
        values[size] = value;
        size++;
    }

    public int size() { return size; }
    public long step(int i) { return steps[i]; }
    public double epoch(int i) { return epochs[i]; }
    public double relativeSeconds(int i) { return seconds[i]; }
    public double wallMillis(int i) { return wallMillis[i]; }
    public double value(int i) { return values[i]; }

    /** The x coordinate of point i on the given axis. */
    public double x(XAxisKind kind, int i) {
        return switch (kind) {
            case STEP -> steps[i];
            case EPOCH -> epochs[i];
            case RELATIVE -> seconds[i];
            case WALL -> wallMillis[i];
        };
    }

    /** A copy of the x coordinates on the given axis (length {@link #size()}). */
    public double[] xs(XAxisKind kind) {
        double[] out = new double[size];
        for (int i = 0; i < size; i++) out[i] = x(kind, i);
        return out;
    }

    /** Copies of the columns (length {@link #size()}). */
    public long[] steps() { return Arrays.copyOf(steps, size); }
    public double[] epochs() { return Arrays.copyOf(epochs, size); }
    public double[] relativeSeconds() { return Arrays.copyOf(seconds, size); }

    /** A copy of the values (length {@link #size()}). */
    public double[] values() { return Arrays.copyOf(values, size); }

    /** The backing value array, valid up to {@link #size()}; callers must not write to it. */
    double[] rawValues() { return values; }

    /** An independent copy, e.g. to hand to an export thread. */
    public ScalarSeries copy() {
        ScalarSeries c = new ScalarSeries();
        c.steps = Arrays.copyOf(steps, Math.max(1, size));
        c.epochs = Arrays.copyOf(epochs, Math.max(1, size));
        c.seconds = Arrays.copyOf(seconds, Math.max(1, size));
        c.wallMillis = Arrays.copyOf(wallMillis, Math.max(1, size));
        c.values = Arrays.copyOf(values, Math.max(1, size));
        c.size = size;
        return c;
    }
}
