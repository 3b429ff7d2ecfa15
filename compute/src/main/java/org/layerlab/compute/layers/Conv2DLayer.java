package org.layerlab.compute.layers;

import org.layerlab.compute.catalog.CatalogText;
import java.util.Map;
import org.layerlab.compute.export.spec.OnnxNodes.Attr;
import org.layerlab.compute.export.spec.TorchCode;
import org.layerlab.compute.export.spec.OnnxNodes;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.layerlab.compute.autodiff.ConvOps;
import org.layerlab.compute.autodiff.Var;
import org.layerlab.compute.catalog.ParamSpec;
import org.layerlab.compute.catalog.Params;
import org.layerlab.compute.nn.Activation;
import org.layerlab.compute.nn.Activations;
import org.layerlab.compute.tensor.Shape;
import org.layerlab.compute.tensor.Tensor;

/** 2-D convolution over C×H×W images: filters slide over the image and each produces one feature map. */
public final class Conv2DLayer extends AbstractLayerType {
    public static final String ID = "conv2d";

    public Conv2DLayer() {
        super(ID, Category.CONVOLUTION, Arity.ONE, concat(List.of(CatalogText.of("conv2d").integer("filters", 8, 1, 4096),
                        CatalogText.of("conv2d").integer("kernel", 3, 1, 31),
                        CatalogText.of("conv2d").integer("stride", 1, 1, 16),
                        CatalogText.of("conv2d").choice("padding", "valid", List.of("valid", "same")),
                        CatalogText.of("conv2d").integer("dilation", 1, 1, 16),
                        Activations.CATALOG.choice("activation", CatalogText.of("conv2d").label("activation"), "relu", CatalogText.of("conv2d").about("activation")),
                        CatalogText.of("conv2d").bool("useBias", true)),
                        Initialization.specs("he-uniform", "filters", true)));
    }

    static ConvOps.Window window(Shape in, Params p, int kernel, int stride, int dilation) {
        return ConvOps.Window.of(in.dim(1), in.dim(2), kernel, kernel, stride, dilation, p.getString("padding").equals("same"));
    }

    /** Checks the input is an image and the window fits; shared by the pooling layers. */
    static ConvOps.Window checkedWindow(Shape in, Params p, int kernel, int stride, int dilation, String what) throws ShapeException {
        if (in.rank() != 3) {
            throw new ShapeException(ShapeText.get(in.rank() == 1 ? "conv.imageFromFlat" : "conv.image", in));
        }
        ConvOps.Window w = window(in, p, kernel, stride, dilation);
        if (w.outH() < 1 || w.outW() < 1) {
            int span = dilation * (kernel - 1) + 1;
            throw new ShapeException(ShapeText.get("conv.window", ShapeText.get("conv.window." + what), String.valueOf(span),
                    String.valueOf(in.dim(1)), String.valueOf(in.dim(2))));
        }
        return w;
    }

    @Override public Shape outputShape(List<Shape> inputs, Params p) throws ShapeException {
        ConvOps.Window w = checkedWindow(single(inputs), p, p.getInt("kernel"), p.getInt("stride"), p.getInt("dilation"), "kernel");
        return Shape.of(p.getInt("filters"), w.outH(), w.outW());
    }

    @Override public long parameterCount(List<Shape> inputs, Params p) {
        long k = p.getInt("kernel"), f = p.getInt("filters");
        return f * single(inputs).dim(0) * k * k + (p.getBoolean("useBias") ? f : 0);
    }

    @Override public long flops(List<Shape> inputs, Params p) {
        Shape in = single(inputs);
        ConvOps.Window w = window(in, p, p.getInt("kernel"), p.getInt("stride"), p.getInt("dilation"));
        long k = p.getInt("kernel");
        return 2L * p.getInt("filters") * w.outH() * w.outW() * in.dim(0) * k * k;
    }

