package org.layerlab.compute.layers;

import org.layerlab.compute.catalog.CatalogText;
import java.util.Map;
import org.layerlab.compute.export.spec.OnnxNodes.Attr;
import org.layerlab.compute.export.spec.TorchCode;
import org.layerlab.compute.export.spec.OnnxNodes;
import java.util.List;
import java.util.SplittableRandom;
import org.layerlab.compute.autodiff.ConvOps;
import org.layerlab.compute.autodiff.Var;
import org.layerlab.compute.catalog.ParamSpec;
import org.layerlab.compute.catalog.Params;
import org.layerlab.compute.tensor.Shape;

/** Shared declaration of the windowed pooling layers; each subclass names its reduction. */
public abstract class PoolingLayer extends AbstractLayerType {
    PoolingLayer(String id) {
        super(id, Category.POOLING, Arity.ONE,
                List.of(CatalogText.of("pooling").integer("pool", 2, 1, 16),
                        CatalogText.of("pooling").integer("stride", 0, 0, 16),
                        CatalogText.of("pooling").choice("padding", "valid", List.of("valid", "same"))));
    }

    static int stride(Params p) { return p.getInt("stride") == 0 ? p.getInt("pool") : p.getInt("stride"); }

    abstract Var pool(Var x, ConvOps.Window w);

    @Override public Shape outputShape(List<Shape> inputs, Params p) throws ShapeException {
        Shape in = single(inputs);
        ConvOps.Window w = Conv2DLayer.checkedWindow(in, p, p.getInt("pool"), stride(p), 1, "pool");
        return Shape.of(in.dim(0), w.outH(), w.outW());
    }

    @Override public long flops(List<Shape> inputs, Params p) {
        Shape in = single(inputs);
        ConvOps.Window w = Conv2DLayer.window(in, p, p.getInt("pool"), stride(p), 1);
        return (long) in.dim(0) * w.outH() * w.outW() * p.getInt("pool") * p.getInt("pool");
    }

    @Override public Module build(List<Shape> inputs, Params p, SplittableRandom random) {
        ConvOps.Window w = Conv2DLayer.window(single(inputs), p, p.getInt("pool"), stride(p), 1);
        return (x, ctx) -> pool(x.get(0), w);
    }

    @Override public String summary(Params p) { return p.getInt("pool") + "×" + p.getInt("pool"); }

    /** Keeps the largest value of each window. */
    public static final class Max extends PoolingLayer {
        public static final String ID = "maxpool2d";
        public Max() { super(ID); }
        @Override Var pool(Var x, ConvOps.Window w) { return ConvOps.maxPool2d(x, w); }
        @Override String onnxOp() { return "MaxPool"; }
        @Override TorchCode torchPool(int k, int s, long[] pads) {
            String pool = "nn.MaxPool2d(" + k + ", stride=" + s + ")";
            String pad = Conv2DLayer.torchPad(pads);
            // Padding never wins a max: pad with −∞.
            return TorchCode.module(pad == null ? pool : "nn.Sequential(nn.ConstantPad2d(" + pad + ", float('-inf')), " + pool + ")", Map.of());
        }
    }

    /** Averages each window. */
    public static final class Avg extends PoolingLayer {
        public static final String ID = "avgpool2d";
        public Avg() { super(ID); }
        @Override Var pool(Var x, ConvOps.Window w) { return ConvOps.avgPool2d(x, w); }
        @Override String onnxOp() { return "AveragePool"; }
        @Override TorchCode torchPool(int k, int s, long[] pads) {
            String pad = Conv2DLayer.torchPad(pads);
            if (pad == null) return TorchCode.module("nn.AvgPool2d(" + k + ", stride=" + s + ")", Map.of());
            return new TorchCode("AvgPool2dPadded(" + k + ", " + s + ", " + pad + ")", "{m}({0})", Map.of(), List.of("AvgPool2dPadded"));
        }
    }

    /** The ONNX operator of this pooling. */
    abstract String onnxOp();

    @Override public String toOnnx(OnnxNodes onnx, List<String> inputs, List<Shape> inputShapes, Params p) {
        Shape in = single(inputShapes);
        int k = p.getInt("pool"), s = stride(p);
        long[] pads = Conv2DLayer.onnxPads(in, Conv2DLayer.window(in, p, k, s, 1));
        // AveragePool's count_include_pad defaults to 0: padded taps are not counted, as in LayerLab.
        return onnx.op(onnxOp(), List.of(inputs.get(0)), Attr.ints("kernel_shape", k, k), Attr.ints("strides", s, s), Attr.ints("pads", pads));
    }

    /** Pooling in PyTorch; padding that nn.MaxPool2d/nn.AvgPool2d cannot express uses a helper of the generated file. */
    abstract TorchCode torchPool(int k, int s, long[] pads);

    @Override public TorchCode toTorch(List<Shape> inputShapes, Params p) {
        Shape in = single(inputShapes);
        int k = p.getInt("pool"), s = stride(p);
        return torchPool(k, s, Conv2DLayer.onnxPads(in, Conv2DLayer.window(in, p, k, s, 1)));
    }
}
