package org.layerlab.compute.layers;

import java.util.List;
import java.util.SplittableRandom;
import org.layerlab.compute.autodiff.ConvOps;
import org.layerlab.compute.autodiff.Var;
import org.layerlab.compute.catalog.ParamSpec;
import org.layerlab.compute.catalog.Params;
import org.layerlab.compute.tensor.Shape;

/** Shared declaration of the windowed pooling layers; each subclass names its reduction. */
public abstract class PoolingLayer extends AbstractLayerType {
    PoolingLayer(String id, String name, String description) {
        super(id, name, Category.POOLING, Arity.ONE, description,
                List.of(ParamSpec.integer("pool", "Pool size", 2, 1, 16, "Width and height of the window summarised into one value."),
                        ParamSpec.integer("stride", "Stride", 0, 0, 16, "How far the window moves each step; 0 means the pool size (no overlap)."),
                        ParamSpec.choice("padding", "Padding", "valid", List.of("valid", "same"),
                                "'same' lets windows hang over the edge so the output is ceil(size/stride); 'valid' drops what does not fit.")));
    }

    static int stride(Params p) { return p.getInt("stride") == 0 ? p.getInt("pool") : p.getInt("stride"); }

    abstract Var pool(Var x, ConvOps.Window w);

    @Override public Shape outputShape(List<Shape> inputs, Params p) throws ShapeException {
        Shape in = single(inputs);
        ConvOps.Window w = Conv2DLayer.checkedWindow(in, p, p.getInt("pool"), stride(p), 1, "pool size");
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
        public Max() { super(ID, "MaxPool2D", "Keeps the strongest response in each small window, shrinking the image and tolerating small shifts."); }
        @Override Var pool(Var x, ConvOps.Window w) { return ConvOps.maxPool2d(x, w); }
    }

    /** Averages each window. */
    public static final class Avg extends PoolingLayer {
        public static final String ID = "avgpool2d";
        public Avg() { super(ID, "AvgPool2D", "Averages each small window, shrinking the image smoothly."); }
        @Override Var pool(Var x, ConvOps.Window w) { return ConvOps.avgPool2d(x, w); }
    }
}
