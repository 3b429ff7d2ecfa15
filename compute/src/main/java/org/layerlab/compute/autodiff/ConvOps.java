package org.layerlab.compute.autodiff;

import org.layerlab.compute.kernels.Conv;
import org.layerlab.compute.kernels.Gemm;
import org.layerlab.compute.kernels.Pool;
import org.layerlab.compute.kernels.Threads;
import org.layerlab.compute.tensor.Shape;
import org.layerlab.compute.tensor.Tensor;
import org.layerlab.compute.tensor.Workspace;

/** Spatial primitives on N×C×H×W tensors (convolution via im2col + GEMM, pooling), each with its backward rule. */
public final class ConvOps {
    private ConvOps() {}

    /** Geometry of a 2-D window sliding over an H×W plane; padding may differ on each side ('same' with even kernels). */
    public record Window(int kh, int kw, int strideH, int strideW, int dilH, int dilW,
                         int padTop, int padLeft, int outH, int outW) {
        /** 'valid' (no padding) or 'same' (output = ceil(in/stride), zero padding split as PyTorch/Keras do, extra at the end). */
        public static Window of(int h, int w, int kh, int kw, int stride, int dilation, boolean same) {
            int ekh = dilation * (kh - 1) + 1, ekw = dilation * (kw - 1) + 1;
            if (!same) {
                int oh = h >= ekh ? (h - ekh) / stride + 1 : 0, ow = w >= ekw ? (w - ekw) / stride + 1 : 0;
                return new Window(kh, kw, stride, stride, dilation, dilation, 0, 0, oh, ow);
            }
            int oh = (h + stride - 1) / stride, ow = (w + stride - 1) / stride;
            int padH = Math.max(0, (oh - 1) * stride + ekh - h), padW = Math.max(0, (ow - 1) * stride + ekw - w);
            return new Window(kh, kw, stride, stride, dilation, dilation, padH / 2, padW / 2, oh, ow);
        }
    }

    /**
     * x[N,C,H,W] ⊛ weight[F,C,kh,kw] (+ bias[F]) → [N,F,outH,outW]: cross-correlation as in PyTorch.
     * Stride 1 runs the direct kernel ({@link Conv}) when few of its lanes would be wasted; otherwise the patches of
     * the whole batch form one matrix so a single large GEMM does the work.
     */
    public static Var conv2d(Var x, Var weight, Var bias, Window win) {
        int[] xs = x.shape().dims();
        int n = xs[0], c = xs[1], h = xs[2], w = xs[3];
        int f = weight.shape().dim(0);
        if (weight.shape().dim(1) != c) throw new IllegalArgumentException("conv2d: weight " + weight.shape() + " for input " + x.shape());
        Conv.Plan plan = Conv.plan(n, c, h, w, f, win.kh(), win.kw(), win.strideH(), win.strideW(), win.dilH(), win.dilW(),
                win.padTop(), win.padLeft(), win.outH(), win.outW());
        if (plan != null) return direct(plan, x, weight, bias, win);
        return viaGemm(x, weight, bias, win);
    }

    private static Var direct(Conv.Plan plan, Var x, Var weight, Var bias, Window win) {
        int n = x.shape().dim(0), f = weight.shape().dim(0), p = win.outH() * win.outW();
        float[] padded = Workspace.floatsUninitialised(plan.paddedSize());
        Conv.pad(plan, x.value().data(), padded);
        float[] out = Workspace.floatsUninitialised(n * f * p);
        float[] wt = Conv.forwardWeights(plan, weight.value().data(), Workspace.floatsUninitialised(Conv.forwardWeightsSize(plan)));
        Conv.forward(plan, padded, wt, bias == null ? null : bias.value().data(), out);
        Tensor result = new Tensor(Shape.of(n, f, win.outH(), win.outW()), out);
        Var.Backward rule = o -> {
            float[] g = o.grad().data();
            float[] planes = Workspace.floatsUninitialised(plan.gradPlanesSize());
            Conv.gradPlanes(plan, g, planes);
            if (weight.requiresGrad()) Conv.weightGrad(plan, planes, padded, weight.grad().data());
            if (bias != null && bias.requiresGrad()) Conv.biasGrad(plan, g, bias.grad().data());
            if (x.requiresGrad()) {
                float[] scratch = Workspace.floatsUninitialised(Conv.backwardWeightsSize(plan));
                Conv.inputGrad(plan, planes, weight.value().data(), scratch, x.grad().data());
            }
        };
        return bias == null ? new Var(result, "conv2d", rule, x, weight) : new Var(result, "conv2d", rule, x, weight, bias);
    }

