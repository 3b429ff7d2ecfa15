package org.layerlab.compute.autodiff;

import org.layerlab.compute.tensor.Shape;
import org.layerlab.compute.tensor.Tensor;
import org.layerlab.compute.tensor.Workspace;

/** Primitives that move values without arithmetic: concatenation. */
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
}
