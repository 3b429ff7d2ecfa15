package org.layerlab.compute.layers;

import org.layerlab.compute.catalog.CatalogText;
import java.util.Map;
import org.layerlab.compute.export.spec.TorchCode;
import org.layerlab.compute.export.spec.OnnxNodes;
import java.util.List;
import java.util.SplittableRandom;
import org.layerlab.compute.catalog.ParamSpec;
import org.layerlab.compute.catalog.Params;
import org.layerlab.compute.nn.Activation;
import org.layerlab.compute.nn.Activations;
import org.layerlab.compute.tensor.Shape;

/** Applies an activation function on its own, keeping the shape. */
public final class ActivationLayer extends AbstractLayerType {
    public static final String ID = "activation";

    public ActivationLayer() {
        super(ID, Category.ACTIVATION, Arity.ONE, List.of(Activations.CATALOG.choice("activation", CatalogText.of("activationLayer").label("activation"), "relu", CatalogText.of("activationLayer").about("activation"))));
    }

    @Override public Shape outputShape(List<Shape> inputs, Params p) { return single(inputs); }

    @Override public long flops(List<Shape> inputs, Params p) { return single(inputs).size(); }

    @Override public Module build(List<Shape> inputs, Params p, SplittableRandom random) {
        Activation act = Activations.CATALOG.get(p.getString("activation"));
        return (x, ctx) -> act.apply(x.get(0));
    }

    @Override public String summary(Params p) { return Activations.CATALOG.get(p.getString("activation")).displayName(); }

    @Override public String toOnnx(OnnxNodes onnx, List<String> inputs, List<Shape> inputShapes, Params p) {
        Activation act = Activations.CATALOG.get(p.getString("activation"));
        String y = act.toOnnx(onnx, inputs.get(0));
        // The identity writes no operator; the layer still needs a node of its own.
        return y.equals(inputs.get(0)) ? onnx.op("Identity", List.of(y)) : y;
    }

    @Override public TorchCode toTorch(List<Shape> inputShapes, Params p) {
        String m = Activations.CATALOG.get(p.getString("activation")).torchModule();
        return TorchCode.module(m.isEmpty() ? "nn.Identity()" : m, Map.of());
    }
}
