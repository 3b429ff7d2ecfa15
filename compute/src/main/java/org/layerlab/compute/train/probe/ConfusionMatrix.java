package org.layerlab.compute.train.probe;

import java.util.List;

/**
 * Counts of (true class, predicted class) on one data set, with per-class precision, recall and F1.
 * Immutable; rows are true classes, columns predicted classes.
 */
public final class ConfusionMatrix {
    private final List<String> classNames;
    private final long[][] counts;

    public ConfusionMatrix(List<String> classNames, long[][] counts) {
        this.classNames = List.copyOf(classNames);
        int k = classNames.size();
        if (counts.length != k) throw new IllegalArgumentException("expected " + k + " rows, got " + counts.length);
        this.counts = new long[k][];
        for (int i = 0; i < k; i++) {
            if (counts[i].length != k) throw new IllegalArgumentException("row " + i + " has " + counts[i].length + " columns, expected " + k);
            this.counts[i] = counts[i].clone();
        }
    }

    /** Tallies labels against predictions. */
    public static ConfusionMatrix of(List<String> classNames, int[] labels, int[] predicted) {
        int k = classNames.size();
        long[][] c = new long[k][k];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] >= 0 && labels[i] < k && predicted[i] >= 0 && predicted[i] < k) c[labels[i]][predicted[i]]++;
        }
        return new ConfusionMatrix(classNames, c);
    }

    public List<String> classNames() { return classNames; }
    public int size() { return classNames.size(); }
    public long count(int trueClass, int predictedClass) { return counts[trueClass][predictedClass]; }

    public long rowTotal(int trueClass) {
        long s = 0;
        for (long v : counts[trueClass]) s += v;
        return s;
    }

    public long columnTotal(int predictedClass) {
        long s = 0;
        for (long[] row : counts) s += row[predictedClass];
        return s;
    }

    public long total() {
        long s = 0;
        for (int i = 0; i < size(); i++) s += rowTotal(i);
        return s;
    }

    /** The share of true class i predicted as j (0 for an empty row). */
    public double rowNormalised(int trueClass, int predictedClass) {
        long t = rowTotal(trueClass);
        return t == 0 ? 0 : (double) counts[trueClass][predictedClass] / t;
    }

    /** Of the samples predicted as c, the share that are c; NaN when nothing was predicted as c. */
    public double precision(int c) {
        long p = columnTotal(c);
        return p == 0 ? Double.NaN : (double) counts[c][c] / p;
    }

    /** Of the samples of class c, the share predicted as c; NaN when the class has no samples. */
    public double recall(int c) {
        long t = rowTotal(c);
        return t == 0 ? Double.NaN : (double) counts[c][c] / t;
    }

    /** Harmonic mean of precision and recall; NaN when either is undefined, 0 when both are 0. */
    public double f1(int c) {
        double p = precision(c), r = recall(c);
        if (Double.isNaN(p) || Double.isNaN(r)) return Double.NaN;
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    public double accuracy() {
        long t = total(), d = 0;
        for (int i = 0; i < size(); i++) d += counts[i][i];
        return t == 0 ? Double.NaN : (double) d / t;
    }
}
