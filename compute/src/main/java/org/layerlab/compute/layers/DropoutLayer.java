package org.layerlab.compute.layers;

import org.layerlab.compute.catalog.CatalogText;
import java.util.Map;
import org.layerlab.compute.export.spec.TorchCode;
import org.layerlab.compute.export.spec.OnnxNodes;
import java.util.List;
import java.util.SplittableRandom;
import org.layerlab.compute.autodiff.Ops;
import org.layerlab.compute.autodiff.Var;
import org.layerlab.compute.catalog.ParamSpec;
import org.layerlab.compute.catalog.Params;
import org.layerlab.compute.tensor.Shape;
import org.layerlab.compute.tensor.Tensor;

/** Inverted dropout: zeroes a random fraction during training and rescales the rest; identity at inference. */
public final class DropoutLayer extends AbstractLayerType {
    public static final String ID = "dropout";

    public DropoutLayer() {
        super(ID, Category.REGULARIZATION, Arity.ONE, List.of(CatalogText.of("dropout").real("rate", 0.5, 0.0, 0.95)));
    }

    @Override public Shape outputShape(List<Shape> inputs, Params p) { return single(inputs); }

    @Override public Module build(List<Shape> inputs, Params p, SplittableRandom random) {
        float rate = (float) p.getDouble("rate");
        return (x, ctx) -> {
            Var in = x.get(0);
            if (!ctx.training() || rate == 0f) return in;
            float keep = 1f - rate;
            Tensor mask = Tensor.zeros(in.shape());
            float[] m = mask.data();
            for (int i = 0; i < m.length; i++) m[i] = ctx.random().nextDouble() < keep ? 1f / keep : 0f;
            return Ops.mul(in, Var.constant(mask));
        };
    }

    @Override public String summary(Params p) { return String.format(java.util.Locale.ROOT, "%.2f", p.getDouble("rate")); }

    @Override public String toOnnx(OnnxNodes onnx, List<String> inputs, List<Shape> inputShapes, Params p) {
        // Inference: the identity; the ratio is kept so the layer survives a round trip.
        return onnx.op("Dropout", List.of(inputs.get(0), onnx.floats(new float[] {(float) p.getDouble("rate")})));
    }

    @Override public TorchCode toTorch(List<Shape> inputShapes, Params p) {
        return TorchCode.module("nn.Dropout(" + p.getDouble("rate") + ")", Map.of());
    }
}