    /** The patches of the whole batch as one matrix (im2col), times the filters in one GEMM. */
    static Var viaGemm(Var x, Var weight, Var bias, Window win) {
        int[] xs = x.shape().dims();
        int n = xs[0], c = xs[1], h = xs[2], w = xs[3];
        int f = weight.shape().dim(0);
        int ckk = c * win.kh() * win.kw(), p = win.outH() * win.outW(), np = n * p;
        float[] col = Workspace.floatsUninitialised(ckk * np);
        im2col(x.value().data(), n, c, h, w, win, col);
        float[] tmp = Workspace.floats(f * np);
        Gemm.gemm(false, false, f, np, ckk, weight.value().data(), col, tmp, true); // tmp is fresh (zero)
        float[] out = Workspace.floatsUninitialised(n * f * p);
        float[] bv = bias == null ? null : bias.value().data();
        Threads.parallelFor(f, (long) out.length * 2, (f0, f1) -> {
            for (int fi = f0; fi < f1; fi++) {
                float b = bv == null ? 0f : bv[fi];
                for (int ni = 0; ni < n; ni++) {
                    int src = fi * np + ni * p, dst = (ni * f + fi) * p;
                    for (int q = 0; q < p; q++) out[dst + q] = tmp[src + q] + b;
                }
            }
        });
        Tensor result = new Tensor(Shape.of(n, f, win.outH(), win.outW()), out);
        Var.Backward rule = o -> {
            float[] g = o.grad().data();
            float[] gt = Workspace.floatsUninitialised(f * np);
            Threads.parallelFor(f, (long) gt.length * 2, (f0, f1) -> {
                for (int fi = f0; fi < f1; fi++) {
                    for (int ni = 0; ni < n; ni++) System.arraycopy(g, (ni * f + fi) * p, gt, fi * np + ni * p, p);
                }
            });
            if (weight.requiresGrad()) Gemm.gemm(false, true, f, ckk, np, gt, col, weight.grad().data(), true);
            if (bias != null && bias.requiresGrad()) {
                float[] gb = bias.grad().data();
                for (int fi = 0; fi < f; fi++) {
                    float s = 0f;
                    for (int q = fi * np, e = q + np; q < e; q++) s += gt[q];
                    gb[fi] += s;
                }
            }
            if (x.requiresGrad()) {
                float[] gcol = Workspace.floats(ckk * np);
                Gemm.gemm(true, false, ckk, np, f, weight.value().data(), gt, gcol, true);
                col2im(gcol, n, c, h, w, win, x.grad().data());
            }
        };
        return bias == null ? new Var(result, "conv2d", rule, x, weight) : new Var(result, "conv2d", rule, x, weight, bias);
    }

    /** Patches as columns: row (ci,ki,kj), column (n, oy, ox). Out-of-image taps are zero. */
    static void im2col(float[] x, int n, int c, int h, int w, Window win, float[] col) {
        int oh = win.outH(), ow = win.outW(), p = oh * ow, np = n * p;
        int khw = win.kh() * win.kw();
        Threads.parallelFor(c * khw, (long) col.length * 4, (from, to) -> {
            for (int r = from; r < to; r++) im2colRow(x, n, c, h, w, win, col, r / khw, (r % khw) / win.kw(), r % win.kw());
        });
    }

    private static void im2colRow(float[] x, int n, int c, int h, int w, Window win, float[] col, int ci, int ki, int kj) {
        int oh = win.outH(), ow = win.outW(), p = oh * ow, np = n * p, sw = win.strideW();
        int row = ((ci * win.kh() + ki) * win.kw() + kj) * np;
        int ix0 = kj * win.dilW() - win.padLeft();
        // Output columns whose tap lies inside the image, ox in [lo, hi): zeros either side, a plain copy between
        // (no per-element bounds test; 'same' padding puts most taps of a 5×5 kernel near an edge).
        int lo = ix0 >= 0 ? 0 : Math.min(ow, (-ix0 + sw - 1) / sw);
        int hi = w - ix0 <= 0 ? 0 : Math.min(ow, (w - ix0 + sw - 1) / sw);
        if (hi < lo) hi = lo;
        for (int ni = 0; ni < n; ni++) {
            int xbase = (ni * c + ci) * h * w;
            int dst = row + ni * p;
            for (int oy = 0; oy < oh; oy++) {
                int iy = oy * win.strideH() - win.padTop() + ki * win.dilH();
                int d = dst + oy * ow;
                if (iy < 0 || iy >= h) { java.util.Arrays.fill(col, d, d + ow, 0f); continue; }
                int xrow = xbase + iy * w + ix0;
                for (int ox = 0; ox < lo; ox++) col[d + ox] = 0f;
                if (sw == 1) System.arraycopy(x, xrow + lo, col, d + lo, hi - lo);
                else for (int ox = lo; ox < hi; ox++) col[d + ox] = x[xrow + ox * sw];
                for (int ox = hi; ox < ow; ox++) col[d + ox] = 0f;
            }
        }
    }

