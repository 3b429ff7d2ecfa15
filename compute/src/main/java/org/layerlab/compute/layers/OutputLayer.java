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
import org.layerlab.compute.nn.Loss;
import org.layerlab.compute.nn.Losses;
import org.layerlab.compute.tensor.Shape;

/**
 * The output head: a linear layer giving raw scores, paired with the loss that reads them. The trainer refuses a
 * run whose loss differs from the head's, so the last layer and the objective always agree.
 */
public final class OutputLayer extends AbstractLayerType {
    public static final String ID = "output";

    public OutputLayer() {
        super(ID, Category.INPUT, Arity.ONE, concat(List.of(CatalogText.of("output").integer("units", 10, 1, 65536)),
                        Losses.CATALOG.choiceWithSettings("loss", CatalogText.of("output").label("loss"), Losses.SOFTMAX_CROSS_ENTROPY.id(), CatalogText.of("output").about("loss")),
                        Initialization.specs("glorot-uniform", "weights", false)));
    }

    /** The loss this head pairs with, with its settings (e.g. Huber's δ). */
    public static Loss loss(Params p) { return Losses.CATALOG.chosen(p, "loss"); }

    @Override public Shape outputShape(List<Shape> inputs, Params p) throws ShapeException {
        Shape in = single(inputs);
        if (in.rank() != 1) throw new ShapeException(ShapeText.get("output.flat", in));
        int units = p.getInt("units");
        if (p.getString("loss").equals(Losses.SOFTMAX_CROSS_ENTROPY.id()) && units < 2) {
            throw new ShapeException(ShapeText.get("output.oneClass"));
        }
        return Shape.of(units);
    }

    @Override public long parameterCount(List<Shape> inputs, Params p) {
        long u = p.getInt("units");
        return single(inputs).size() * u + u;
    }

    @Override public long flops(List<Shape> inputs, Params p) { return 2L * single(inputs).size() * p.getInt("units"); }

    @Override public Module build(List<Shape> inputs, Params p, SplittableRandom random) {
        int in = single(inputs).size(), units = p.getInt("units");
        Parameter kernel = new Parameter("kernel", Initialization.kernel(p, Shape.of(in, units), in, units, random));
        Parameter bias = new Parameter("bias", Initialization.bias(p, units, in, units, random));
        List<Parameter> params = List.of(kernel, bias);
        PackedKernel packed = new PackedKernel(kernel);
        return new Module() {
            @Override public Var forward(List<Var> x, ForwardContext ctx) {
                return Ops.dense(x.get(0), kernel.var(), bias.var(), null, ctx.training() ? null : packed.get());
            }
            @Override public List<Parameter> parameters() { return params; }
        };
    }

    @Override public String summary(Params p) { return p.getInt("units") + " · " + loss(p).displayName(); }

    @Override public String toOnnx(OnnxNodes onnx, List<String> inputs, List<Shape> inputShapes, Params p) {
        return onnx.op("Gemm", List.of(inputs.get(0), onnx.tensor("kernel"), onnx.tensor("bias")));
    }

    @Override public TorchCode toTorch(List<Shape> inputShapes, Params p) {
        return TorchCode.module("nn.Linear(" + single(inputShapes).size() + ", " + p.getInt("units") + ")",
                Map.of("kernel", "weight:T", "bias", "bias"));
    }
}
