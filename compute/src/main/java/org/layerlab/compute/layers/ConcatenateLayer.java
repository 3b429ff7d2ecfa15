package org.layerlab.compute.layers;

import org.layerlab.compute.catalog.CatalogText;
import org.layerlab.compute.export.spec.TorchCode;
import org.layerlab.compute.export.spec.OnnxNodes;
import java.util.List;
import java.util.SplittableRandom;
import org.layerlab.compute.autodiff.ShapeOps;
import org.layerlab.compute.autodiff.Var;
import org.layerlab.compute.catalog.ParamSpec;
import org.layerlab.compute.catalog.Params;
import org.layerlab.compute.tensor.Shape;

/** Joins its inputs along one axis of the sample (channels of images, features of vectors). */
public final class ConcatenateLayer extends AbstractLayerType {
    public static final String ID = "concatenate";

    public ConcatenateLayer() {
        super(ID, Category.MERGE, Arity.MANY, List.of(CatalogText.of("concatenate").integer("axis", -1, -8, 7)));
    }

    static int axis(Params p, int rank) throws ShapeException {
        int a = p.getInt("axis");
        int r = a < 0 ? rank + a : a;
        if (r < 0 || r >= rank) {
            throw new ShapeException(ShapeText.get("concatenate.axis", String.valueOf(a), String.valueOf(rank), String.valueOf(-rank), String.valueOf(rank - 1)));
        }
        return r;
    }

    @Override public Shape outputShape(List<Shape> inputs, Params p) throws ShapeException {
        Shape first = inputs.get(0);
        int ax = axis(p, first.rank());
        int[] out = first.dims();
        for (int i = 1; i < inputs.size(); i++) {
            Shape s = inputs.get(i);
            boolean ok = s.rank() == first.rank();
            for (int d = 0; ok && d < s.rank(); d++) if (d != ax && s.dim(d) != first.dim(d)) ok = false;
            if (!ok) {
                throw new ShapeException(ShapeText.get("concatenate.agree", String.valueOf(p.getInt("axis")), first, s, String.valueOf(i + 1)));
            }
            out[ax] += s.dim(ax);
        }
        return Shape.of(out);
    }

    @Override public Module build(List<Shape> inputs, Params p, SplittableRandom random) {
        int ax;
        try { ax = axis(p, inputs.get(0).rank()); } catch (ShapeException e) { throw new IllegalArgumentException(e.getMessage(), e); }
        int full = ax + 1; // the batch axis comes first in tensors
        return (x, ctx) -> ShapeOps.concat(x.toArray(new Var[0]), full);
    }

    @Override public String summary(Params p) { return "axis " + p.getInt("axis"); }

    private static int batchAxis(List<Shape> inputShapes, Params p) {
        try { return axis(p, inputShapes.get(0).rank()) + 1; } catch (ShapeException e) { throw new IllegalArgumentException(e.getMessage(), e); }
    }

    @Override public String toOnnx(OnnxNodes onnx, List<String> inputs, List<Shape> inputShapes, Params p) {
        return onnx.op("Concat", inputs, OnnxNodes.Attr.i("axis", batchAxis(inputShapes, p)));
    }

    @Override public TorchCode toTorch(List<Shape> inputShapes, Params p) {
        return TorchCode.expression("torch.cat([{all}], dim=" + batchAxis(inputShapes, p) + ")");
    }
}
