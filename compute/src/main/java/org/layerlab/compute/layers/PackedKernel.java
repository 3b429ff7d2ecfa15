package org.layerlab.compute.layers;

import org.layerlab.compute.kernels.Gemm;
import org.layerlab.compute.tensor.Tensor;

/**
 * A dense layer's weight matrix packed for the product's kernels, kept between inference calls: the weights do not
 * change from one prediction to the next, so they are packed once instead of on every product. Made again when the
 * parameter's {@link Parameter#version() version} has moved (a training step, loaded weights, an edit). Training
 * does not use it: there the weights change every step.
 */
final class PackedKernel {
    private record Packed(long version, Gemm.PackedB b) {}

    private final Parameter kernel;
    private final Tensor weights;
    private volatile Packed packed;

    PackedKernel(Parameter kernel) {
        this.kernel = kernel;
        this.weights = kernel.value(); // the same tensor for the parameter's life; only its values change
    }

    /** The kernel's current values, packed ([in, units] as the product reads it). */
    Gemm.PackedB get() {
        long v = kernel.version();
        Packed p = packed;
        if (p == null || p.version() != v) {
            // Read the version before packing: a change while packing leaves a stale version behind, never a stale pack.
            p = new Packed(v, Gemm.pack(weights.data(), weights.dim(0), weights.dim(1)));
            packed = p;
        }
        return p.b();
    }
}
