package org.layerlab.compute.layers;

import org.layerlab.compute.catalog.CatalogText;
import org.layerlab.compute.export.spec.TorchCode;
import org.layerlab.compute.export.spec.OnnxNodes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.layerlab.compute.autodiff.NormOps;
import org.layerlab.compute.autodiff.Var;
import org.layerlab.compute.catalog.ParamSpec;
import org.layerlab.compute.catalog.Params;
import org.layerlab.compute.tensor.Shape;
import org.layerlab.compute.tensor.Tensor;

/**
 * Batch normalisation over the channel axis: features of a flat input (BatchNorm1d) or channels of an image
 * (BatchNorm2d). Training uses the batch's statistics and updates running ones; inference uses the running ones.
 */
public final class BatchNormalizationLayer extends AbstractLayerType {
    public static final String ID = "batchnorm";

    public BatchNormalizationLayer() {
        super(ID, Category.NORMALIZATION, Arity.ONE, List.of(CatalogText.of("batchnorm").real("momentum", 0.1, 0.0, 1.0),
                        CatalogText.of("batchnorm").real("epsilon", 1e-5, 1e-12, 1.0)));
    }

    @Override public Shape outputShape(List<Shape> inputs, Params p) throws ShapeException {
        Shape in = single(inputs);
        if (in.rank() != 1 && in.rank() != 3) {
            throw new ShapeException(ShapeText.get("batchnorm.input", in));
        }
        return in;
    }

    @Override public long parameterCount(List<Shape> inputs, Params p) { return 2L * single(inputs).dim(0); }

    @Override public long flops(List<Shape> inputs, Params p) { return 4L * single(inputs).size(); }

    @Override public Module build(List<Shape> inputs, Params p, SplittableRandom random) {
        int c = single(inputs).dim(0);
        float momentum = (float) p.getDouble("momentum"), eps = (float) p.getDouble("epsilon");
        Parameter gamma = new Parameter("gamma", Tensor.filled(Shape.of(c), 1f));
        Parameter beta = new Parameter("beta", Tensor.zeros(c));
        Tensor mean = Tensor.zeros(c), var = Tensor.filled(Shape.of(c), 1f);
        Map<String, Tensor> buffers = new LinkedHashMap<>();
        buffers.put("runningMean", mean);
        buffers.put("runningVar", var);
        Map<String, Tensor> fixed = java.util.Collections.unmodifiableMap(buffers);
        List<Parameter> params = List.of(gamma, beta);
        return new Module() {
            @Override public Var forward(List<Var> x, ForwardContext ctx) {
                return NormOps.batchNorm(x.get(0), gamma.var(), beta.var(), mean.data(), var.data(), ctx.training(), momentum, eps);
            }
            @Override public List<Parameter> parameters() { return params; }
            @Override public Map<String, Tensor> buffers() { return fixed; }
        };
    }

    @Override public String toOnnx(OnnxNodes onnx, List<String> inputs, List<Shape> inputShapes, Params p) {
        // ONNX's momentum weighs the old running value (PyTorch's and LayerLab's weigh the batch).
        return onnx.op("BatchNormalization", List.of(inputs.get(0), onnx.tensor("gamma"), onnx.tensor("beta"), onnx.tensor("runningMean"),
                onnx.tensor("runningVar")), OnnxNodes.Attr.f("epsilon", (float) p.getDouble("epsilon")),
                OnnxNodes.Attr.f("momentum", (float) (1 - p.getDouble("momentum"))));
    }

    @Override public TorchCode toTorch(List<Shape> inputShapes, Params p) {
        Shape in = single(inputShapes);
        return TorchCode.module("nn.BatchNorm" + (in.rank() == 1 ? "1d" : "2d") + "(" + in.dim(0) + ", eps=" + p.getDouble("epsilon")
                + ", momentum=" + p.getDouble("momentum") + ")", Map.of("gamma", "weight", "beta", "bias", "runningMean", "running_mean",
                "runningVar", "running_var"));
    }
}
