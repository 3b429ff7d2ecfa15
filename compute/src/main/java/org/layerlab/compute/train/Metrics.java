package org.layerlab.compute.train;

import org.layerlab.compute.tensor.Tensor;

/** Classification and regression metrics on predictions already computed. Pure functions. */
public final class Metrics {
    private Metrics() {}

    public static double accuracy(int[] predicted, int[] labels) {
        int c = 0;
        for (int i = 0; i < labels.length; i++) if (predicted[i] == labels[i]) c++;
        return labels.length == 0 ? Double.NaN : (double) c / labels.length;
    }

    /** Fraction of rows whose label is among the k highest scores (ties broken towards the lower index). */
    public static double topKAccuracy(Tensor scores, int[] labels, int k) {
        int n = scores.dim(0), c = scores.size() / n;
        float[] s = scores.data();
        int hits = 0;
        for (int i = 0; i < n; i++) {
            float target = s[i * c + labels[i]];
            int above = 0;
            for (int j = 0; j < c; j++) {
                float v = s[i * c + j];
                if (v > target || (v == target && j < labels[i])) above++;
            }
            if (above < k) hits++;
        }
        return (double) hits / n;
    }

    /** counts[true][predicted]. */
    public static long[][] confusionMatrix(int[] predicted, int[] labels, int classes) {
        long[][] m = new long[classes][classes];
        for (int i = 0; i < labels.length; i++) m[labels[i]][predicted[i]]++;
        return m;
    }

    /** Per-class precision, recall and F1, and their unweighted (macro) means. A class never predicted has precision 0. */
    public record ClassReport(double[] precision, double[] recall, double[] f1,
                              double macroPrecision, double macroRecall, double macroF1) {}

    public static ClassReport classReport(long[][] confusion) {
        int k = confusion.length;
        double[] p = new double[k], r = new double[k], f = new double[k];
        for (int c = 0; c < k; c++) {
            long tp = confusion[c][c], predicted = 0, actual = 0;
            for (int j = 0; j < k; j++) { predicted += confusion[j][c]; actual += confusion[c][j]; }
            p[c] = predicted == 0 ? 0 : (double) tp / predicted;
            r[c] = actual == 0 ? 0 : (double) tp / actual;
            f[c] = p[c] + r[c] == 0 ? 0 : 2 * p[c] * r[c] / (p[c] + r[c]);
        }
        return new ClassReport(p, r, f, mean(p), mean(r), mean(f));
    }

    public static double meanSquaredError(float[] predicted, float[] targets) {
        double s = 0;
        for (int i = 0; i < targets.length; i++) { double d = predicted[i] - targets[i]; s += d * d; }
        return s / targets.length;
    }

    public static double meanAbsoluteError(float[] predicted, float[] targets) {
        double s = 0;
        for (int i = 0; i < targets.length; i++) s += Math.abs(predicted[i] - targets[i]);
        return s / targets.length;
    }

    /** Coefficient of determination 1 − SS_res/SS_tot over all values. */
    public static double r2(float[] predicted, float[] targets) {
        double mean = 0;
        for (float t : targets) mean += t;
        mean /= targets.length;
        double res = 0, tot = 0;
        for (int i = 0; i < targets.length; i++) {
            res += (predicted[i] - targets[i]) * (double) (predicted[i] - targets[i]);
            tot += (targets[i] - mean) * (targets[i] - mean);
        }
        return tot == 0 ? (res == 0 ? 1 : 0) : 1 - res / tot;
    }

    /** Root of the mean squared error. */
    public static double rootMeanSquaredError(float[] predicted, float[] targets) {
        return Math.sqrt(meanSquaredError(predicted, targets));
    }

    /**
     * Running sums for regression metrics over many batches, so an epoch's RMSE and R² need no second pass over the
     * data: R² = 1 − SS_res/SS_tot with SS_tot = Σt² − (Σt)²/n, pooled over every output value (as {@link #r2}).
     */
    public static final class RegressionSums {
        private double squaredError, sum, sumOfSquares;
        private long count;

        /** Adds a batch's predictions and targets (same length, one value per output). */
        public void add(float[] predicted, float[] targets) {
            if (predicted.length != targets.length) {
                throw new IllegalArgumentException(predicted.length + " predictions for " + targets.length + " targets");
            }
            for (int i = 0; i < targets.length; i++) {
                double d = predicted[i] - (double) targets[i];
                squaredError += d * d;
                sum += targets[i];
                sumOfSquares += (double) targets[i] * targets[i];
            }
            count += targets.length;
        }

        public long count() { return count; }

        public double rmse() { return count == 0 ? Double.NaN : Math.sqrt(squaredError / count); }

        public double r2() {
            if (count == 0) return Double.NaN;
            double total = Math.max(0, sumOfSquares - sum * sum / count);
            // A constant target has no variance to explain: perfect predictions score 1, any miss 0 (as r2 above).
            if (total <= 1e-12 * Math.max(1, sumOfSquares)) return squaredError == 0 ? 1 : 0;
            return 1 - squaredError / total;
        }
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return v.length == 0 ? Double.NaN : s / v.length;
    }
}
