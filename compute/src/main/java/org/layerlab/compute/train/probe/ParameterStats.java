package org.layerlab.compute.train.probe;

import java.util.Arrays;

/**
 * Summary numbers of one parameter tensor at one step: percentiles of its values and of its gradient, and the
 * update-to-parameter ratio log10(mean |update| / mean |weight|) of the step that produced it (NaN when not
 * measured). Computed by a probe from a weight snapshot; only these numbers cross to the UI.
 */
public record ParameterStats(String name, long step, double[] weightPercentiles, double[] gradPercentiles, double updateRatioLog10) {
    /** TensorBoard's distribution bands: the percentiles drawn, in order (0, 6.68, 15.87, 30.85, 50, ...). */
    public static final double[] PERCENTILES = {0, 6.68, 15.87, 30.85, 50, 69.15, 84.13, 93.32, 100};

    public ParameterStats {
        weightPercentiles = weightPercentiles.clone();
        gradPercentiles = gradPercentiles.clone();
    }

    @Override public double[] weightPercentiles() { return weightPercentiles.clone(); }
    @Override public double[] gradPercentiles() { return gradPercentiles.clone(); }

    public double weightPercentile(int i) { return weightPercentiles[i]; }
    public double gradPercentile(int i) { return gradPercentiles[i]; }

    /** The {@link #PERCENTILES} of {@code data}, read from a sorted copy (strided sample above {@code maxSample}). */
    public static double[] percentiles(float[] data, int maxSample) {
        int n = data.length;
        if (n == 0) {
            double[] nan = new double[PERCENTILES.length];
            Arrays.fill(nan, Double.NaN);
            return nan;
        }
        float[] copy;
        if (n <= maxSample) {
            copy = data.clone();
        } else {
            copy = new float[maxSample];
            double stride = (double) n / maxSample;
            for (int i = 0; i < maxSample; i++) copy[i] = data[(int) (i * stride)];
        }
        Arrays.sort(copy);
        double[] out = new double[PERCENTILES.length];
        for (int i = 0; i < PERCENTILES.length; i++) {
            double pos = PERCENTILES[i] / 100 * (copy.length - 1);
            int lo = (int) Math.floor(pos), hi = Math.min(copy.length - 1, lo + 1);
            out[i] = copy[lo] + (pos - lo) * (copy[hi] - copy[lo]);
        }
        return out;
    }

    /** log10(mean |after - before| / mean |after|); NaN when the weights are all zero. */
    public static double updateRatioLog10(float[] before, float[] after) {
        double du = 0, w = 0;
        for (int i = 0; i < after.length; i++) {
            du += Math.abs(after[i] - before[i]);
            w += Math.abs(after[i]);
        }
        if (w == 0) return Double.NaN;
        if (du == 0) return Double.NEGATIVE_INFINITY;
        return Math.log10(du / w);
    }
}
