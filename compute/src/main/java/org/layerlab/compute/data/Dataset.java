package org.layerlab.compute.data;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.layerlab.compute.tensor.Shape;
import org.layerlab.compute.tensor.Tensor;
import org.layerlab.compute.tensor.Workspace;

/**
 * Samples in memory: features with a leading sample axis, class labels for classification (or null), numeric
 * targets for regression (or null), class names for display (empty for regression), and the names of the
 * features (columns of a table, "x"/"y" for points; empty for images, whose features are pixels). The features are
 * floats or, for images, 8-bit codes ({@link Features}); batches are floats either way.
 */
public record Dataset(String name, Features features, int[] labels, float[] targets, List<String> classNames, List<String> featureNames) {
    public Dataset {
        classNames = List.copyOf(classNames);
        featureNames = featureNames == null ? List.of() : List.copyOf(featureNames);
    }

    /** A data set whose features are the float tensor {@code x}. */
    public Dataset(String name, Tensor x, int[] labels, float[] targets, List<String> classNames, List<String> featureNames) {
        this(name, new Features.Floats(x), labels, targets, classNames, featureNames);
    }

    /** A data set without feature names. */
    public Dataset(String name, Tensor x, int[] labels, float[] targets, List<String> classNames) {
        this(name, x, labels, targets, classNames, List.of());
    }

    /**
     * The features as one float tensor. For 8-bit features this converts all of them into a new tensor, as large as
     * the float data set would have been: training, evaluation and subsets go through {@link #batch} and
     * {@link #subset}, which never do.
     */
    public Tensor x() { return features.toTensor(); }

    public int size() { return features.shape().dim(0); }

    public Shape sampleShape() { return features.shape().dropFirst(); }

    public int numClasses() { return classNames.size(); }

    /** True when the samples have numeric targets and no class labels. */
    public boolean isRegression() { return labels == null && targets != null; }

    /** How many target values each sample has (regression), 0 without targets. */
    public int targetsPerSample() { return targets == null || size() == 0 ? 0 : targets.length / size(); }

    /** How many samples each class has (empty for regression). */
    public int[] classCounts() {
        int[] c = new int[numClasses()];
        if (labels != null) for (int l : labels) if (l >= 0 && l < c.length) c[l]++;
        return c;
    }

    /** Samples {@code order[from..to)} as a batch. */
    public Batch batch(int[] order, int from, int to) {
        Tensor bx = features.rows(order, from, to);
        int[] bl = null;
        if (labels != null) {
            bl = Workspace.intsUninitialised(to - from);
            for (int i = from; i < to; i++) bl[i - from] = labels[order[i]];
        }
        float[] bt = null;
        if (targets != null) {
            int per = targets.length / size();
            bt = Workspace.floatsUninitialised((to - from) * per);
            for (int i = from; i < to; i++) System.arraycopy(targets, order[i] * per, bt, (i - from) * per, per);
        }
        return new Batch(bx, bl, bt);
    }

    /**
     * A seeded shuffle split into training and validation parts (not stratified). Kept for callers that split by
     * hand; projects use {@link DataSplit}.
     */
    public Split split(double validationFraction, long seed) {
        int n = size();
        int[] order = permutation(n, new SplittableRandom(seed));
        int nVal = (int) Math.round(n * validationFraction);
        int[] val = java.util.Arrays.copyOfRange(order, 0, nVal);
        int[] train = java.util.Arrays.copyOfRange(order, nVal, n);
        return new Split(subset(train, name), nVal == 0 ? null : subset(val, name + " (validation)"));
    }

    /** The samples at {@code idx}, in that order, under another name. */
    public Dataset subset(int[] idx, String newName) {
        int[] l = labels == null ? null : new int[idx.length];
        if (l != null) for (int i = 0; i < idx.length; i++) l[i] = labels[idx[i]];
        float[] t = null;
        if (targets != null) {
            int per = targetsPerSample();
            t = new float[idx.length * per];
            for (int i = 0; i < idx.length; i++) System.arraycopy(targets, idx[i] * per, t, i * per, per);
        }
        return new Dataset(newName, features.subset(idx), l, t, classNames, featureNames);
    }

    /** The same samples with other features (e.g. normalised), same shape. */
    public Dataset withFeatures(Tensor newX) {
        return new Dataset(name, newX, labels, targets, classNames, featureNames);
    }

    /** The same samples with each sample reshaped to {@code sample} (same size: 64 ↔ 1×8×8). */
    public Dataset reshapedSamples(Shape sample) {
        if (sample.size() != sampleShape().size()) throw new IllegalArgumentException("cannot reshape " + sampleShape() + " samples to " + sample);
        return new Dataset(name, features.reshape(sample.withBatch(size())), labels, targets, classNames, featureNames);
    }

    public Dataset withFeatureNames(List<String> names) { return new Dataset(name, features, labels, targets, classNames, names); }

    public Dataset named(String newName) { return new Dataset(newName, features, labels, targets, classNames, featureNames); }

    public record Split(Dataset train, Dataset validation) {}

    /** The names of the features, or "x1", "x2", … when the data set has none. */
    public List<String> featureNamesOrDefault() {
        if (!featureNames.isEmpty()) return featureNames;
        int f = sampleShape().size();
        List<String> names = new ArrayList<>(f);
        for (int i = 0; i < f; i++) names.add("x" + (i + 1));
        return names;
    }

    public static int[] identity(int n) {
        int[] o = new int[n];
        for (int i = 0; i < n; i++) o[i] = i;
        return o;
    }

    /** Fisher–Yates shuffle of 0..n-1. */
    public static int[] permutation(int n, SplittableRandom rng) {
        int[] o = identity(n);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = o[i]; o[i] = o[j]; o[j] = t;
        }
        return o;
    }
}
