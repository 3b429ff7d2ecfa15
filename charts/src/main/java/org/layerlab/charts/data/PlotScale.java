package org.layerlab.charts.data;

/** A linear map between a data range and a pixel range, with "nice" tick steps (1, 2, 5 × 10ⁿ). */
final class PlotScale {
    final double lo, hi, from, to;

    PlotScale(double lo, double hi, double from, double to) {
        if (!(hi > lo)) { double mid = Double.isFinite(lo) ? lo : 0; lo = mid - 1; hi = mid + 1; }
        this.lo = lo;
        this.hi = hi;
        this.from = from;
        this.to = to;
    }

    double toPixel(double v) { return from + (v - lo) / (hi - lo) * (to - from); }

    double toData(double px) { return lo + (px - from) / (to - from) * (hi - lo); }

    /** A tick step giving about {@code count} ticks over the range. */
    double step(int count) {
        double raw = (hi - lo) / Math.max(1, count), mag = Math.pow(10, Math.floor(Math.log10(raw))), f = raw / mag;
        return (f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10) * mag;
    }

    /** The range widened by a share on each side, so points do not sit on the frame. */
    static double[] padded(double min, double max, double share) {
        if (!(max > min)) return new double[] {min - 1, max + 1};
        double pad = (max - min) * share;
        return new double[] {min - pad, max + pad};
    }

    static String label(double v, double step) {
        if (Math.abs(v) < step * 1e-6) v = 0;
        int decimals = (int) Math.max(0, Math.min(6, -Math.floor(Math.log10(step))));
        return String.format(java.util.Locale.ROOT, "%." + decimals + "f", v);
    }
}
