package org.layerlab.compute.autodiff;

import org.layerlab.compute.kernels.Gemm;
import org.layerlab.compute.tensor.Shape;
import org.layerlab.compute.tensor.Tensor;
import org.layerlab.compute.tensor.Workspace;

/** The primitive operations: each forward with its backward rule beside it. Composites live elsewhere. */
public final class Ops {
    private Ops() {}

    /** [n,k]·[k,m] → [n,m]. */
    public static Var matmul(Var a, Var b) {
        int n = a.shape().dim(0), k = a.shape().dim(1), m = b.shape().dim(1);
        if (b.shape().dim(0) != k) throw new IllegalArgumentException("matmul " + a.shape() + " · " + b.shape());
        Tensor out = Tensor.zeros(n, m);
        Gemm.gemm(false, false, n, m, k, a.value().data(), b.value().data(), out.data(), true); // out is fresh (zero)
        return new Var(out, "matmul", o -> {
            float[] g = o.grad().data();
            if (a.requiresGrad()) Gemm.gemm(false, true, n, k, m, g, b.value().data(), a.grad().data(), true);
            if (b.requiresGrad()) Gemm.gemm(true, false, k, m, n, a.value().data(), g, b.grad().data(), true);
        }, a, b);
    }

    /**
     * A dense layer in one product: f(x·w + bias) for x [n,k], w [k,m], bias [m] (or null) and an element-wise f whose
     * derivative comes from its output ({@link Elementwise#derivativeFromOutput}; or null for none). The bias and f
     * are applied in the product's store (its epilogue) rather than in passes of their own, and the backward needs
     * only the output. {@code packedW}, when not null, is w's current values packed ahead ({@link Gemm#pack}), as
     * inference keeps them. The values and gradients are bit-identical to matmul, addRow and map in turn.
     */
    public static Var dense(Var x, Var w, Var bias, Elementwise f, Gemm.PackedB packedW) {
        int n = x.shape().dim(0), k = x.shape().dim(1), m = w.shape().dim(1);
        if (w.shape().dim(0) != k) throw new IllegalArgumentException("dense " + x.shape() + " · " + w.shape());
        if (bias != null && bias.value().size() != m) throw new IllegalArgumentException("dense bias " + bias.shape() + " for " + m + " units");
        if (f != null && !f.derivativeFromOutput()) throw new IllegalArgumentException("dense: the function's derivative needs its input");
        float[] xv = x.value().data(), wv = w.value().data(), bv = bias == null ? null : bias.value().data();
        float[] yv = Workspace.floatsUninitialised(n * m); // the product writes every element
        if (packedW != null) Gemm.gemm(false, n, xv, packedW, yv, false, bv, f);
        else Gemm.gemm(false, false, n, m, k, xv, wv, yv, false, bv, f);
        Var[] parents = bias == null ? new Var[] {x, w} : new Var[] {x, w, bias};
        return new Var(new Tensor(Shape.of(n, m), yv), "dense", o -> {
            float[] g = o.grad().data(), gz = g;
            if (f != null) {
                gz = Workspace.floats(n * m);
                f.backwardAll(yv, yv, g, gz); // y stands in for x (derivativeFromOutput)
            }
            if (x.requiresGrad()) Gemm.gemm(false, true, n, k, m, gz, wv, x.grad().data(), true);
            if (w.requiresGrad()) Gemm.gemm(true, false, k, m, n, xv, gz, w.grad().data(), true);
            if (bias != null && bias.requiresGrad()) {
                float[] gb = bias.grad().data();
                for (int i = 0; i < n; i++) for (int j = 0; j < m; j++) gb[j] += gz[i * m + j];
            }
        }, parents);
    }

    /** x[n,m] + bias[m], broadcast over rows. */
    public static Var addRow(Var x, Var bias) {
        int m = bias.value().size();
        int n = x.value().size() / m;
        float[] xv = x.value().data(), bv = bias.value().data();
        float[] ov = Workspace.floatsUninitialised(xv.length);
        for (int i = 0; i < n; i++) for (int j = 0; j < m; j++) ov[i * m + j] = xv[i * m + j] + bv[j];
        return new Var(new Tensor(x.shape(), ov), "addRow", o -> {
            float[] g = o.grad().data();
            if (x.requiresGrad()) accumulate(x.grad().data(), g);
            if (bias.requiresGrad()) {
                float[] gb = bias.grad().data();
                for (int i = 0; i < n; i++) for (int j = 0; j < m; j++) gb[j] += g[i * m + j];
            }
        }, x, bias);
    }

