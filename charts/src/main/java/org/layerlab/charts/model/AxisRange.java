package org.layerlab.charts.model;

import java.util.Arrays;

/** Y-axis ranges for the scalar charts. */
public final class AxisRange {
    private AxisRange() {}

    /** A closed interval. */
    public record Range(double lower, double upper) {}

    /**
     * The range that "ignore outliers" shows: from the 5th to the 95th percentile of the finite values, widened
     * by 10% of that span on each side (TensorBoard's choice), or null when there are no finite values.
     *
     * @param positiveOnly keep only values above zero (for a log axis)
     */
    public static Range ignoringOutliers(double[] values, int size, boolean positiveOnly) {
        double[] v = new double[size];
        int n = 0;
        for (int i = 0; i < size; i++) {
            double y = values[i];
            if (Double.isFinite(y) && (!positiveOnly || y > 0)) v[n++] = y;
        }
        if (n == 0) return null;
        Arrays.sort(v, 0, n);
        double lo = quantile(v, n, 0.05), hi = quantile(v, n, 0.95);
        double span = hi - lo;
        if (span == 0) span = Math.abs(hi) > 0 ? Math.abs(hi) * 0.1 : 1;
        if (positiveOnly) return new Range(lo / Math.pow(10, 0.1 * Math.log10(Math.max(hi / lo, 10))), hi * Math.pow(10, 0.1 * Math.log10(Math.max(hi / lo, 10))));
        return new Range(lo - 0.1 * span, hi + 0.1 * span);
    }

    private static double quantile(double[] sorted, int n, double q) {
        double pos = q * (n - 1);
        int lo = (int) Math.floor(pos), hi = Math.min(n - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