    /** The adjoint of im2col: adds each column entry back to the pixel it was taken from. */
    static void col2im(float[] col, int n, int c, int h, int w, Window win, float[] gx) {
        Threads.parallelFor(c, (long) col.length * 4, (from, to) -> col2imChannels(col, n, c, h, w, win, gx, from, to));
    }

    private static void col2imChannels(float[] col, int n, int c, int h, int w, Window win, float[] gx, int c0, int c1) {
        int oh = win.outH(), ow = win.outW(), p = oh * ow, np = n * p;
        for (int ci = c0; ci < c1; ci++) {
            for (int ki = 0; ki < win.kh(); ki++) {
                for (int kj = 0; kj < win.kw(); kj++) {
                    int row = ((ci * win.kh() + ki) * win.kw() + kj) * np;
                    for (int ni = 0; ni < n; ni++) {
                        int xbase = (ni * c + ci) * h * w;
                        int src = row + ni * p;
                        for (int oy = 0; oy < oh; oy++) {
                            int iy = oy * win.strideH() - win.padTop() + ki * win.dilH();
                            if (iy < 0 || iy >= h) continue;
                            int xrow = xbase + iy * w, s = src + oy * ow;
                            int ix0 = kj * win.dilW() - win.padLeft();
                            for (int ox = 0; ox < ow; ox++) {
                                int ix = ox * win.strideW() + ix0;
                                if (ix >= 0 && ix < w) gx[xrow + ix] += col[s + ox];
                            }
                        }
                    }
                }
            }
        }
    }

    /** Max over each window (padding never wins); the gradient goes to the first maximal tap (row-major, as PyTorch). */
    public static Var maxPool2d(Var x, Window win) {
        int[] xs = x.shape().dims();
        int n = xs[0], c = xs[1], h = xs[2], w = xs[3], oh = win.outH(), ow = win.outW();
        float[] xv = x.value().data();
        float[] out = Workspace.floatsUninitialised(n * c * oh * ow);
        // Which tap won is needed only for a backward pass (not in inference, where the input needs no gradient).
        boolean grad = x.requiresGrad();
        if (win.kh() == 2 && win.kw() == 2 && win.strideH() == 2 && win.strideW() == 2 && win.padTop() == 0
                && win.padLeft() == 0 && win.dilH() == 1 && win.dilW() == 1 && 2 * oh <= h && 2 * ow <= w) {
            float[] tap = grad ? Workspace.floatsUninitialised(out.length) : null;
            Threads.parallelFor(n * c, (long) xv.length * 2, (p0, p1) -> Pool.max2x2(xv, h, w, oh, ow, out, tap, p0, p1));
            return new Var(new Tensor(Shape.of(n, c, oh, ow), out), "maxPool2d", r -> {
                float[] g = r.grad().data(), gx = x.grad().data();
                Threads.parallelFor(n * c, (long) xv.length, (p0, p1) -> Pool.max2x2Backward(g, tap, h, w, oh, ow, gx, p0, p1));
            }, x);
        }
        int[] arg = grad ? Workspace.intsUninitialised(out.length) : null;
        Threads.parallelFor(n * c, (long) xv.length * 2, (p0, p1) -> maxPoolPlanes(xv, h, w, win, out, arg, p0, p1));
        return new Var(new Tensor(Shape.of(n, c, oh, ow), out), "maxPool2d", r -> {
            float[] g = r.grad().data(), gx = x.grad().data();
            for (int i = 0; i < g.length; i++) gx[arg[i]] += g[i];
        }, x);
    }

