package org.layerlab.compute.layers;

import org.layerlab.compute.catalog.CatalogText;
import java.util.Map;
import org.layerlab.compute.export.spec.TorchCode;
import org.layerlab.compute.export.spec.OnnxNodes;
import java.util.List;
import java.util.SplittableRandom;
import org.layerlab.compute.autodiff.NormOps;
import org.layerlab.compute.catalog.ParamSpec;
import org.layerlab.compute.catalog.Params;
import org.layerlab.compute.tensor.Shape;
import org.layerlab.compute.tensor.Tensor;

/** Normalises each sample over all its features (PyTorch's LayerNorm over the sample shape), with a learned scale and shift. */
public final class LayerNormalizationLayer extends AbstractLayerType {
    public static final String ID = "layernorm";

    public LayerNormalizationLayer() {
        super(ID, Category.NORMALIZATION, Arity.ONE, List.of(CatalogText.of("layernorm").real("epsilon", 1e-5, 1e-12, 1.0)));
    }

    @Override public Shape outputShape(List<Shape> inputs, Params p) { return single(inputs); }

    @Override public long parameterCount(List<Shape> inputs, Params p) { return 2L * single(inputs).size(); }

    @Override public long flops(List<Shape> inputs, Params p) { return 5L * single(inputs).size(); }

    @Override public Module build(List<Shape> inputs, Params p, SplittableRandom random) {
        Shape s = single(inputs);
        float eps = (float) p.getDouble("epsilon");
        Parameter gamma = new Parameter("gamma", Tensor.filled(s, 1f));
        Parameter beta = new Parameter("beta", Tensor.zeros(s));
        List<Parameter> params = List.of(gamma, beta);
        return new Module() {
            @Override public org.layerlab.compute.autodiff.Var forward(List<org.layerlab.compute.autodiff.Var> x, ForwardContext ctx) {
                return NormOps.layerNorm(x.get(0), gamma.var(), beta.var(), eps);
            }
            @Override public List<Parameter> parameters() { return params; }
        };
    }

    @Override public String toOnnx(OnnxNodes onnx, List<String> inputs, List<Shape> inputShapes, Params p) {
        return onnx.op("LayerNormalization", List.of(inputs.get(0), onnx.tensor("gamma"), onnx.tensor("beta")),
                OnnxNodes.Attr.i("axis", 1), OnnxNodes.Attr.f("epsilon", (float) p.getDouble("epsilon")));
    }

    @Override public TorchCode toTorch(List<Shape> inputShapes, Params p) {
        StringBuilder dims = new StringBuilder();
        for (int d : single(inputShapes).dims()) dims.append(dims.length() == 0 ? "" : ", ").append(d);
        return TorchCode.module("nn.LayerNorm([" + dims + "], eps=" + p.getDouble("epsilon") + ")", Map.of("gamma", "weight", "beta", "bias"));
    }
}