    @Override public Module build(List<Shape> inputs, Params p, SplittableRandom random) {
        Shape in = single(inputs);
        int c = in.dim(0), k = p.getInt("kernel"), f = p.getInt("filters");
        ConvOps.Window win = window(in, p, k, p.getInt("stride"), p.getInt("dilation"));
        Activation act = Activations.CATALOG.get(p.getString("activation"));
        Parameter kernel = new Parameter("kernel", Initialization.kernel(p, Shape.of(f, c, k, k), c * k * k, f * k * k, random));
        Tensor b = Initialization.bias(p, f, c * k * k, f * k * k, random);
        Parameter bias = b == null ? null : new Parameter("bias", b);
        List<Parameter> params = new ArrayList<>(List.of(kernel));
        if (bias != null) params.add(bias);
        List<Parameter> fixed = List.copyOf(params);
        return new Module() {
            @Override public Var forward(List<Var> x, ForwardContext ctx) {
                return act.apply(ConvOps.conv2d(x.get(0), kernel.var(), bias == null ? null : bias.var(), win));
            }
            @Override public List<Parameter> parameters() { return fixed; }
        };
    }

    @Override public String summary(Params p) {
        String act = p.getString("activation");
        return p.getInt("filters") + " · " + p.getInt("kernel") + "×" + p.getInt("kernel")
                + (p.getInt("stride") > 1 ? " /" + p.getInt("stride") : "")
                + (act.equals("linear") ? "" : " · " + Activations.CATALOG.get(act).displayName());
    }

    /** ONNX's pads of a window: begin of each axis, then end of each axis. */
    static long[] onnxPads(Shape in, ConvOps.Window w) {
        int padH = Math.max(0, (w.outH() - 1) * w.strideH() + w.dilH() * (w.kh() - 1) + 1 - in.dim(1));
        int padW = Math.max(0, (w.outW() - 1) * w.strideW() + w.dilW() * (w.kw() - 1) + 1 - in.dim(2));
        return new long[] {w.padTop(), w.padLeft(), padH - w.padTop(), padW - w.padLeft()};
    }

    /** PyTorch's F.pad order (left, right, top, bottom) of ONNX pads, or null when there is no padding. */
    static String torchPad(long[] pads) {
        if (pads[0] == 0 && pads[1] == 0 && pads[2] == 0 && pads[3] == 0) return null;
        return "(" + pads[1] + ", " + pads[3] + ", " + pads[0] + ", " + pads[2] + ")";
    }

    @Override public String toOnnx(OnnxNodes onnx, List<String> inputs, List<Shape> inputShapes, Params p) {
        Shape in = single(inputShapes);
        int k = p.getInt("kernel"), s = p.getInt("stride"), d = p.getInt("dilation");
        List<String> args = p.getBoolean("useBias") ? List.of(inputs.get(0), onnx.tensor("kernel"), onnx.tensor("bias"))
                : List.of(inputs.get(0), onnx.tensor("kernel"));
        String y = onnx.op("Conv", args, Attr.ints("kernel_shape", k, k), Attr.ints("strides", s, s), Attr.ints("dilations", d, d),
                Attr.ints("pads", onnxPads(in, window(in, p, k, s, d))));
        return Activations.CATALOG.get(p.getString("activation")).toOnnx(onnx, y);
    }

    @Override public TorchCode toTorch(List<Shape> inputShapes, Params p) {
        Shape in = single(inputShapes);
        int k = p.getInt("kernel"), s = p.getInt("stride"), d = p.getInt("dilation");
        long[] pads = onnxPads(in, window(in, p, k, s, d));
        boolean bias = p.getBoolean("useBias");
        boolean symmetric = pads[0] == pads[2] && pads[1] == pads[3];
        String conv = "nn.Conv2d(" + in.dim(0) + ", " + p.getInt("filters") + ", " + k + ", stride=" + s
                + ", padding=" + (symmetric ? "(" + pads[0] + ", " + pads[1] + ")" : "0") + ", dilation=" + d + (bias ? "" : ", bias=False") + ")";
        Map<String, String> w = bias ? Map.of("kernel", "weight", "bias", "bias") : Map.of("kernel", "weight");
        TorchCode code = TorchCode.module(conv, w);
        if (!symmetric) {
            // 'same' with an even kernel or a stride pads one pixel more at the end, which nn.Conv2d cannot say.
            Map<String, String> moved = new java.util.LinkedHashMap<>();
            w.forEach((key, v) -> moved.put(key, "1." + v));
            code = TorchCode.module("nn.Sequential(nn.ZeroPad2d(" + torchPad(pads) + "), " + conv + ")", moved);
        }
        return code.then(Activations.CATALOG.get(p.getString("activation")).torchModule());
    }
}
