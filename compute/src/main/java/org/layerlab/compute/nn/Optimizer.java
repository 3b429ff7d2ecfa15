package org.layerlab.compute.nn;

import java.util.List;
import org.layerlab.compute.layers.Parameter;

/** Updates parameters from their accumulated gradients; holds its own per-parameter state. */
public interface Optimizer {
    void step(List<Parameter> parameters);
}
