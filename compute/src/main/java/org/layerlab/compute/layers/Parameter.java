package org.layerlab.compute.layers;

import org.layerlab.compute.autodiff.Var;
import org.layerlab.compute.tensor.Tensor;

/**
 * A trainable tensor and its gradient accumulator. The name is unique within its module ("kernel", "bias").
 * {@link #value()} is how the value is reached for writing (optimizer steps, loading weights, edits), so each call
 * counts as a possible change: {@link #version()} moves on and caches made from the value (the weights packed for
 * inference) are made again. Layers read it through {@link #var()}, which does not count.
 */
public final class Parameter {
    private final String name;
    private final Tensor value;
    private final Tensor grad;
    private volatile long version;

    public Parameter(String name, Tensor value) {
        this.name = name;
        this.value = value;
        this.grad = Tensor.zeros(value.shape());
    }

    public String name() { return name; }
    /** The value, for reading or writing; counts as a change (see the class comment). */
    public Tensor value() {
        version++; // a lost increment between racing writers still changes the number
        return value;
    }

    /** Moves on whenever the value may have been changed; equal numbers mean the same values. */
    public long version() { return version; }
    public Tensor grad() { return grad; }

    /** A tape leaf bound to this parameter, for one forward pass. */
    public Var var() { return Var.parameter(value, grad); }

    public void zeroGrad() { grad.fill(0f); }
}
