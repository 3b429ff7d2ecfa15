package org.layerlab.charts.model;

/**
 * Every point of one scalar tag of one run, in arrival order, with the four x coordinates the charts offer.
 * Not thread-safe: written and read by one thread (the FX thread in the app). Nothing is ever dropped. Stored
 * in {@link Column}s, so a long live run grows without big copies.
 */
public final class ScalarSeries {
    private final Column steps = new Column(); // whole numbers, exact in a double up to 2^53
    private final Column epochs = new Column();
    private final Column seconds = new Column();
    private final Column wallMillis = new Column();
    private final Column values = new Column();

    public ScalarSeries() {}

    /** A series holding these columns (all of one length), e.g. read from a project file; the arrays are copied. */
    public static ScalarSeries of(long[] steps, double[] epochs, double[] seconds, double[] wallMillis, double[] values) {
        int n = steps.length;
        if (epochs.length != n || seconds.length != n || wallMillis.length != n || values.length != n) {
            throw new IllegalArgumentException("columns of different lengths");
        }
        ScalarSeries s = new ScalarSeries();
        for (int i = 0; i < n; i++) s.add(steps[i], epochs[i], seconds[i], wallMillis[i], values[i]);
        return s;
    }

    public void add(long step, double epoch, double relativeSeconds, double wallTimeMillis, double value) {
        steps.add(step);
        epochs.add(epoch);
        seconds.add(relativeSeconds);
        wallMillis.add(wallTimeMillis);
        values.add(value);
    }

    public int size() { return values.size(); }
    public long step(int i) { return (long) steps.get(i); }
    public double epoch(int i) { return epochs.get(i); }
    public double relativeSeconds(int i) { return seconds.get(i); }
    public double wallMillis(int i) { return wallMillis.get(i); }
    public double value(int i) { return values.get(i); }

    /** The x coordinate of point i on the given axis. */
    public double x(XAxisKind kind, int i) {
        return switch (kind) {
            case STEP -> steps.get(i);
            case EPOCH -> epochs.get(i);
            case RELATIVE -> seconds.get(i);
            case WALL -> wallMillis.get(i);
        };
    }

    /** A copy of the x coordinates on the given axis (length {@link #size()}). */
    public double[] xs(XAxisKind kind) {
        return switch (kind) {
            case STEP -> steps.toArray();
            case EPOCH -> epochs.toArray();
            case RELATIVE -> seconds.toArray();
            case WALL -> wallMillis.toArray();
        };
    }

    /** Copies of the columns (length {@link #size()}). */
    public long[] steps() {
        long[] out = new long[size()];
        for (int i = 0; i < out.length; i++) out[i] = step(i);
        return out;
    }

    public double[] epochs() { return epochs.toArray(); }
    public double[] relativeSeconds() { return seconds.toArray(); }

    /** A copy of the values (length {@link #size()}). */
    public double[] values() { return values.toArray(); }

    /** The stored values, valid up to {@link #size()}; callers must not write to them. */
    Column rawValues() { return values; }

    /** An independent copy, e.g. to hand to an export thread. */
    public ScalarSeries copy() {
        ScalarSeries c = new ScalarSeries();
        for (int i = 0; i < size(); i++) c.add(step(i), epoch(i), relativeSeconds(i), wallMillis(i), value(i));
        return c;
    }
}
