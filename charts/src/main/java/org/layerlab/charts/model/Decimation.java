package org.layerlab.charts.model;

/**
 * Reduces a long series to what a chart of a given pixel width can show without losing a peak: for every
 * pixel column it keeps the minimum and the maximum point, in x order (at most two points per column).
 * Export never uses this; the run store keeps every point.
 */
public final class Decimation {
    private Decimation() {}

    /** The points kept, as parallel arrays. */
    public record Points(double[] x, double[] y) {
        public int size() { return x.length; }
    }

    /**
     * @param x ascending x values (only the first {@code size} are used)
     * @param y the values; non-finite values are kept as gaps (each is emitted where it falls)
     * @param from the left edge of the visible range
     * @param to the right edge of the visible range
     * @param columns the pixel columns across that range
     */
    public static Points minMax(Column x, Column y, int size, double from, double to, int columns) {
        if (columns < 1) throw new IllegalArgumentException("columns must be at least 1");
        int lo = lowerBound(x, size, from), hi = upperBound(x, size, to);
        // one point beyond each edge, so lines run to the border of the plot
        int start = Math.max(0, lo - 1), end = Math.min(size, hi + 1);
        int n = end - start;
        if (n <= 2 * columns) {
            double[] ox = new double[n], oy = new double[n];
            for (int i = 0; i < n; i++) {
                ox[i] = x.get(start + i);
                oy[i] = y.get(start + i);
            }
            return new Points(ox, oy);
        }
        double[][] out = {new double[2 * columns + 8], new double[2 * columns + 8]};
        int[] k = {0};
        eachColumn(x, y, start, end, from, to, columns, (first, last, min, max, gap) -> {
            if (k[0] + 5 > out[0].length) {
                out[0] = java.util.Arrays.copyOf(out[0], out[0].length * 2);
                out[1] = java.util.Arrays.copyOf(out[1], out[1].length * 2);
            }
            int[] picks = min < 0 ? new int[] {first} : min < max ? new int[] {min, max} : new int[] {max, min};
            int prev = -1;
            for (int p : picks) {
                if (p == prev) continue;
                out[0][k[0]] = x.get(p);
                out[1][k[0]++] = y.get(p);
                prev = p;
            }
            if (gap) { // keep a break in the line where non-finite values were
                out[0][k[0]] = x.get(last);
                out[1][k[0]++] = Double.NaN;
            }
        });
        return new Points(java.util.Arrays.copyOf(out[0], k[0]), java.util.Arrays.copyOf(out[1], k[0]));
    }

    /** The lowest and highest value in each pixel column, at the column's first x; NaN where a column has none. */
    public record Band(double[] x, double[] low, double[] high) {
        public int size() { return x.length; }
    }

    /**
     * The same columns as {@link #minMax} as a band: drawn filled, it shows what the min/max zigzag line shows
     * for dense data at a fraction of the edges to rasterize. Null when the range holds at most two points a
     * column (then the points themselves are drawn).
     */
    public static Band envelope(Column x, Column y, int size, double from, double to, int columns) {
        if (columns < 1) throw new IllegalArgumentException("columns must be at least 1");
        int start = Math.max(0, lowerBound(x, size, from) - 1), end = Math.min(size, upperBound(x, size, to) + 1);
        if (end - start <= 2 * columns) return null;
        double[] bx = new double[columns + 8], low = new double[columns + 8], high = new double[columns + 8];
        int[] k = {0};
        double[][] grown = {bx, low, high};
        eachColumn(x, y, start, end, from, to, columns, (first, last, min, max, gap) -> {
            if (k[0] == grown[0].length) for (int a = 0; a < 3; a++) grown[a] = java.util.Arrays.copyOf(grown[a], grown[a].length * 2);
            grown[0][k[0]] = x.get(first);
            grown[1][k[0]] = min < 0 ? Double.NaN : y.get(min);
            grown[2][k[0]++] = max < 0 ? Double.NaN : y.get(max);
        });
        return new Band(java.util.Arrays.copyOf(grown[0], k[0]), java.util.Arrays.copyOf(grown[1], k[0]), java.util.Arrays.copyOf(grown[2], k[0]));
    }

    /** Told about each pixel column: its first and last point, its lowest and highest finite point (or -1), and whether it had a non-finite value. */
    private interface ColumnSink { void column(int first, int last, int min, int max, boolean gap); }

    private static void eachColumn(Column x, Column y, int start, int end, double from, double to, int columns, ColumnSink sink) {
        double width = to > from ? (to - from) / columns : 1;
        int i = start;
        while (i < end) {
            long column = (long) Math.floor((x.get(i) - from) / width);
            int first = i, min = -1, max = -1, last = i;
            boolean gap = false;
            double minV = Double.NaN, maxV = Double.NaN;
            while (i < end && (long) Math.floor((x.get(i) - from) / width) == column) {
                double v = y.get(i);
                if (!Double.isFinite(v)) gap = true;
                else {
                    if (min < 0 || v < minV) { min = i; minV = v; }
                    if (max < 0 || v > maxV) { max = i; maxV = v; }
                }
                last = i;
                i++;
            }
            sink.column(first, last, min, max, gap);
        }
    }

    /** First index with x >= value. */
    public static int lowerBound(Column x, int size, double value) {
        int lo = 0, hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (x.get(mid) < value) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /** First index with x > value. */
    public static int upperBound(Column x, int size, double value) {
        int lo = 0, hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (x.get(mid) <= value) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /** Index of the point whose x is closest to {@code value}, or -1 for an empty series. */
    public static int nearest(Column x, int size, double value) {
        if (size == 0) return -1;
        int i = lowerBound(x, size, value);
        if (i == 0) return 0;
        if (i == size) return size - 1;
        return value - x.get(i - 1) <= x.get(i) - value ? i - 1 : i;
    }
}
