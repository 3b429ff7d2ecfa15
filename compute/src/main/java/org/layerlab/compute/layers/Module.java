package org.layerlab.compute.layers;

import java.util.List;
import org.layerlab.compute.autodiff.Var;

/** An executable layer: built by a {@link LayerType} once input shapes are known. */
public interface Module {
    Var forward(List<Var> inputs, ForwardContext ctx);

    default List<Parameter> parameters() { return List.of(); }
}
