package org.layerlab.charts.model;

/** The two smoothings the scalar charts offer; pure functions over value arrays. */
public final class Smoothing {
    private Smoothing() {}

    /**
     * TensorBoard's debiased exponential moving average: the state starts at 0; each finite point does
     * {@code last = s*last + (1-s)*y; n++; value = last / (1 - s^n)}; non-finite values pass through and are
     * not counted; a constant series is returned unchanged (so floating error cannot bend a flat line).
     *
     * @param weight the smoothing weight s in [0, 1)
     */
    public static double[] ema(double[] y, int size, double weight) {
        if (weight < 0 || weight >= 1) throw new IllegalArgumentException("smoothing weight must be in [0, 1), got " + weight);
        double[] out = new double[size];
        if (isConstant(y, size)) {
            System.arraycopy(y, 0, out, 0, size);
            return out;
        }
        Ema state = new Ema(weight);
        for (int i = 0; i < size; i++) out[i] = state.next(y[i]);
        return out;
    }

    /** The running state of {@link #ema}, to extend a smoothed series point by point. */
    public static final class Ema {
        private final double weight;
        private double last;
        private double power = 1; // weight^n, kept as a running product
        Ema(double weight) { this.weight = weight; }

        public double next(double v) {
            if (!Double.isFinite(v)) return v;
            last = weight * last + (1 - weight) * v;
            power *= weight;
            return last / (1 - power);
        }
    }

    public static double[] ema(double[] y, double weight) { return ema(y, y.length, weight); }

    /**
     * Trailing moving average over the last {@code window} finite values (fewer at the start); non-finite
     * values pass through and are left out of every window.
     */
    public static double[] movingAverage(double[] y, int size, int window) {
        if (window < 1) throw new IllegalArgumentException("window must be at least 1, got " + window);
        double[] out = new double[size];
        double[] ring = new double[window];
        int count = 0, head = 0;
        double sum = 0;
        for (int i = 0; i < size; i++) {
            double v = y[i];
            if (!Double.isFinite(v)) {
                out[i] = v;
                continue;
            }
            if (count == window) {
                sum -= ring[head];
            } else {
                count++;
            }
            ring[head] = v;
            head = (head + 1) % window;
            sum += v;
            out[i] = sum / count;
        }
        return out;
    }

    public static double[] movingAverage(double[] y, int window) { return movingAverage(y, y.length, window); }

    private static boolean isConstant(double[] y, int size) {
        if (size == 0) return true;
        double first = y[0];
        for (int i = 1; i < size; i++) if (Double.compare(y[i], first) != 0) return false;
        return true;
    }
}
