package org.layerlab.compute.autodiff;

import org.layerlab.compute.tensor.Shape;
import org.layerlab.compute.tensor.Tensor;
import org.layerlab.compute.tensor.Workspace;

/** Primitives that move values without arithmetic: concatenation, zero padding. */
public final class ShapeOps {
    private ShapeOps() {}

    /** Joins tensors along {@code axis} (of the full tensor, batch axis 0); all other sizes must agree. */
    public static Var concat(Var[] xs, int axis) {
        int[] dims = xs[0].shape().dims();
        int rank = dims.length;
        int outer = 1, inner = 1;
        for (int i = 0; i < axis; i++) outer *= dims[i];
        for (int i = axis + 1; i < rank; i++) inner *= dims[i];
        int[] chunk = new int[xs.length];
        int total = 0;
        for (int k = 0; k < xs.length; k++) {
            int[] d = xs[k].shape().dims();
            if (d.length != rank) throw new IllegalArgumentException("concat: ranks differ " + xs[0].shape() + " vs " + xs[k].shape());
            for (int i = 0; i < rank; i++) {
                if (i != axis && d[i] != dims[i]) throw new IllegalArgumentException("concat: " + xs[0].shape() + " vs " + xs[k].shape());
            }
            chunk[k] = d[axis] * inner;
            total += d[axis];
        }
        int row = total * inner, rows = outer;
        float[] out = Workspace.floatsUninitialised(outer * row);
        int at = 0;
        for (int k = 0; k < xs.length; k++) {
            float[] src = xs[k].value().data();
            for (int o = 0; o < outer; o++) System.arraycopy(src, o * chunk[k], out, o * row + at, chunk[k]);
            at += chunk[k];
        }
        int[] od = dims.clone();
        od[axis] = total;
        return new Var(new Tensor(Shape.of(od), out), "concat", r -> {
            float[] g = r.grad().data();
            int a = 0;
            for (int k = 0; k < xs.length; k++) {
                if (xs[k].requiresGrad()) {
                    float[] gx = xs[k].grad().data();
                    for (int o = 0; o < rows; o++) {
                        int s = o * row + a, d = o * chunk[k];
                        for (int q = 0; q < chunk[k]; q++) gx[d + q] += g[s + q];
                    }
                }
                a += chunk[k];
            }
        }, xs);
    }

    /** Pads the planes of an N×C×H×W tensor with zeros: {@code top} rows above, {@code bottom} below, and columns left and right. */
    public static Var pad2d(Var x, int top, int bottom, int left, int right) {
        int[] d = x.shape().dims();
        if (d.length != 4) throw new IllegalArgumentException("pad2d: expects N×C×H×W, got " + x.shape());
        int planes = d[0] * d[1], h = d[2], w = d[3], oh = h + top + bottom, ow = w + left + right;
        float[] in = x.value().data(), out = new float[planes * oh * ow];
        for (int pl = 0; pl < planes; pl++) {
            for (int y = 0; y < h; y++) System.arraycopy(in, (pl * h + y) * w, out, (pl * oh + y + top) * ow + left, w);
        }
        return new Var(new Tensor(Shape.of(d[0], d[1], oh, ow), out), "pad2d", r -> {
            if (!x.requiresGrad()) return;
            float[] g = r.grad().data(), gx = x.grad().data();
            for (int pl = 0; pl < planes; pl++) {
                for (int y = 0; y < h; y++) {
                    int src = (pl * oh + y + top) * ow + left, dst = (pl * h + y) * w;
                    for (int q = 0; q < w; q++) gx[dst + q] += g[src + q];
                }
            }
        }, x);
    }
}
