package org.layerlab.compute.autodiff;

import org.layerlab.compute.tensor.Tensor;
import org.layerlab.compute.tensor.Workspace;

/** Normalisation primitives, each with its backward rule. Statistics are accumulated in double. */
public final class NormOps {
    private NormOps() {}

    /**
     * Batch normalisation of x[N,C] or x[N,C,H,W] per channel C. In training mode it normalises with the batch's
     * statistics and updates {@code runningMean}/{@code runningVar} in place (PyTorch's convention: the running
     * variance is unbiased, new = (1−momentum)·old + momentum·batch); in inference mode it uses the running ones.
     */
    public static Var batchNorm(Var x, Var gamma, Var beta, float[] runningMean, float[] runningVar,
                                boolean training, float momentum, float eps) {
        int n = x.shape().dim(0), c = x.shape().dim(1);
        int inner = x.value().size() / (n * c);
        int m = n * inner;
        float[] xv = x.value().data(), gv = gamma.value().data(), bv = beta.value().data();
        float[] mean = new float[c], invStd = new float[c];
        if (training) {
            if (m < 2) throw new IllegalArgumentException("batch normalisation in training needs more than one value per channel, got " + m
                    + " — use a batch size above 1 or LayerNormalization");
            for (int ch = 0; ch < c; ch++) {
                double s = 0, ss = 0;
                for (int ni = 0; ni < n; ni++) {
                    int off = (ni * c + ch) * inner;
                    for (int q = 0; q < inner; q++) s += xv[off + q];
                }
                double mu = s / m;
                for (int ni = 0; ni < n; ni++) {
                    int off = (ni * c + ch) * inner;
                    for (int q = 0; q < inner; q++) { double d = xv[off + q] - mu; ss += d * d; }
                }
                double var = ss / m;
                mean[ch] = (float) mu;
                invStd[ch] = (float) (1.0 / Math.sqrt(var + eps));
                runningMean[ch] = (1 - momentum) * runningMean[ch] + momentum * (float) mu;
                runningVar[ch] = (1 - momentum) * runningVar[ch] + momentum * (float) (ss / (m - 1));
            }
        } else {
            for (int ch = 0; ch < c; ch++) {
                mean[ch] = runningMean[ch];
                invStd[ch] = (float) (1.0 / Math.sqrt(runningVar[ch] + (double) eps));
            }
        }
        float[] xhat = Workspace.floatsUninitialised(xv.length), out = Workspace.floatsUninitialised(xv.length);
        for (int ni = 0; ni < n; ni++) {
            for (int ch = 0; ch < c; ch++) {
                int off = (ni * c + ch) * inner;
                float mu = mean[ch], is = invStd[ch], g = gv[ch], b = bv[ch];
                for (int q = 0; q < inner; q++) {
                    float h = (xv[off + q] - mu) * is;
                    xhat[off + q] = h;
                    out[off + q] = g * h + b;
                }
            }
        }
        return new Var(new Tensor(x.shape(), out), training ? "batchNorm" : "batchNormInference", o -> {
            float[] gy = o.grad().data();
            double[] sumG = new double[c], sumGH = new double[c];
            for (int ni = 0; ni < n; ni++) {
                for (int ch = 0; ch < c; ch++) {
                    int off = (ni * c + ch) * inner;
                    for (int q = 0; q < inner; q++) { sumG[ch] += gy[off + q]; sumGH[ch] += gy[off + q] * xhat[off + q]; }
                }
            }
            if (gamma.requiresGrad()) { float[] gg = gamma.grad().data(); for (int ch = 0; ch < c; ch++) gg[ch] += (float) sumGH[ch]; }
            if (beta.requiresGrad()) { float[] gb = beta.grad().data(); for (int ch = 0; ch < c; ch++) gb[ch] += (float) sumG[ch]; }
            if (!x.requiresGrad()) return;
            float[] gx = x.grad().data();
            for (int ni = 0; ni < n; ni++) {
                for (int ch = 0; ch < c; ch++) {
                    int off = (ni * c + ch) * inner;
                    float k = gv[ch] * invStd[ch];
                    if (training) {
                        float mg = (float) (sumG[ch] / m), mgh = (float) (sumGH[ch] / m);
                        for (int q = 0; q < inner; q++) gx[off + q] += k * (gy[off + q] - mg - xhat[off + q] * mgh);
                    } else {
                        for (int q = 0; q < inner; q++) gx[off + q] += k * gy[off + q];
                    }
                }
            }
        }, x, gamma, beta);
    }

    /** Normalises each sample over all its features, then scales and shifts elementwise by gamma and beta (sample-shaped). */
    public static Var layerNorm(Var x, Var gamma, Var beta, float eps) {
        int n = x.shape().dim(0), d = x.value().size() / n;
        float[] xv = x.value().data(), gv = gamma.value().data(), bv = beta.value().data();
        float[] xhat = Workspace.floatsUninitialised(xv.length), out = Workspace.floatsUninitialised(xv.length), invStd = new float[n];
        for (int i = 0; i < n; i++) {
            int off = i * d;
            double s = 0, ss = 0;
            for (int j = 0; j < d; j++) s += xv[off + j];
            double mu = s / d;
            for (int j = 0; j < d; j++) { double t = xv[off + j] - mu; ss += t * t; }
            float is = (float) (1.0 / Math.sqrt(ss / d + eps));
            invStd[i] = is;
            for (int j = 0; j < d; j++) {
                float h = (float) ((xv[off + j] - mu) * is);
                xhat[off + j] = h;
                out[off + j] = gv[j] * h + bv[j];
            }
        }
        return new Var(new Tensor(x.shape(), out), "layerNorm", o -> {
            float[] gy = o.grad().data();
            float[] gg = gamma.requiresGrad() ? gamma.grad().data() : null, gb = beta.requiresGrad() ? beta.grad().data() : null;
            float[] gx = x.requiresGrad() ? x.grad().data() : null;
            float[] gh = new float[d];
            for (int i = 0; i < n; i++) {
                int off = i * d;
                double sg = 0, sgh = 0;
                for (int j = 0; j < d; j++) {
                    float g = gy[off + j];
                    if (gg != null) gg[j] += g * xhat[off + j];
                    if (gb != null) gb[j] += g;
                    gh[j] = g * gv[j];
                    sg += gh[j];
                    sgh += gh[j] * xhat[off + j];
                }
                if (gx == null) continue;
                float mg = (float) (sg / d), mgh = (float) (sgh / d);
                for (int j = 0; j < d; j++) gx[off + j] += invStd[i] * (gh[j] - mg - xhat[off + j] * mgh);
            }
        }, x, gamma, beta);
    }
}
