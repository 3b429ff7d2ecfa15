package org.layerlab.compute.autodiff;

import java.util.List;

/**
 * A float64 reference implementation of every primitive, written from the definitions as plain loops and sharing no
 * code with the engine's kernels (no im2col, no GEMM, no stable-form rewrites), so that finite differences of it
 * are accurate to ~1e-9 and a bug in a kernel cannot hide in its reference. Every function is pure: it never changes
 * its arguments. The one thing borrowed is {@link Ops#erf}, because GELU is defined by the engine with that fit.
 */
public final class Reference {
    private Reference() {}

    /** [n,k]·[k,m] → [n,m]. */
    public static Tensor64 matmul(Tensor64 a, Tensor64 b) {
        int n = a.dim(0), k = a.dim(1), m = b.dim(1);
        if (b.dim(0) != k) throw new IllegalArgumentException("matmul " + a + " · " + b);
        Tensor64 out = Tensor64.zeros(n, m);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double s = 0;
                for (int q = 0; q < k; q++) s += a.values()[i * k + q] * b.values()[q * m + j];
                out.values()[i * m + j] = s;
            }
        }
        return out;
    }

    /** x + bias, the bias repeated along every row of the last axis. */
    public static Tensor64 addRow(Tensor64 x, Tensor64 bias) {
        Tensor64 out = x.copy();
        int m = bias.size();
        for (int i = 0; i < out.size(); i++) out.values()[i] += bias.values()[i % m];
        return out;
    }

    public static Tensor64 add(Tensor64 a, Tensor64 b) { return zip(a, b, (p, q) -> p + q); }

    public static Tensor64 mul(Tensor64 a, Tensor64 b) { return zip(a, b, (p, q) -> p * q); }

    public static Tensor64 reshape(Tensor64 x, int... dims) { return new Tensor64(dims.clone(), x.values().clone()); }

    /** The activation with this catalog id, from its textbook definition. */
    public static Tensor64 activation(String id, Tensor64 x) {
        return switch (id) {
            case "linear" -> x.copy();
            case "relu" -> map(x, v -> v > 0 ? v : 0);
            case "leaky-relu" -> map(x, v -> v > 0 ? v : 0.01 * v);
            case "elu" -> map(x, v -> v > 0 ? v : Math.exp(v) - 1);
            case "gelu" -> map(x, v -> 0.5 * v * (1 + Ops.erf(v / Math.sqrt(2))));
            case "silu" -> map(x, v -> v * sigmoid(v));
            case "tanh" -> map(x, Math::tanh);
            case "sigmoid" -> map(x, Reference::sigmoid);
            case "softmax" -> softmax(x);
            default -> throw new IllegalArgumentException("no float64 reference for activation '" + id + "'");
        };
    }

    /** e^x / Σ e^x over the last axis. */
    public static Tensor64 softmax(Tensor64 x) {
        int c = x.dim(-1);
        Tensor64 out = x.copy();
        double[] y = out.values();
        for (int r = 0; r < x.size(); r += c) {
            double sum = 0;
            for (int j = 0; j < c; j++) sum += Math.exp(x.values()[r + j]);
            for (int j = 0; j < c; j++) y[r + j] = Math.exp(x.values()[r + j]) / sum;
        }
        return out;
    }

    /** Mean over rows of −log softmax(row)[label]. */
    public static Tensor64 softmaxCrossEntropy(Tensor64 logits, int[] labels) {
        Tensor64 p = softmax(logits);
        int c = logits.dim(-1), n = logits.size() / c;
        double loss = 0;
        for (int i = 0; i < n; i++) loss -= Math.log(p.values()[i * c + labels[i]]);
        return Tensor64.scalar(loss / n);
    }

    /** Mean of −[t·log σ(x) + (1−t)·log(1−σ(x))]. */
    public static Tensor64 binaryCrossEntropy(Tensor64 logits, float[] targets) {
        double loss = 0;
        for (int i = 0; i < logits.size(); i++) {
            double s = sigmoid(logits.values()[i]), t = targets[i];
            loss -= t * Math.log(s) + (1 - t) * Math.log(1 - s);
        }
        return Tensor64.scalar(loss / logits.size());
    }

    public static Tensor64 meanSquaredError(Tensor64 prediction, float[] targets) {
        return meanOver(prediction, targets, d -> d * d);
    }

    public static Tensor64 meanAbsoluteError(Tensor64 prediction, float[] targets) {
        return meanOver(prediction, targets, Math::abs);
    }

    /** Mean Huber loss: ½d² for |d| ≤ δ, δ·(|d| − ½δ) beyond. */
    public static Tensor64 huber(Tensor64 prediction, float[] targets, double delta) {
        return meanOver(prediction, targets, d -> Math.abs(d) <= delta ? 0.5 * d * d : delta * (Math.abs(d) - 0.5 * delta));
    }

    /**
     * Where a window of k taps (spaced by {@code dilation}) sliding by {@code stride} starts and how many positions it
     * takes along an axis of {@code in} pixels: 'valid' never leaves the image; 'same' gives ceil(in/stride) positions,
     * padding with the total needed, half (rounded down) before and the rest after.
     */
    record Axis(int padBefore, int out) {
        static Axis of(int in, int k, int stride, int dilation, boolean same) {
            int span = dilation * (k - 1) + 1;
            if (!same) return new Axis(0, (in - span) / stride + 1);
            int out = (in + stride - 1) / stride;
            return new Axis(Math.max(0, (out - 1) * stride + span - in) / 2, out);
        }
    }

    /** Cross-correlation x[N,C,H,W] ⋆ w[F,C,k,k] (+ bias[F]) → [N,F,outH,outW], the direct seven-loop sum. */
    public static Tensor64 conv2d(Tensor64 x, Tensor64 w, Tensor64 bias, int stride, int dilation, boolean same) {
        int n = x.dim(0), c = x.dim(1), h = x.dim(2), wd = x.dim(3), f = w.dim(0), k = w.dim(2);
        Axis ay = Axis.of(h, k, stride, dilation, same), ax = Axis.of(wd, k, stride, dilation, same);
        Tensor64 out = Tensor64.zeros(n, f, ay.out(), ax.out());
        int o = 0;
        for (int ni = 0; ni < n; ni++) {
            for (int fi = 0; fi < f; fi++) {
                for (int oy = 0; oy < ay.out(); oy++) {
                    for (int ox = 0; ox < ax.out(); ox++) {
                        double s = bias == null ? 0 : bias.values()[fi];
                        for (int ci = 0; ci < c; ci++) {
                            for (int i = 0; i < k; i++) {
                                for (int j = 0; j < k; j++) {
                                    int iy = oy * stride - ay.padBefore() + i * dilation, ix = ox * stride - ax.padBefore() + j * dilation;
                                    if (iy < 0 || iy >= h || ix < 0 || ix >= wd) continue; // zero padding
                                    s += x.values()[((ni * c + ci) * h + iy) * wd + ix] * w.values()[((fi * c + ci) * k + i) * k + j];
                                }
                            }
                        }
                        out.values()[o++] = s;
                    }
                }
            }
        }
        return out;
    }

    /** Largest value of each k×k window, over the taps inside the image. */
    public static Tensor64 maxPool2d(Tensor64 x, int k, int stride, boolean same) {
        return pool(x, k, stride, same, (taps, count) -> {
            double best = Double.NEGATIVE_INFINITY;
            for (int t = 0; t < count; t++) best = Math.max(best, taps[t]);
            return best;
        });
    }

    /** Mean of each k×k window over the taps inside the image (padding is not counted). */
    public static Tensor64 avgPool2d(Tensor64 x, int k, int stride, boolean same) {
        return pool(x, k, stride, same, (taps, count) -> {
            double s = 0;
            for (int t = 0; t < count; t++) s += taps[t];
            return s / count;
        });
    }

    /** [N,C,H,W] → [N,C]: the mean of each feature map. */
    /** Zero padding of N×C×H×W planes, written as a gather from the padded position back to the input. */
    public static Tensor64 pad2d(Tensor64 x, int top, int bottom, int left, int right) {
        int n = x.dim(0), c = x.dim(1), h = x.dim(2), w = x.dim(3), oh = h + top + bottom, ow = w + left + right;
        Tensor64 y = Tensor64.zeros(n, c, oh, ow);
        for (int p = 0; p < n * c; p++) {
            for (int oy = 0; oy < oh; oy++) {
                for (int ox = 0; ox < ow; ox++) {
                    int iy = oy - top, ix = ox - left;
                    if (iy >= 0 && iy < h && ix >= 0 && ix < w) y.values()[(p * oh + oy) * ow + ox] = x.values()[(p * h + iy) * w + ix];
                }
            }
        }
        return y;
    }

    public static Tensor64 globalAvgPool(Tensor64 x) {
        int n = x.dim(0), c = x.dim(1), hw = x.size() / (n * c);
        Tensor64 out = Tensor64.zeros(n, c);
        for (int i = 0; i < n * c; i++) {
            double s = 0;
            for (int q = 0; q < hw; q++) s += x.values()[i * hw + q];
            out.values()[i] = s / hw;
        }
        return out;
    }

    /**
     * Batch normalisation of x[N,C] or x[N,C,H,W] per channel: γ·(x − μ)/√(σ² + ε) + β, where μ and σ² are the
     * batch's mean and biased variance over N (and H, W) in training, and the given running ones in inference.
     */
    public static Tensor64 batchNorm(Tensor64 x, Tensor64 gamma, Tensor64 beta, double[] runningMean, double[] runningVar,
                                     boolean training, double eps) {
        int n = x.dim(0), c = x.dim(1), inner = x.size() / (n * c);
        Tensor64 out = Tensor64.zeros(x.dims());
        for (int ch = 0; ch < c; ch++) {
            double mean = runningMean[ch], var = runningVar[ch];
            if (training) {
                double s = 0, ss = 0;
                for (int ni = 0; ni < n; ni++) for (int q = 0; q < inner; q++) s += x.values()[(ni * c + ch) * inner + q];
                mean = s / (n * inner);
                for (int ni = 0; ni < n; ni++) {
                    for (int q = 0; q < inner; q++) { double d = x.values()[(ni * c + ch) * inner + q] - mean; ss += d * d; }
                }
                var = ss / (n * inner);
            }
            for (int ni = 0; ni < n; ni++) {
                for (int q = 0; q < inner; q++) {
                    int i = (ni * c + ch) * inner + q;
                    out.values()[i] = gamma.values()[ch] * (x.values()[i] - mean) / Math.sqrt(var + eps) + beta.values()[ch];
                }
            }
        }
        return out;
    }

    /** The running statistics after one training batch: (1 − momentum)·old + momentum·batch, the batch variance unbiased. */
    public static double[][] updatedRunningStatistics(Tensor64 x, double[] runningMean, double[] runningVar, double momentum) {
        int n = x.dim(0), c = x.dim(1), inner = x.size() / (n * c), m = n * inner;
        double[] mean = new double[c], var = new double[c];
        for (int ch = 0; ch < c; ch++) {
            double s = 0, ss = 0;
            for (int ni = 0; ni < n; ni++) for (int q = 0; q < inner; q++) s += x.values()[(ni * c + ch) * inner + q];
            for (int ni = 0; ni < n; ni++) {
                for (int q = 0; q < inner; q++) { double d = x.values()[(ni * c + ch) * inner + q] - s / m; ss += d * d; }
            }
            mean[ch] = (1 - momentum) * runningMean[ch] + momentum * s / m;
            var[ch] = (1 - momentum) * runningVar[ch] + momentum * ss / (m - 1);
        }
        return new double[][] {mean, var};
    }

    /** Normalises each sample over all its features (biased variance), then γ and β elementwise (sample-shaped). */
    public static Tensor64 layerNorm(Tensor64 x, Tensor64 gamma, Tensor64 beta, double eps) {
        int n = x.dim(0), d = x.size() / n;
        Tensor64 out = Tensor64.zeros(x.dims());
        for (int i = 0; i < n; i++) {
            double s = 0, ss = 0;
            for (int j = 0; j < d; j++) s += x.values()[i * d + j];
            double mean = s / d;
            for (int j = 0; j < d; j++) { double t = x.values()[i * d + j] - mean; ss += t * t; }
            double std = Math.sqrt(ss / d + eps);
            for (int j = 0; j < d; j++) out.values()[i * d + j] = gamma.values()[j] * (x.values()[i * d + j] - mean) / std + beta.values()[j];
        }
        return out;
    }

    /** Joins tensors along {@code axis} (batch axis 0); walks the output by multi-index and reads from the owning input. */
    public static Tensor64 concat(List<Tensor64> xs, int axis) {
        int[] dims = xs.get(0).dims().clone();
        dims[axis] = 0;
        for (Tensor64 x : xs) dims[axis] += x.dim(axis);
        Tensor64 out = Tensor64.zeros(dims);
        int[] at = new int[dims.length];
        for (int o = 0; o < out.size(); o++) {
            int rest = o;
            for (int a = dims.length - 1; a >= 0; a--) { at[a] = rest % dims[a]; rest /= dims[a]; }
            int which = 0, along = at[axis];
            while (along >= xs.get(which).dim(axis)) along -= xs.get(which++).dim(axis);
            Tensor64 src = xs.get(which);
            int flat = 0;
            for (int a = 0; a < dims.length; a++) flat = flat * src.dim(a) + (a == axis ? along : at[a]);
            out.values()[o] = src.values()[flat];
        }
        return out;
    }

    /** Feature inputs: each row (a, b) of [n, 2] becomes the named features in the given order (x1, x1Squared, sinX2, …). */
    public static Tensor64 planeFeatures(Tensor64 x, List<String> features) {
        int n = x.dim(0), m = features.size();
        Tensor64 out = Tensor64.zeros(n, m);
        for (int i = 0; i < n; i++) {
            double a = x.values()[2 * i], b = x.values()[2 * i + 1];
            for (int j = 0; j < m; j++) {
                out.values()[i * m + j] = switch (features.get(j)) {
                    case "x1" -> a;
                    case "x2" -> b;
                    case "x1Squared" -> a * a;
                    case "x2Squared" -> b * b;
                    case "x1x2" -> a * b;
                    case "sinX1" -> Math.sin(a);
                    case "sinX2" -> Math.sin(b);
                    default -> throw new IllegalArgumentException("no reference for feature " + features.get(j));
                };
            }
        }
        return out;
    }

    static double sigmoid(double v) { return 1 / (1 + Math.exp(-v)); }

    private interface Reduce { double of(double[] taps, int count); }

    private static Tensor64 pool(Tensor64 x, int k, int stride, boolean same, Reduce reduce) {
        int n = x.dim(0), c = x.dim(1), h = x.dim(2), w = x.dim(3);
        Axis ay = Axis.of(h, k, stride, 1, same), ax = Axis.of(w, k, stride, 1, same);
        Tensor64 out = Tensor64.zeros(n, c, ay.out(), ax.out());
        double[] taps = new double[k * k];
        int o = 0;
        for (int plane = 0; plane < n * c; plane++) {
            for (int oy = 0; oy < ay.out(); oy++) {
                for (int ox = 0; ox < ax.out(); ox++) {
                    int count = 0;
                    for (int i = 0; i < k; i++) {
                        for (int j = 0; j < k; j++) {
                            int iy = oy * stride - ay.padBefore() + i, ix = ox * stride - ax.padBefore() + j;
                            if (iy >= 0 && iy < h && ix >= 0 && ix < w) taps[count++] = x.values()[(plane * h + iy) * w + ix];
                        }
                    }
                    out.values()[o++] = reduce.of(taps, count);
                }
            }
        }
        return out;
    }

    private static Tensor64 map(Tensor64 x, java.util.function.DoubleUnaryOperator f) {
        Tensor64 out = x.copy();
        for (int i = 0; i < out.size(); i++) out.values()[i] = f.applyAsDouble(x.values()[i]);
        return out;
    }

    private static Tensor64 zip(Tensor64 a, Tensor64 b, java.util.function.DoubleBinaryOperator f) {
        if (!java.util.Arrays.equals(a.dims(), b.dims())) throw new IllegalArgumentException(a + " vs " + b);
        Tensor64 out = a.copy();
        for (int i = 0; i < out.size(); i++) out.values()[i] = f.applyAsDouble(a.values()[i], b.values()[i]);
        return out;
    }

    private static Tensor64 meanOver(Tensor64 prediction, float[] targets, java.util.function.DoubleUnaryOperator lossOfResidual) {
        double s = 0;
        for (int i = 0; i < prediction.size(); i++) s += lossOfResidual.applyAsDouble(prediction.values()[i] - targets[i]);
        return Tensor64.scalar(s / prediction.size());
    }
}
