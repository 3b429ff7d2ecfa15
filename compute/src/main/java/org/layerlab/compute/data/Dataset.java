package org.layerlab.compute.data;

import java.util.List;
import java.util.SplittableRandom;
import org.layerlab.compute.tensor.Shape;
import org.layerlab.compute.tensor.Tensor;
import org.layerlab.compute.tensor.Workspace;

/**
 * Samples in memory: features with a leading sample axis, class labels for classification (or null), numeric
 * targets for regression (or null), and class names for display.
 */
public record Dataset(String name, Tensor x, int[] labels, float[] targets, List<String> classNames) {
    public int size() { return x.dim(0); }

    public Shape sampleShape() { return x.shape().dropFirst(); }

    public int numClasses() { return classNames.size(); }

    /** Samples {@code order[from..to)} as a batch. */
    public Batch batch(int[] order, int from, int to) {
        Tensor bx = x.rows(order, from, to);
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

    /** A seeded shuffle split into training and validation parts. */
    public Split split(double validationFraction, long seed) {
        int n = size();
        int[] order = permutation(n, new SplittableRandom(seed));
        int nVal = (int) Math.round(n * validationFraction);
        int[] val = java.util.Arrays.copyOfRange(order, 0, nVal);
        int[] train = java.util.Arrays.copyOfRange(order, nVal, n);
        return new Split(subset(train, name), nVal == 0 ? null : subset(val, name + " (validation)"));
    }

    private Dataset subset(int[] idx, String newName) {
        Batch b = batch(idx, 0, idx.length);
        return new Dataset(newName, b.x(), b.labels(), b.targets(), classNames);
    }

    public record Split(Dataset train, Dataset validation) {}

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