    /** Any window: each tap tested against the image's bounds. */
    private static void maxPoolPlanes(float[] xv, int h, int w, Window win, float[] out, int[] arg, int p0, int p1) {
        int oh = win.outH(), ow = win.outW();
        for (int plane = p0; plane < p1; plane++) {
            int base = plane * h * w;
            int o = plane * oh * ow;
            for (int oy = 0; oy < oh; oy++) {
                for (int ox = 0; ox < ow; ox++, o++) {
                    float best = Float.NEGATIVE_INFINITY;
                    int bi = -1;
                    for (int ki = 0; ki < win.kh(); ki++) {
                        int iy = oy * win.strideH() - win.padTop() + ki * win.dilH();
                        if (iy < 0 || iy >= h) continue;
                        for (int kj = 0; kj < win.kw(); kj++) {
                            int ix = ox * win.strideW() - win.padLeft() + kj * win.dilW();
                            if (ix < 0 || ix >= w) continue;
                            float v = xv[base + iy * w + ix];
                            if (bi < 0 || v > best) { best = v; bi = base + iy * w + ix; }
                        }
                    }
                    out[o] = best;
                    if (arg != null) arg[o] = bi;
                }
            }
        }
    }

    /** Mean over each window, counting only taps inside the image (PyTorch's count_include_pad=False). */
    public static Var avgPool2d(Var x, Window win) {
        int[] xs = x.shape().dims();
        int n = xs[0], c = xs[1], h = xs[2], w = xs[3], oh = win.outH(), ow = win.outW();
        float[] xv = x.value().data();
        float[] out = Workspace.floats(n * c * oh * ow);
        float[] inv = new float[oh * ow];
        for (int oy = 0; oy < oh; oy++) {
            for (int ox = 0; ox < ow; ox++) {
                int cnt = 0;
                for (int ki = 0; ki < win.kh(); ki++) {
                    int iy = oy * win.strideH() - win.padTop() + ki * win.dilH();
                    for (int kj = 0; kj < win.kw(); kj++) {
                        int ix = ox * win.strideW() - win.padLeft() + kj * win.dilW();
                        if (iy >= 0 && iy < h && ix >= 0 && ix < w) cnt++;
                    }
                }
                inv[oy * ow + ox] = cnt == 0 ? 0f : 1f / cnt;
            }
        }
        forEachTap(n * c, h, w, win, (o, i) -> out[o] += xv[i]);
        for (int o = 0; o < out.length; o++) out[o] *= inv[o % (oh * ow)];
        return new Var(new Tensor(Shape.of(n, c, oh, ow), out), "avgPool2d", r -> {
            float[] g = r.grad().data(), gx = x.grad().data();
            forEachTap(n * c, h, w, win, (o, i) -> gx[i] += g[o] * inv[o % (oh * ow)]);
        }, x);
    }

    private interface Tap { void at(int outIndex, int inIndex); }

    private static void forEachTap(int planes, int h, int w, Window win, Tap tap) {
        int oh = win.outH(), ow = win.outW();
        for (int plane = 0; plane < planes; plane++) {
            int base = plane * h * w, obase = plane * oh * ow;
            for (int oy = 0; oy < oh; oy++) {
                for (int ki = 0; ki < win.kh(); ki++) {
                    int iy = oy * win.strideH() - win.padTop() + ki * win.dilH();
                    if (iy < 0 || iy >= h) continue;
                    for (int ox = 0; ox < ow; ox++) {
                        for (int kj = 0; kj < win.kw(); kj++) {
                            int ix = ox * win.strideW() - win.padLeft() + kj * win.dilW();
                            if (ix >= 0 && ix < w) tap.at(obase + oy * ow + ox, base + iy * w + ix);
                        }
                    }
                }
            }
        }
    }

    /** [N,C,H,W] → [N,C]: the mean of each feature map. */
    public static Var globalAvgPool(Var x) {
        int[] xs = x.shape().dims();
        int n = xs[0], c = xs[1], hw = xs[2] * xs[3];
        float[] xv = x.value().data();
        float[] out = Workspace.floatsUninitialised(n * c);
        for (int i = 0; i < n * c; i++) {
            double s = 0;
            for (int q = 0; q < hw; q++) s += xv[i * hw + q];
            out[i] = (float) (s / hw);
        }
        return new Var(new Tensor(Shape.of(n, c), out), "globalAvgPool", r -> {
            float[] g = r.grad().data(), gx = x.grad().data();
            for (int i = 0; i < n * c; i++) {
                float gi = g[i] / hw;
                for (int q = 0; q < hw; q++) gx[i * hw + q] += gi;
            }
        }, x);
    }
}
