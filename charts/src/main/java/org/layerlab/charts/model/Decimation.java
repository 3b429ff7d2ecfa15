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
        double[] ox = new double[2 * columns + 8], oy = new double[2 * columns + 8];
        int k = 0;
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
            if (k + 5 > ox.length) {
                ox = java.util.Arrays.copyOf(ox, ox.length * 2);
                oy = java.util.Arrays.copyOf(oy, oy.length * 2);
            }
            int[] picks = min < 0 ? new int[] {first} : min < max ? new int[] {min, max} : new int[] {max, min};
            int prev = -1;
            for (int p : picks) {
                if (p < 0 || p == prev) continue;
                ox[k] = x.get(p);
                oy[k] = y.get(p);
                k++;
                prev = p;
            }
            if (gap) { // keep a break in the line where non-finite values were
                ox[k] = x.get(last);
                oy[k] = Double.NaN;
                k++;
            }
        }
        return new Points(java.util.Arrays.copyOf(ox, k), java.util.Arrays.copyOf(oy, k));
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
