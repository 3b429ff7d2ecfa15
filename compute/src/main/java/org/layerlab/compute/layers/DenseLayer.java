package org.layerlab.compute.layers;

import org.layerlab.compute.catalog.CatalogText;
import java.util.Map;
import org.layerlab.compute.export.spec.TorchCode;
import org.layerlab.compute.export.spec.OnnxNodes;
import java.util.List;
import java.util.SplittableRandom;
import org.layerlab.compute.autodiff.Elementwise;
import org.layerlab.compute.autodiff.Ops;
import org.layerlab.compute.autodiff.Var;
import org.layerlab.compute.catalog.ParamSpec;
import org.layerlab.compute.catalog.Params;
import org.layerlab.compute.nn.Activation;
import org.layerlab.compute.nn.Activations;
import org.layerlab.compute.tensor.Shape;

/** Fully connected layer: y = activation(x·W + b). */
public final class DenseLayer extends AbstractLayerType {
    public static final String ID = "dense";

    public DenseLayer() {
        super(ID, Category.CORE, Arity.ONE, concat(List.of(CatalogText.of("dense").integer("units", 16, 1, 65536),
                        Activations.CATALOG.choice("activation", CatalogText.of("dense").label("activation"), "relu", CatalogText.of("dense").about("activation")),
                        CatalogText.of("dense").bool("useBias", true)),
                        Initialization.specs("glorot-uniform", "weights", true)));
    }

    @Override public Shape outputShape(List<Shape> inputs, Params p) throws ShapeException {
        Shape in = single(inputs);
        if (in.rank() != 1) throw new ShapeException(ShapeText.get("dense.flat", in));
        return Shape.of(p.getInt("units"));
    }

    @Override public long parameterCount(List<Shape> inputs, Params p) {
        long units = p.getInt("units");
        return single(inputs).size() * units + (p.getBoolean("useBias") ? units : 0);
    }

    @Override public long flops(List<Shape> inputs, Params p) {
        return 2L * single(inputs).size() * p.getInt("units");
    }

    @Override public Module build(List<Shape> inputs, Params p, SplittableRandom random) {
        int in = single(inputs).size(), units = p.getInt("units");
        Activation act = Activations.CATALOG.get(p.getString("activation"));
        Parameter kernel = new Parameter("kernel", Initialization.kernel(p, Shape.of(in, units), in, units, random));
        var b = Initialization.bias(p, units, in, units, random);
        Parameter bias = b == null ? null : new Parameter("bias", b);
        List<Parameter> params = bias == null ? List.of(kernel) : List.of(kernel, bias);
        // The activation goes into the product's store when its backward needs only the output (ReLU, tanh,
        // sigmoid, ...); otherwise (GELU, SiLU, softmax) it is a pass of its own after the fused bias.
        Elementwise f = act.elementwise();
        Elementwise fused = f != null && f.derivativeFromOutput() ? f : null;
        PackedKernel packed = new PackedKernel(kernel);
        return new Module() {
            @Override public Var forward(List<Var> x, ForwardContext ctx) {
                Var y = Ops.dense(x.get(0), kernel.var(), bias == null ? null : bias.var(), fused, ctx.training() ? null : packed.get());
                return fused != null ? y : act.apply(y);
            }
            @Override public List<Parameter> parameters() { return params; }
        };
    }

    @Override public String summary(Params p) {
        String act = p.getString("activation");
        return p.getInt("units") + (act.equals("linear") ? "" : " · " + Activations.CATALOG.get(act).displayName());
    }

    @Override public String toOnnx(OnnxNodes onnx, List<String> inputs, List<Shape> inputShapes, Params p) {
        List<String> args = p.getBoolean("useBias") ? List.of(inputs.get(0), onnx.tensor("kernel"), onnx.tensor("bias"))
                : List.of(inputs.get(0), onnx.tensor("kernel"));
        return Activations.CATALOG.get(p.getString("activation")).toOnnx(onnx, onnx.op("Gemm", args));
    }

    @Override public TorchCode toTorch(List<Shape> inputShapes, Params p) {
        boolean bias = p.getBoolean("useBias");
        TorchCode linear = TorchCode.module("nn.Linear(" + single(inputShapes).size() + ", " + p.getInt("units") + (bias ? "" : ", bias=False") + ")",
                bias ? Map.of("kernel", "weight:T", "bias", "bias") : Map.of("kernel", "weight:T"));
        return linear.then(Activations.CATALOG.get(p.getString("activation")).torchModule());
    }
}
