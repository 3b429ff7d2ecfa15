package org.layerlab.compute.layers;

import org.layerlab.compute.catalog.CatalogText;
import org.layerlab.compute.export.spec.TorchCode;
import org.layerlab.compute.export.spec.OnnxNodes;
import java.util.List;
import java.util.SplittableRandom;
import org.layerlab.compute.catalog.ParamSpec;
import org.layerlab.compute.catalog.Params;
import org.layerlab.compute.tensor.Shape;

/** Where data enters the network; its shape is one sample of the data set. */
public final class InputLayer extends AbstractLayerType {
    public static final String ID = "input";

    public InputLayer() {
        super(ID, Category.INPUT, Arity.NONE, List.of(CatalogText.of("input").shape("shape", List.of(2))));
    }

    @Override public Shape outputShape(List<Shape> inputs, Params p) {
        return Shape.of(p.getShape("shape").stream().mapToInt(Integer::intValue).toArray());
    }

    @Override public Module build(List<Shape> inputs, Params p, SplittableRandom random) {
        return (in, ctx) -> in.get(0);
    }

    @Override public String summary(Params p) { return Shape.of(p.getShape("shape").stream().mapToInt(Integer::intValue).toArray()).toString(); }

    @Override public String toOnnx(OnnxNodes onnx, List<String> inputs, List<Shape> inputShapes, Params p) { return inputs.get(0); }

    @Override public TorchCode toTorch(List<Shape> inputShapes, Params p) { return TorchCode.expression("{0}"); }
}
