package org.layerlab.compute.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.layerlab.compute.autodiff.ConvOps;
import org.layerlab.compute.autodiff.Var;
import org.layerlab.compute.tensor.Shape;
import org.layerlab.compute.tensor.Tensor;

/**
 * The convolution kernels (direct stride-1 {@link Conv}, and im2col + GEMM where it declines) and 2×2 max pooling
 * ({@link Pool}) against plain float64 loops written from the definitions, at awkward sizes: one and many channels
 * and filters (not multiples of the 6-channel tile), odd batches and image sizes, 'same' with even kernels (padding
 * only at the end), dilation, strides. The build runs this class at both vector widths.
 */
class ConvKernelTest {
    static float[] random(int size, SplittableRandom rng) {
        float[] a = new float[size];
        for (int i = 0; i < a.length; i++) a[i] = (float) (rng.nextDouble() * 2 - 1);
        return a;
    }

    static Var leaf(float[] v, int... dims) { return Var.parameter(new Tensor(Shape.of(dims), v), new Tensor(Shape.of(dims), new float[v.length])); }

    /** Reference forward and gradients from the definition: out[n,f,oy,ox] = b[f] + Σ x[n,c,oy·s−pt+ki·d, ox·s−pl+kj·d]·w[f,c,ki,kj]. */
    record Expected(double[] out, double[] gw, double[] gb, double[] gx) {}

    static Expected reference(float[] x, float[] w, float[] b, float[] g, int n, int c, int h, int wd, int f, int k, ConvOps.Window win) {
        int oh = win.outH(), ow = win.outW();
        double[] out = new double[n * f * oh * ow], gw = new double[w.length], gb = new double[f], gx = new double[x.length];
        for (int ni = 0; ni < n; ni++) for (int fi = 0; fi < f; fi++) for (int oy = 0; oy < oh; oy++) for (int ox = 0; ox < ow; ox++) {
            int o = ((ni * f + fi) * oh + oy) * ow + ox;
            double s = b[fi];
            gb[fi] += g[o];
            for (int ci = 0; ci < c; ci++) for (int ki = 0; ki < k; ki++) for (int kj = 0; kj < k; kj++) {
                int iy = oy * win.strideH() - win.padTop() + ki * win.dilH(), ix = ox * win.strideW() - win.padLeft() + kj * win.dilW();
                if (iy < 0 || iy >= h || ix < 0 || ix >= wd) continue;
                int xi = ((ni * c + ci) * h + iy) * wd + ix, wi = ((fi * c + ci) * k + ki) * k + kj;
                s += (double) x[xi] * w[wi];
                gw[wi] += (double) g[o] * x[xi];
                gx[xi] += (double) g[o] * w[wi];
            }
            out[o] = s;
        }
        return new Expected(out, gw, gb, gx);
    }

