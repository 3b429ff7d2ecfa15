package org.layerlab.charts.model;

import java.util.Arrays;

/**
 * A growable column of doubles kept in chunks of {@link #CHUNK}: appending never copies what is stored. A
 * doubling array would copy every column of every series at once when a live run crosses a power of two (at
 * 65,536 points: twenty 1 MiB copies, G1 "humongous" allocations, a 20–40 ms frame); here the largest copy is
 * the first chunk growing to 64 KiB, and short series (one point per epoch) stay small.
 */
public final class Column {
    private static final int SHIFT = 13;
    /** Values per chunk: 64 KiB, well under G1's humongous-object size. */
    static final int CHUNK = 1 << SHIFT;
    private static final int MASK = CHUNK - 1;

    private double[][] chunks = {new double[16]};
    private int size;

    /** A column holding a copy of these values. */
    public static Column of(double[] values) {
        Column c = new Column();
        for (double v : values) c.add(v);
        return c;
    }

    public int size() { return size; }

    public double get(int i) { return chunks[i >>> SHIFT][i & MASK]; }

    public void set(int i, double v) { chunks[i >>> SHIFT][i & MASK] = v; }

    public void add(double v) {
        int c = size >>> SHIFT, i = size & MASK;
        if (c == chunks.length) chunks = Arrays.copyOf(chunks, c * 2);
        if (chunks[c] == null) chunks[c] = new double[CHUNK];
        else if (i == chunks[c].length) chunks[c] = Arrays.copyOf(chunks[c], Math.min(CHUNK, i * 2)); // only the first chunk grows
        chunks[c][i] = v;
        size++;
    }

    /** The first {@code n} values as one array. */
    public double[] toArray(int n) {
        double[] out = new double[n];
        for (int from = 0; from < n; from += CHUNK) System.arraycopy(chunks[from >>> SHIFT], 0, out, from, Math.min(CHUNK, n - from));
        return out;
    }

    public double[] toArray() { return toArray(size); }
}
