package org.layerlab.compute.autodiff;

import java.util.List;
import org.layerlab.compute.tensor.Shape;
import org.layerlab.compute.tensor.Tensor;
import org.layerlab.compute.tensor.Workspace;

/** The primitive behind feature inputs: each row (a, b) of an [n, 2] tensor becomes [f₁(a, b), f₂(a, b), …]. */
public final class PlaneFeatures {
    private PlaneFeatures() {}

    /** One derived feature of a point of the plane, with its partial derivatives. */
    public interface Feature {
        float value(float a, float b);

        /** ∂value/∂a at (a, b). */
        float byA(float a, float b);

        /** ∂value/∂b at (a, b). */
        float byB(float a, float b);
    }

    /** [n, 2] → [n, features.size()]. */
    public static Var expand(Var x, List<? extends Feature> features) {
        int n = x.shape().dim(0), m = features.size();
        if (x.shape().rank() != 2 || x.shape().dim(1) != 2) throw new IllegalArgumentException("plane features need [n, 2], got " + x.shape());
        float[] xv = x.value().data();
        float[] out = Workspace.floatsUninitialised(n * m);
        for (int i = 0; i < n; i++) {
            float a = xv[2 * i], b = xv[2 * i + 1];
            for (int j = 0; j < m; j++) out[i * m + j] = features.get(j).value(a, b);
        }
        return new Var(new Tensor(Shape.of(n, m), out), "planeFeatures", o -> {
            float[] g = o.grad().data(), gx = x.grad().data();
            for (int i = 0; i < n; i++) {
                float a = xv[2 * i], b = xv[2 * i + 1];
                for (int j = 0; j < m; j++) {
                    Feature f = features.get(j);
                    gx[2 * i] += g[i * m + j] * f.byA(a, b);
                    gx[2 * i + 1] += g[i * m + j] * f.byB(a, b);
                }
            }
        }, x);
    }
}