    /** Elementwise a + b (same shape). */
    public static Var add(Var a, Var b) {
        requireSameShape("add", a, b);
        float[] av = a.value().data(), bv = b.value().data();
        float[] ov = Workspace.floatsUninitialised(av.length);
        for (int i = 0; i < ov.length; i++) ov[i] = av[i] + bv[i];
        return new Var(new Tensor(a.shape(), ov), "add", o -> {
            if (a.requiresGrad()) accumulate(a.grad().data(), o.grad().data());
            if (b.requiresGrad()) accumulate(b.grad().data(), o.grad().data());
        }, a, b);
    }

    /** Elementwise a * b (same shape). */
    public static Var mul(Var a, Var b) {
        requireSameShape("mul", a, b);
        float[] av = a.value().data(), bv = b.value().data();
        float[] ov = Workspace.floatsUninitialised(av.length);
        for (int i = 0; i < ov.length; i++) ov[i] = av[i] * bv[i];
        return new Var(new Tensor(a.shape(), ov), "mul", o -> {
            float[] g = o.grad().data();
            if (a.requiresGrad()) { float[] ga = a.grad().data(); for (int i = 0; i < g.length; i++) ga[i] += g[i] * bv[i]; }
            if (b.requiresGrad()) { float[] gb = b.grad().data(); for (int i = 0; i < g.length; i++) gb[i] += g[i] * av[i]; }
        }, a, b);
    }

    /** f applied to every element. */
    public static Var map(Var x, Elementwise f, String name) {
        float[] xv = x.value().data();
        float[] yv = Workspace.floatsUninitialised(xv.length);
        f.applyAll(xv, yv);
        return new Var(new Tensor(x.shape(), yv), name, o -> f.backwardAll(xv, yv, o.grad().data(), x.grad().data()), x);
    }

    /** Same data viewed with another shape of equal size. */
    public static Var reshape(Var x, Shape shape) {
        Tensor out = x.value().reshape(shape);
        return new Var(out, "reshape", o -> accumulate(x.grad().data(), o.grad().data()), x);
    }

    /** Row-wise softmax over the last axis of [n,c]. */
    public static Var softmax(Var x) {
        int c = x.shape().dim(-1), n = x.value().size() / c;
        float[] xv = x.value().data();
        float[] yv = Workspace.floatsUninitialised(xv.length);
        for (int i = 0; i < n; i++) softmaxRow(xv, yv, i * c, c);
        return new Var(new Tensor(x.shape(), yv), "softmax", o -> {
            float[] g = o.grad().data(), gx = x.grad().data();
            for (int i = 0; i < n; i++) {
                int r = i * c;
                float dot = 0f;
                for (int j = 0; j < c; j++) dot += g[r + j] * yv[r + j];
                for (int j = 0; j < c; j++) gx[r + j] += yv[r + j] * (g[r + j] - dot);
            }
        }, x);
    }

