package org.layerlab.compute.layers;

import java.util.List;
import java.util.Map;
import org.layerlab.compute.autodiff.Var;
import org.layerlab.compute.tensor.Tensor;

/** An executable layer: built by a {@link LayerType} once input shapes are known. */
public interface Module {
    Var forward(List<Var> inputs, ForwardContext ctx);

    default List<Parameter> parameters() { return List.of(); }

    /** Non-trainable state that training changes (BatchNorm's running statistics), by name; saved with the weights. */
    default Map<String, Tensor> buffers() { return Map.of(); }
}
