package org.layerlab.compute.data;

import java.util.Arrays;
import java.util.List;
import org.layerlab.compute.tensor.Tensor;

/**
 * Per-feature normalisation {@code (x - offset) / scale}, fitted on the training part only (so validation and test
 * stay unseen) and stored with the project, so predictions later use the same numbers.
 *
 * @param method "standardize" (offset mean, scale standard deviation) or "minmax" (offset min, scale max − min)
 */
public record Normalization(String method, double[] offset, double[] scale) {
    public static final String NONE = "none", STANDARDIZE = "standardize", MINMAX = "minmax";
    public static final List<String> METHODS = List.of(NONE, STANDARDIZE, MINMAX);

    public Normalization {
        if (!METHODS.contains(method) || NONE.equals(method)) throw new IllegalArgumentException("unknown normalisation '" + method + "'");
        if (offset.length != scale.length) throw new IllegalArgumentException(offset.length + " offsets for " + scale.length + " scales");
        for (int i = 0; i < scale.length; i++) {
            if (!Double.isFinite(offset[i]) || !Double.isFinite(scale[i]) || scale[i] <= 0) {
                throw new IllegalArgumentException("feature " + (i + 1) + ": offset and scale must be finite and the scale positive");
            }
        }
        offset = offset.clone();
        scale = scale.clone();
    }

    /** Fits on {@code train}'s features (a constant feature gets scale 1, so it becomes 0 rather than NaN). */
    public static Normalization fit(Dataset train, String method) {
        int f = train.sampleShape().size(), n = train.size();
        float[] x = train.x().data();
        double[] offset = new double[f], scale = new double[f];
        for (int j = 0; j < f; j++) {
            double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY, sum = 0;
            for (int i = 0; i < n; i++) { double v = x[i * f + j]; lo = Math.min(lo, v); hi = Math.max(hi, v); sum += v; }
            double mean = n == 0 ? 0 : sum / n, ss = 0;
            for (int i = 0; i < n; i++) { double d = x[i * f + j] - mean; ss += d * d; }
            double sd = n == 0 ? 0 : Math.sqrt(ss / n);
            if (MINMAX.equals(method)) { offset[j] = n == 0 ? 0 : lo; scale[j] = hi - lo; } else { offset[j] = mean; scale[j] = sd; }
            if (!(scale[j] > 1e-12)) scale[j] = 1;
        }
        return new Normalization(method, offset, scale);
    }

    public int features() { return offset.length; }

    /** The data set with normalised features (a copy; the original is unchanged), or null for null. */
    public Dataset apply(Dataset d) {
        if (d == null) return null;
        int f = d.sampleShape().size();
        if (f != offset.length) throw new IllegalArgumentException("the normalisation was fitted on " + offset.length + " features, the data set has " + f);
        Tensor x = d.x(); // converted once for 8-bit features
        float[] src = x.data(), dst = new float[src.length];
        for (int i = 0; i < src.length; i++) { int j = i % f; dst[i] = (float) ((src[i] - offset[j]) / scale[j]); }
        return d.withFeatures(new Tensor(x.shape(), dst));
    }

    public Splits apply(Splits s) { return new Splits(apply(s.train()), apply(s.validation()), apply(s.test())); }

    @Override public boolean equals(Object o) {
        return o instanceof Normalization n && n.method.equals(method) && Arrays.equals(n.offset, offset) && Arrays.equals(n.scale, scale);
    }

    @Override public int hashCode() { return method.hashCode() * 31 + Arrays.hashCode(offset) * 17 + Arrays.hashCode(scale); }

    @Override public String toString() { return method + " " + Arrays.toString(offset) + " / " + Arrays.toString(scale); }
}
