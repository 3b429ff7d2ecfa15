package org.layerlab.compute.layers;

import org.layerlab.compute.autodiff.Var;
import org.layerlab.compute.tensor.Tensor;

/** A trainable tensor and its gradient accumulator. The name is unique within its module ("kernel", "bias"). */
public final class Parameter {
    private final String name;
    private final Tensor value;
    private final Tensor grad;

    public Parameter(String name, Tensor value) {
        this.name = name;
        this.value = value;
        this.grad = Tensor.zeros(value.shape());
    }

    public String name() { return name; }
    public Tensor value() { return value; }
    public Tensor grad() { return grad; }

    /** A tape leaf bound to this parameter, for one forward pass. */
    public Var var() { return Var.parameter(value, grad); }

    public void zeroGrad() { grad.fill(0f); }
}
