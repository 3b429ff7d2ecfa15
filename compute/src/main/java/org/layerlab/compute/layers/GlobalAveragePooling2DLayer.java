package org.layerlab.compute.layers;

import java.util.Map;
import org.layerlab.compute.export.spec.TorchCode;
import org.layerlab.compute.export.spec.OnnxNodes;
import java.util.List;
import java.util.SplittableRandom;
import org.layerlab.compute.autodiff.ConvOps;
import org.layerlab.compute.catalog.Params;
import org.layerlab.compute.tensor.Shape;

/** C×H×W → C: the mean of each feature map. */
public final class GlobalAveragePooling2DLayer extends AbstractLayerType {
    public static final String ID = "globalavgpool2d";

    public GlobalAveragePooling2DLayer() {
        super(ID, Category.POOLING, Arity.ONE, List.of());
    }

    @Override public Shape outputShape(List<Shape> inputs, Params p) throws ShapeException {
        Shape in = single(inputs);
        if (in.rank() != 3) throw new ShapeException(ShapeText.get("gap.image", in));
        return Shape.of(in.dim(0));
    }

    @Override public long flops(List<Shape> inputs, Params p) { return single(inputs).size(); }

    @Override public Module build(List<Shape> inputs, Params p, SplittableRandom random) {
        return (x, ctx) -> ConvOps.globalAvgPool(x.get(0));
    }

    @Override public String toOnnx(OnnxNodes onnx, List<String> inputs, List<Shape> inputShapes, Params p) {
        return onnx.op("Flatten", List.of(onnx.op("GlobalAveragePool", List.of(inputs.get(0)))), OnnxNodes.Attr.i("axis", 1));
    }

    @Override public TorchCode toTorch(List<Shape> inputShapes, Params p) {
        return TorchCode.module("nn.Sequential(nn.AdaptiveAvgPool2d(1), nn.Flatten())", Map.of());
    }
}
