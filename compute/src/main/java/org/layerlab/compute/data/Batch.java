package org.layerlab.compute.data;

import org.layerlab.compute.tensor.Tensor;

/**
 * A mini-batch: inputs with a leading batch axis, class labels (classification) and/or float targets
 * (regression, one value per output). Either label array may be null when the data set has none.
 */
public record Batch(Tensor x, int[] labels, float[] targets) {
    public int size() { return x.dim(0); }
}
