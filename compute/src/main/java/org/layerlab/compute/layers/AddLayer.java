package org.layerlab.compute.layers;

import org.layerlab.compute.export.spec.TorchCode;
import org.layerlab.compute.export.spec.OnnxNodes;
import java.util.List;
import java.util.SplittableRandom;
import org.layerlab.compute.autodiff.Ops;
import org.layerlab.compute.autodiff.Var;
import org.layerlab.compute.catalog.Params;
import org.layerlab.compute.tensor.Shape;

/** Sums its inputs element by element (residual connections). */
public final class AddLayer extends AbstractLayerType {
    public static final String ID = "add";

    public AddLayer() {
        super(ID, Category.MERGE, Arity.MANY, List.of());
    }

    @Override public Shape outputShape(List<Shape> inputs, Params p) throws ShapeException {
        Shape first = inputs.get(0);
        for (int i = 1; i < inputs.size(); i++) {
            if (!inputs.get(i).equals(first)) {
                throw new ShapeException(ShapeText.get("add.sameShape", first, inputs.get(i), String.valueOf(i + 1)));
            }
        }
        return first;
    }

    @Override public long flops(List<Shape> inputs, Params p) { return (long) (inputs.size() - 1) * inputs.get(0).size(); }

    @Override public Module build(List<Shape> inputs, Params p, SplittableRandom random) {
        return (x, ctx) -> {
            Var sum = x.get(0);
            for (int i = 1; i < x.size(); i++) sum = Ops.add(sum, x.get(i));
            return sum;
        };
    }

    @Override public String toOnnx(OnnxNodes onnx, List<String> inputs, List<Shape> inputShapes, Params p) {
        String sum = inputs.get(0);
        for (int i = 1; i < inputs.size(); i++) sum = onnx.op("Add", List.of(sum, inputs.get(i))); // LayerLab's summation order
        return inputs.size() == 1 ? onnx.op("Identity", List.of(sum)) : sum;
    }

    @Override public TorchCode toTorch(List<Shape> inputShapes, Params p) {
        StringBuilder e = new StringBuilder("{0}");
        for (int i = 1; i < inputShapes.size(); i++) e.append(" + {").append(i).append('}');
        return TorchCode.expression(e.toString());
    }
}
