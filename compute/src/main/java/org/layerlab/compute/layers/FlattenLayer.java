package org.layerlab.compute.layers;

import java.util.Map;
import org.layerlab.compute.export.spec.TorchCode;
import org.layerlab.compute.export.spec.OnnxNodes;
import java.util.List;
import java.util.SplittableRandom;
import org.layerlab.compute.autodiff.Ops;
import org.layerlab.compute.catalog.Params;
import org.layerlab.compute.tensor.Shape;

/** Lays a sample out as one flat vector (C×H×W → C·H·W), as Dense needs. */
public final class FlattenLayer extends AbstractLayerType {
    public static final String ID = "flatten";

    public FlattenLayer() {
        super(ID, Category.RESHAPE, Arity.ONE, List.of());
    }

    @Override public Shape outputShape(List<Shape> inputs, Params p) { return Shape.of(single(inputs).size()); }

    @Override public Module build(List<Shape> inputs, Params p, SplittableRandom random) {
        Shape out = Shape.of(single(inputs).size());
        return (x, ctx) -> Ops.reshape(x.get(0), out.withBatch(x.get(0).shape().dim(0)));
    }

    @Override public String toOnnx(OnnxNodes onnx, List<String> inputs, List<Shape> inputShapes, Params p) {
        return onnx.op("Flatten", List.of(inputs.get(0)), OnnxNodes.Attr.i("axis", 1));
    }

    @Override public TorchCode toTorch(List<Shape> inputShapes, Params p) { return TorchCode.module("nn.Flatten()", Map.of()); }
}