    /** Mean over rows of −log softmax(logits)[label]; stable via the log-sum-exp shift. */
    public static Var softmaxCrossEntropy(Var logits, int[] labels) {
        int c = logits.shape().dim(-1), n = logits.value().size() / c;
        if (labels.length != n) throw new IllegalArgumentException(labels.length + " labels for " + n + " rows");
        float[] xv = logits.value().data();
        float[] p = Workspace.floatsUninitialised(xv.length);
        double loss = 0;
        for (int i = 0; i < n; i++) {
            int r = i * c;
            int label = labels[i];
            if (label < 0 || label >= c) throw new IllegalArgumentException("label " + label + " outside 0.." + (c - 1));
            float max = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < c; j++) max = Math.max(max, xv[r + j]);
            double sum = 0;
            for (int j = 0; j < c; j++) sum += Math.exp(xv[r + j] - max);
            loss += Math.log(sum) + max - xv[r + label];
            softmaxRow(xv, p, r, c);
        }
        Tensor out = Tensor.scalar((float) (loss / n));
        return new Var(out, "softmaxCrossEntropy", o -> {
            float scale = o.grad().data()[0] / n;
            float[] gx = logits.grad().data();
            for (int i = 0; i < n; i++) {
                int r = i * c;
                for (int j = 0; j < c; j++) gx[r + j] += scale * (p[r + j] - (j == labels[i] ? 1f : 0f));
            }
        }, logits);
    }

    /** Mean binary cross-entropy of sigmoid(logits) against 0/1 targets: max(x,0) − x·t + log(1 + e^−|x|). */
    public static Var sigmoidBinaryCrossEntropy(Var logits, float[] targets) {
        float[] xv = logits.value().data();
        if (targets.length != xv.length) throw new IllegalArgumentException(targets.length + " targets for " + xv.length + " outputs");
        int n = xv.length;
        double loss = 0;
        for (int i = 0; i < n; i++) {
            float x = xv[i];
            loss += Math.max(x, 0) - x * targets[i] + log1p(Math.exp(-Math.abs(x)));
        }
        return new Var(Tensor.scalar((float) (loss / n)), "sigmoidBinaryCrossEntropy", o -> {
            float scale = o.grad().data()[0] / n;
            float[] gx = logits.grad().data();
            for (int i = 0; i < n; i++) gx[i] += scale * (sigmoid(xv[i]) - targets[i]);
        }, logits);
    }

    /** Mean of (prediction − target)² over all elements. */
    public static Var meanSquaredError(Var prediction, float[] targets) {
        float[] pv = prediction.value().data();
        if (targets.length != pv.length) throw new IllegalArgumentException(targets.length + " targets for " + pv.length + " outputs");
        int n = pv.length;
        double loss = 0;
        for (int i = 0; i < n; i++) { double d = pv[i] - targets[i]; loss += d * d; }
        return new Var(Tensor.scalar((float) (loss / n)), "meanSquaredError", o -> {
            float scale = 2f * o.grad().data()[0] / n;
            float[] gp = prediction.grad().data();
            for (int i = 0; i < n; i++) gp[i] += scale * (pv[i] - targets[i]);
        }, prediction);
    }

    /** Mean of |prediction − target| over all elements (subgradient 0 at equality, as PyTorch). */
    public static Var meanAbsoluteError(Var prediction, float[] targets) {
        float[] pv = prediction.value().data();
        if (targets.length != pv.length) throw new IllegalArgumentException(targets.length + " targets for " + pv.length + " outputs");
        int n = pv.length;
        double loss = 0;
        for (int i = 0; i < n; i++) loss += Math.abs(pv[i] - targets[i]);
        return new Var(Tensor.scalar((float) (loss / n)), "meanAbsoluteError", o -> {
            float scale = o.grad().data()[0] / n;
            float[] gp = prediction.grad().data();
            for (int i = 0; i < n; i++) gp[i] += scale * Math.signum(pv[i] - targets[i]);
        }, prediction);
    }

    /** Mean Huber loss: ½d² where |d| ≤ δ, δ(|d| − ½δ) beyond (PyTorch's HuberLoss). */
    public static Var huber(Var prediction, float[] targets, float delta) {
        float[] pv = prediction.value().data();
        if (targets.length != pv.length) throw new IllegalArgumentException(targets.length + " targets for " + pv.length + " outputs");
        int n = pv.length;
        double loss = 0;
        for (int i = 0; i < n; i++) {
            double d = pv[i] - targets[i], a = Math.abs(d);
            loss += a <= delta ? 0.5 * d * d : delta * (a - 0.5 * delta);
        }
        return new Var(Tensor.scalar((float) (loss / n)), "huber", o -> {
            float scale = o.grad().data()[0] / n;
            float[] gp = prediction.grad().data();
            for (int i = 0; i < n; i++) {
                float d = pv[i] - targets[i];
                gp[i] += scale * Math.max(-delta, Math.min(delta, d));
            }
        }, prediction);
    }

    /** The error function, |error| < 1.2e-7 (Numerical Recipes' erfc Chebyshev fit), for GELU. */
    public static double erf(double x) {
        double z = Math.abs(x), t = 1 / (1 + 0.5 * z);
        double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? 1 - r : r - 1;
    }

    /**
     * log(1 + e) for e in [0, 1] from {@code Math.log} (a JIT intrinsic; {@code Math.log1p} is a native call on JDK 17,
     * ~3× slower), with Kahan's correction for the rounding of 1 + e: within 4e-16 relative of {@code Math.log1p}.
     */
    static double log1p(double e) {
        double u = 1 + e;
        return u == 1 ? e : Math.log(u) * e / (u - 1);
    }

    public static float sigmoid(float x) {
        return x >= 0 ? 1f / (1f + (float) Math.exp(-x)) : (float) (Math.exp(x) / (1 + Math.exp(x)));
    }

    static void softmaxRow(float[] x, float[] y, int offset, int c) {
        float max = Float.NEGATIVE_INFINITY;
        for (int j = 0; j < c; j++) max = Math.max(max, x[offset + j]);
        float sum = 0f;
        for (int j = 0; j < c; j++) { float e = (float) Math.exp(x[offset + j] - max); y[offset + j] = e; sum += e; }
        for (int j = 0; j < c; j++) y[offset + j] /= sum;
    }

    private static void accumulate(float[] into, float[] g) {
        for (int i = 0; i < g.length; i++) into[i] += g[i];
    }

    private static void requireSameShape(String op, Var a, Var b) {
        if (!a.shape().equals(b.shape())) throw new IllegalArgumentException(op + ": " + a.shape() + " vs " + b.shape());
    }
}
