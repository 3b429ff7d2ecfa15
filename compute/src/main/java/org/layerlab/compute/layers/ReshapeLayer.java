package org.layerlab.compute.layers;

import org.layerlab.compute.catalog.CatalogText;
import org.layerlab.compute.export.spec.TorchCode;
import org.layerlab.compute.export.spec.OnnxNodes;
import java.util.List;
import java.util.SplittableRandom;
import org.layerlab.compute.autodiff.Ops;
import org.layerlab.compute.catalog.ParamSpec;
import org.layerlab.compute.catalog.Params;
import org.layerlab.compute.tensor.Shape;

/** Views each sample with another shape of the same size (e.g. 784 → 1×28×28). */
public final class ReshapeLayer extends AbstractLayerType {
    public static final String ID = "reshape";

    public ReshapeLayer() {
        super(ID, Category.RESHAPE, Arity.ONE, List.of(CatalogText.of("reshape").shape("shape", List.of(1, 28, 28))));
    }

    static Shape target(Params p) { return Shape.of(p.getShape("shape").stream().mapToInt(Integer::intValue).toArray()); }

    @Override public Shape outputShape(List<Shape> inputs, Params p) throws ShapeException {
        Shape in = single(inputs), out = target(p);
        if ((long) in.size() != out.size()) {
            throw new ShapeException(ShapeText.get("reshape.size", in, String.valueOf(in.size()), out, String.valueOf(out.size())));
        }
        return out;
    }

    @Override public Module build(List<Shape> inputs, Params p, SplittableRandom random) {
        Shape out = target(p);
        return (x, ctx) -> Ops.reshape(x.get(0), out.withBatch(x.get(0).shape().dim(0)));
    }

    @Override public String summary(Params p) { return target(p).toString(); }

    @Override public String toOnnx(OnnxNodes onnx, List<String> inputs, List<Shape> inputShapes, Params p) {
        int[] dims = target(p).dims();
        long[] shape = new long[dims.length + 1];
        shape[0] = -1; // the batch axis: whatever is left
        for (int i = 0; i < dims.length; i++) shape[i + 1] = dims[i];
        return onnx.op("Reshape", List.of(inputs.get(0), onnx.int64s(shape)));
    }

    @Override public TorchCode toTorch(List<Shape> inputShapes, Params p) {
        StringBuilder dims = new StringBuilder();
        for (int d : target(p).dims()) dims.append(", ").append(d);
        return TorchCode.expression("{0}.reshape({0}.shape[0]" + dims + ")");
    }
}
