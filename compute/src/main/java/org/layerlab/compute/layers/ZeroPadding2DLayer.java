package org.layerlab.compute.layers;

import org.layerlab.compute.catalog.CatalogText;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.layerlab.compute.autodiff.ShapeOps;
import org.layerlab.compute.catalog.ParamSpec;
import org.layerlab.compute.catalog.Params;
import org.layerlab.compute.export.spec.OnnxNodes;
import org.layerlab.compute.export.spec.TorchCode;
import org.layerlab.compute.tensor.Shape;

/**
 * Adds rows and columns of zeros around each channel of an image: padding that 'same' cannot say (a different amount
 * on each side, as PyTorch's ZeroPad2d or a convolution with padding 1 at stride 2).
 */
public final class ZeroPadding2DLayer extends AbstractLayerType {
    public static final String ID = "zeropad2d";

    public ZeroPadding2DLayer() {
        super(ID, Category.RESHAPE, Arity.ONE, List.of(side("top"), side("bottom"), side("left"), side("right")));
    }

    private static ParamSpec side(String name) {
        return CatalogText.of(ID).integer(name, 1, 0, 64);
    }

    @Override public Shape outputShape(List<Shape> inputs, Params p) throws ShapeException {
        Shape in = single(inputs);
        if (in.rank() != 3) throw new ShapeException(ShapeText.get("zeropad.image", in));
        return Shape.of(in.dim(0), in.dim(1) + p.getInt("top") + p.getInt("bottom"), in.dim(2) + p.getInt("left") + p.getInt("right"));
    }

    @Override public Module build(List<Shape> inputs, Params p, SplittableRandom random) {
        int t = p.getInt("top"), b = p.getInt("bottom"), l = p.getInt("left"), r = p.getInt("right");
        return (x, ctx) -> ShapeOps.pad2d(x.get(0), t, b, l, r);
    }

    @Override public String summary(Params p) {
        return p.getInt("top") + " " + p.getInt("right") + " " + p.getInt("bottom") + " " + p.getInt("left");
    }

    @Override public String toOnnx(OnnxNodes onnx, List<String> inputs, List<Shape> inputShapes, Params p) {
        return onnx.op("Pad", List.of(inputs.get(0), onnx.int64s(0, 0, p.getInt("top"), p.getInt("left"), 0, 0, p.getInt("bottom"), p.getInt("right"))));
    }

    @Override public TorchCode toTorch(List<Shape> inputShapes, Params p) {
        return TorchCode.module("nn.ZeroPad2d((" + p.getInt("left") + ", " + p.getInt("right") + ", " + p.getInt("top") + ", "
                + p.getInt("bottom") + "))", Map.of());
    }
}