    static void assertClose(String what, double[] expected, float[] actual, double scale) {
        assertEquals(expected.length, actual.length, what + " length");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-5 * scale * (1 + Math.abs(expected[i])), what + " at " + i);
        }
    }

    @ParameterizedTest(name = "n{0} c{1} {2}×{3} f{4} k{5} s{6} d{7} same={8} direct={9}")
    @CsvSource({
            // LeNet-5's two convolutions, at batch 1 and an odd batch
            "1, 1, 28, 28, 6, 5, 1, 1, true, true", "3, 1, 28, 28, 6, 5, 1, 1, true, true",
            "1, 6, 14, 14, 16, 5, 1, 1, false, true", "5, 6, 14, 14, 16, 5, 1, 1, false, true",
            // channel and filter counts either side of the 6-channel tile, odd sizes, a 1×N image
            "2, 1, 9, 13, 1, 3, 1, 1, true, true", "3, 7, 9, 11, 13, 3, 1, 1, true, true", "1, 13, 8, 8, 7, 3, 1, 1, true, true",
            "1, 2, 1, 40, 3, 3, 1, 1, true, true",
            // even kernels under 'same' pad one more at the end; dilation; a 1×1 convolution
            "2, 3, 8, 9, 6, 4, 1, 1, true, true", "2, 3, 12, 12, 7, 3, 1, 2, true, true", "2, 2, 13, 16, 5, 3, 1, 2, false, true",
            "3, 5, 6, 7, 12, 1, 1, 1, false, true", "1, 4, 33, 31, 20, 5, 1, 1, true, true",
            // declined by the direct kernel: strides, and outputs too narrow for its vectors (1×N and N×1 among them)
            "2, 3, 9, 8, 7, 3, 2, 1, true, false", "3, 2, 11, 11, 5, 5, 3, 1, false, false", "2, 3, 5, 5, 4, 4, 1, 1, false, false",
            "2, 1, 7, 5, 1, 3, 1, 1, true, false", "2, 2, 1, 17, 5, 1, 1, 1, false, false", "2, 3, 17, 1, 5, 1, 1, 1, true, false"})
    void convolutionMatchesTheDefinition(int n, int c, int h, int w, int f, int k, int stride, int dil, boolean same, boolean direct) {
        ConvOps.Window win = ConvOps.Window.of(h, w, k, k, stride, dil, same);
        Conv.Plan plan = Conv.plan(n, c, h, w, f, k, k, stride, stride, dil, dil, win.padTop(), win.padLeft(), win.outH(), win.outW());
        if (direct) assertNotNull(plan, "the direct kernel should take this shape");
        else assertNull(plan, "the GEMM path should take this shape");
        SplittableRandom rng = new SplittableRandom(n * 1000 + c * 100 + f * 10 + k);
        float[] x = random(n * c * h * w, rng), wt = random(f * c * k * k, rng), b = random(f, rng);
        float[] g = random(n * f * win.outH() * win.outW(), rng);
        Var xv = leaf(x, n, c, h, w), wv = leaf(wt, f, c, k, k), bv = leaf(b, f);
        Var y = ConvOps.conv2d(xv, wv, bv, win);
        System.arraycopy(g, 0, y.grad().data(), 0, g.length);
        y.backwardFromSeed();
        Expected e = reference(x, wt, b, g, n, c, h, w, f, k, win);
        double taps = c * k * k;
        assertClose("output", e.out(), y.value().data(), taps);
        assertClose("weight gradient", e.gw(), wv.grad().data(), n * win.outH() * win.outW());
        assertClose("bias gradient", e.gb(), bv.grad().data(), n * win.outH() * win.outW());
        assertClose("input gradient", e.gx(), xv.grad().data(), f * k * k);
        // Inference (no tape) gives the same output, and the same again: nothing is left over from the call before.
        float[] again = Var.withoutTape(() -> ConvOps.conv2d(Var.constant(new Tensor(Shape.of(n, c, h, w), x)),
                Var.constant(new Tensor(Shape.of(f, c, k, k), wt)), Var.constant(new Tensor(Shape.of(f), b)), win).value().data());
        assertClose("inference output", e.out(), again, taps);
    }

    @ParameterizedTest(name = "planes {0}, {1}×{2}, values in {3} steps")
    @CsvSource({"1, 2, 2, 0", "384, 28, 28, 0", "7, 10, 10, 0", "5, 7, 6, 0", "3, 9, 33, 0", "2, 2, 40, 0", "11, 3, 3, 0",
            "6, 28, 28, 2", "3, 10, 10, 1", "4, 7, 35, 3"})
    void maxPoolMatchesTheDefinition(int planes, int h, int w, int levels) {
        ConvOps.Window win = ConvOps.Window.of(h, w, 2, 2, 2, 1, false);
        int oh = win.outH(), ow = win.outW();
        SplittableRandom rng = new SplittableRandom(planes * 31 + h * 7 + w);
        float[] x = random(planes * h * w, rng);
        // Few distinct values make ties common: the gradient must go to the first maximal tap in row-major order.
        if (levels > 0) for (int i = 0; i < x.length; i++) x[i] = Math.round(x[i] * levels);
        float[] g = random(planes * oh * ow, rng);
        double[] out = new double[g.length], gx = new double[x.length];
        for (int p = 0; p < planes; p++) for (int oy = 0; oy < oh; oy++) for (int ox = 0; ox < ow; ox++) {
            int best = -1;
            for (int ki = 0; ki < 2; ki++) for (int kj = 0; kj < 2; kj++) {
                int i = (p * h + 2 * oy + ki) * w + 2 * ox + kj;
                if (best < 0 || x[i] > x[best]) best = i;
            }
            int o = (p * oh + oy) * ow + ox;
            out[o] = x[best];
            gx[best] += g[o];
        }
        Var xv = leaf(x, 1, planes, h, w);
        Var y = ConvOps.maxPool2d(xv, win);
        System.arraycopy(g, 0, y.grad().data(), 0, g.length);
        y.backwardFromSeed();
        assertClose("output", out, y.value().data(), 0);
        assertClose("input gradient", gx, xv.grad().data(), 0);
        float[] inference = Var.withoutTape(() -> ConvOps.maxPool2d(Var.constant(new Tensor(Shape.of(1, planes, h, w), x)), win).value().data());
        assertClose("inference output", out, inference, 0);
    }
}
