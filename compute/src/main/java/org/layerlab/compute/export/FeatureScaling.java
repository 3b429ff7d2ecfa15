package org.layerlab.compute.export;

import org.layerlab.compute.tensor.Shape;

/**
 * The data set's normalisation as an exporter can fold it in: raw features {@code x} become {@code x·scale + shift},
 * per feature (one value per input value) or per channel of an image (one value per channel).
 */
public record FeatureScaling(float[] scale, float[] shift) {
    public FeatureScaling {
        if (scale.length != shift.length || scale.length == 0) {
            throw new IllegalArgumentException("scale and shift need the same, non-zero length, got " + scale.length + " and " + shift.length);
        }
        scale = scale.clone();
        shift = shift.clone();
    }

    /** The data set's normalisation {@code (x − offset) / scale} (per feature), as a scale and shift. */
    public static FeatureScaling of(org.layerlab.compute.data.Normalization n) {
        float[] scale = new float[n.features()], shift = new float[n.features()];
        for (int i = 0; i < scale.length; i++) {
            scale[i] = (float) (1 / n.scale()[i]);
            shift[i] = (float) (-n.offset()[i] / n.scale()[i]);
        }
        return new FeatureScaling(scale, shift);
    }

    /** Standardisation {@code (x − mean) / std}; a zero spread keeps the feature as it is, centred. */
    public static FeatureScaling standardize(float[] mean, float[] std) {
        float[] scale = new float[mean.length], shift = new float[mean.length];
        for (int i = 0; i < mean.length; i++) {
            float s = std[i] > 0 ? std[i] : 1f;
            scale[i] = 1f / s;
            shift[i] = -mean[i] / s;
        }
        return new FeatureScaling(scale, shift);
    }

    /** The shape the values broadcast with against a sample of {@code input} (features, or channels of C×H×W). */
    public int[] broadcastDims(Shape input) {
        if (scale.length == input.size()) return input.dims();
        if (input.rank() == 3 && scale.length == input.dim(0)) return new int[] {input.dim(0), 1, 1};
        throw new IllegalArgumentException("normalisation has " + scale.length + " values but the input " + input
                + " has " + input.size() + " features" + (input.rank() == 3 ? " and " + input.dim(0) + " channels" : ""));
    }

    /** Applies the scaling to a batch of samples of shape {@code input} (row-major, batch first), in place. */
    public void apply(float[] batch, Shape input) {
        int[] b = broadcastDims(input);
        int per = input.size(), inner = b.length == 3 && b[1] == 1 ? input.size() / b[0] : 1;
        for (int i = 0; i < batch.length; i++) {
            int f = (i % per) / inner;
            batch[i] = batch[i] * scale[f] + shift[f];
        }
    }

    @Override public boolean equals(Object o) {
        return o instanceof FeatureScaling f && java.util.Arrays.equals(f.scale, scale) && java.util.Arrays.equals(f.shift, shift);
    }

    @Override public int hashCode() { return java.util.Arrays.hashCode(scale) * 31 + java.util.Arrays.hashCode(shift); }
}
