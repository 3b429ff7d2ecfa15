package org.layerlab.compute.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Direct stride-1 convolution, forward and both gradients, with no patch matrix. Each input plane is copied once into
 * a zero-padded plane of width {@code wp} (the output width plus the kernel's reach); on that grid the tap (ki, kj)
 * of output q = oy·wp + ox is the input at q + ki·dil·wp + kj·dil, so a vector of consecutive q reads consecutive
 * inputs for every tap. The outputs are computed on the whole grid (the columns ox ≥ outW are thrown away: the
 * waste is wp/outW), two vectors of q by six output channels at a time, one FMA per tap and channel: the GEMM's
 * micro-kernel shape, with the "packed B" being the padded plane itself. The input gradient is the same kernel on
 * the zero-bordered output gradient with the taps reversed; the weight gradient sums gradient × shifted input over
 * every image, split over (channel group, tap pair) so each weight is summed in one order whatever the thread count.
 */
public final class Conv {
    private Conv() {}

    private static final VectorSpecies<Float> S = Vectors.FLOAT;
    private static final int L = Vectors.LANES, CHUNK = 2 * L;
    /** Output channels per tile. */
    private static final int G = 6;

    /**
     * The direct kernel wastes the grid's extra columns and the last chunk's tail; below this share of useful lanes
     * the im2col + GEMM path is used. Measured forward + backward at batch 64, one thread, 512 bits (ConvBench,
     * 2 Dec 2026): LeNet's first convolution (28×28 'same', 88 % useful) 2.2× faster direct, its second (10×10 from
     * 14×14, 62 %) 1.7–2.5×, but 16→32 channels 3×3 from 6×6 to 4×4 (50 %) 1.6× slower.
     */
    static final double MIN_USEFUL = 0.6;

    /** Geometry of one stride-1 convolution over a batch. */
    public static final class Plan {
        final int n, c, h, w, f, kh, kw, padTop, padLeft, oh, ow, wp, hp, maxOff, qf, pPlane, qb, gPlane, fPad, cPad, taps;
        final int[] tapOff;

        Plan(int n, int c, int h, int w, int f, int kh, int kw, int dilH, int dilW, int padTop, int padLeft, int oh, int ow) {
            this.n = n; this.c = c; this.h = h; this.w = w; this.f = f; this.kh = kh; this.kw = kw;
            this.padTop = padTop; this.padLeft = padLeft; this.oh = oh; this.ow = ow;
            wp = ow + dilW * (kw - 1);
            hp = oh + dilH * (kh - 1);
            taps = kh * kw;
            tapOff = new int[taps];
            for (int ki = 0; ki < kh; ki++) for (int kj = 0; kj < kw; kj++) tapOff[ki * kw + kj] = ki * dilH * wp + kj * dilW;
            maxOff = dilH * (kh - 1) * wp + dilW * (kw - 1);
            qf = roundUp(oh * wp, CHUNK);
            pPlane = qf + maxOff;
            qb = roundUp(hp * wp, CHUNK);
            gPlane = qb + maxOff;
            fPad = roundUp(f, G);
            cPad = roundUp(c, G);
        }

        /** Share of the computed lanes that are outputs. */
        double useful() { return (double) oh * ow / qf; }

        /** Floats of the padded input planes {@link #pad} fills (kept for the weight gradient). */
        public int paddedSize() { return n * c * pPlane; }

        /** Floats of the bordered output-gradient planes {@link #gradPlanes} fills. */
        public int gradPlanesSize() { return n * fPad * gPlane; }
    }

    private static int roundUp(int v, int m) { return (v + m - 1) / m * m; }

    /**
     * The plan for this convolution when the direct kernel suits it (stride 1, enough useful lanes, the input fits
     * the padded grid), else null.
     */
    public static Plan plan(int n, int c, int h, int w, int f, int kh, int kw, int strideH, int strideW, int dilH, int dilW,
                            int padTop, int padLeft, int oh, int ow) {
        if (strideH != 1 || strideW != 1 || oh < 1 || ow < 1) return null;
        Plan p = new Plan(n, c, h, w, f, kh, kw, dilH, dilW, padTop, padLeft, oh, ow);
        if (h + padTop > p.hp || w + padLeft > p.wp || padTop < 0 || padLeft < 0) return null; // input rows past the grid
        return p.useful() >= MIN_USEFUL ? p : null;
    }

    /** x[N,C,H,W] into zero-padded planes of {@code p.pPlane} floats ({@code dst} of {@link Plan#paddedSize}; any contents). */
    public static void pad(Plan p, float[] x, float[] dst) {
        Threads.parallelFor(p.n * p.c, (long) p.n * p.c * p.pPlane, (from, to) -> {
            for (int plane = from; plane < to; plane++) {
                int d = plane * p.pPlane, s = plane * p.h * p.w;
                java.util.Arrays.fill(dst, d, d + p.pPlane, 0f);
                for (int iy = 0; iy < p.h; iy++) System.arraycopy(x, s + iy * p.w, dst, d + (iy + p.padTop) * p.wp + p.padLeft, p.w);
            }
        });
    }

    /** Floats of the rearranged weights {@link #forwardWeights} and {@link #inputGrad} take. */
    public static int forwardWeightsSize(Plan p) { return p.c * p.taps * p.fPad; }

    public static int backwardWeightsSize(Plan p) { return p.f * p.taps * p.cPad; }

    /** weight[F,C,kh,kw] as rows u = (ci, tap) of fPad output channels (zeros past F): the forward kernel's weights. */
    public static float[] forwardWeights(Plan p, float[] weight, float[] wt) {
        int uCount = p.c * p.taps;
        for (int u = 0, d = 0; u < uCount; u++) { // written in order, every element once (batch-1 inference pays for this per call)
            for (int co = 0; co < p.f; co++) wt[d++] = weight[co * uCount + u];
            for (int co = p.f; co < p.fPad; co++) wt[d++] = 0f;
        }
        return wt;
    }

    /** out[N,F,oh,ow] = the convolution of the padded input (+ bias); every element written. */
    public static void forward(Plan p, float[] padded, float[] wt, float[] bias, float[] out) {
        int uCount = p.c * p.taps;
        int[] off = new int[uCount];
        for (int ci = 0; ci < p.c; ci++) for (int t = 0; t < p.taps; t++) off[ci * p.taps + t] = ci * p.pPlane + p.tapOff[t];
        float[] start = new float[p.fPad]; // the bias is where each sum starts, so the rows are then copied out as they are
        if (bias != null) System.arraycopy(bias, 0, start, 0, p.f);
        perSampleTiles(p.n, padded, p.c * p.pPlane, off, uCount, wt, p.fPad, p.qf, start, (ni, tile) -> {
            for (int co = 0; co < p.f; co++) {
                int o = (ni * p.f + co) * p.oh * p.ow, t = co * p.qf;
                for (int oy = 0; oy < p.oh; oy++, o += p.ow) System.arraycopy(tile, t + oy * p.wp, out, o, p.ow);
            }
        });
    }

    /** What is done with one sample's finished tile (the sample's index, its rows of grid sums). */
    private interface TileSink {
        void accept(int sample, float[] tile);
    }

    /**
     * For each of {@code n} samples (planes {@code sampleStride} apart in {@code planes}), in parallel: a tile of
     * {@code rowsPad} rows × {@code q} grid positions, row r = start[r] + Σ_u wt[u·rowsPad + r] · planes[off[u] ..],
     * handed to {@code sink}. The forward pass and the input gradient are both this correlation over padded planes.
     */
    private static void perSampleTiles(int n, float[] planes, int sampleStride, int[] off, int uCount, float[] wt,
                                       int rowsPad, int q, float[] start, TileSink sink) {
        long work = 2L * n * rowsPad * uCount * q;
        Threads.parallelFor(n, work, (from, to) -> {
            float[] tile = SCRATCH.get().tile(rowsPad * q);
            for (int ni = from; ni < to; ni++) {
                int src = ni * sampleStride;
                for (int g = 0; g < rowsPad; g += G) {
                    for (int c = 0; c < q; c += CHUNK) tile(planes, src + c, off, uCount, wt, g, rowsPad, start, tile, g * q + c, q);
                }
                sink.accept(ni, tile);
            }
        });
    }

    /**
     * The output gradient g[N,F,oh,ow] on the grid, bordered by {@code maxOff} zeros in front, zero in the thrown-away
     * columns and in the channels past F ({@code dst} of {@link Plan#gradPlanesSize}; any contents).
     */
    public static void gradPlanes(Plan p, float[] g, float[] dst) {
        Threads.parallelFor(p.n * p.fPad, (long) p.n * p.fPad * p.gPlane, (from, to) -> {
            for (int plane = from; plane < to; plane++) {
                int ni = plane / p.fPad, co = plane % p.fPad, d = plane * p.gPlane;
                java.util.Arrays.fill(dst, d, d + p.gPlane, 0f);
                if (co >= p.f) continue;
                int s = (ni * p.f + co) * p.oh * p.ow;
                for (int oy = 0; oy < p.oh; oy++) System.arraycopy(g, s + oy * p.ow, dst, d + p.maxOff + oy * p.wp, p.ow);
            }
        });
    }

    /** gw[F,C,kh,kw] += Σ over images and outputs of gradient × the input each weight met. */
    public static void weightGrad(Plan p, float[] gradPlanes, float[] padded, float[] gw) {
        int uCount = p.c * p.taps, pairs = (uCount + 1) / 2, groups = p.fPad / G;
        long work = 2L * p.n * p.fPad * uCount * p.qf;
        Threads.parallelFor(groups * pairs, work, (from, to) -> {
            float[] acc = new float[2 * G * L];
            for (int task = from; task < to; task++) {
                int g = task / pairs * G, u0 = task % pairs * 2, u1 = Math.min(u0 + 1, uCount - 1);
                int o0 = u0 / p.taps * p.pPlane + p.tapOff[u0 % p.taps], o1 = u1 / p.taps * p.pPlane + p.tapOff[u1 % p.taps];
                java.util.Arrays.fill(acc, 0f);
                for (int ni = 0; ni < p.n; ni++) {
                    int xb = ni * p.c * p.pPlane;
                    weightTile(gradPlanes, (ni * p.fPad + g) * p.gPlane + p.maxOff, p.gPlane, padded, xb + o0, xb + o1, p.qf, acc);
                }
                for (int r = 0; r < G && g + r < p.f; r++) {
                    gw[(g + r) * uCount + u0] += FloatVector.fromArray(S, acc, 2 * r * L).reduceLanes(VectorOperators.ADD);
                    if (u1 != u0) gw[(g + r) * uCount + u1] += FloatVector.fromArray(S, acc, (2 * r + 1) * L).reduceLanes(VectorOperators.ADD);
                }
            }
        });
    }

    /**
     * acc[12 vectors] += six gradient planes (from gb, {@code gl} apart) times the input at two tap offsets, over
     * {@code len} grid positions of one image. One image per call with the sums in memory: C2 boxed the twelve
     * accumulators when they lived across a loop over the images as well (25× slower).
     */
    private static void weightTile(float[] gp, int gb, int gl, float[] xp, int x0b, int x1b, int len, float[] acc) {
        FloatVector s00 = FloatVector.fromArray(S, acc, 0), s01 = FloatVector.fromArray(S, acc, L),
                s10 = FloatVector.fromArray(S, acc, 2 * L), s11 = FloatVector.fromArray(S, acc, 3 * L),
                s20 = FloatVector.fromArray(S, acc, 4 * L), s21 = FloatVector.fromArray(S, acc, 5 * L),
                s30 = FloatVector.fromArray(S, acc, 6 * L), s31 = FloatVector.fromArray(S, acc, 7 * L),
                s40 = FloatVector.fromArray(S, acc, 8 * L), s41 = FloatVector.fromArray(S, acc, 9 * L),
                s50 = FloatVector.fromArray(S, acc, 10 * L), s51 = FloatVector.fromArray(S, acc, 11 * L);
        for (int q = 0; q < len; q += L) {
            FloatVector x0 = FloatVector.fromArray(S, xp, x0b + q), x1 = FloatVector.fromArray(S, xp, x1b + q);
            FloatVector g0 = FloatVector.fromArray(S, gp, gb + q);
            s00 = g0.fma(x0, s00); s01 = g0.fma(x1, s01);
            FloatVector g1 = FloatVector.fromArray(S, gp, gb + gl + q);
            s10 = g1.fma(x0, s10); s11 = g1.fma(x1, s11);
            FloatVector g2 = FloatVector.fromArray(S, gp, gb + 2 * gl + q);
            s20 = g2.fma(x0, s20); s21 = g2.fma(x1, s21);
            FloatVector g3 = FloatVector.fromArray(S, gp, gb + 3 * gl + q);
            s30 = g3.fma(x0, s30); s31 = g3.fma(x1, s31);
            FloatVector g4 = FloatVector.fromArray(S, gp, gb + 4 * gl + q);
            s40 = g4.fma(x0, s40); s41 = g4.fma(x1, s41);
            FloatVector g5 = FloatVector.fromArray(S, gp, gb + 5 * gl + q);
            s50 = g5.fma(x0, s50); s51 = g5.fma(x1, s51);
        }
        s00.intoArray(acc, 0); s01.intoArray(acc, L); s10.intoArray(acc, 2 * L); s11.intoArray(acc, 3 * L);
        s20.intoArray(acc, 4 * L); s21.intoArray(acc, 5 * L); s30.intoArray(acc, 6 * L); s31.intoArray(acc, 7 * L);
        s40.intoArray(acc, 8 * L); s41.intoArray(acc, 9 * L); s50.intoArray(acc, 10 * L); s51.intoArray(acc, 11 * L);
    }

    /** gb[F] += the sum of g[N,F,outH,outW] over images and pixels. */
    public static void biasGrad(Plan p, float[] g, float[] gb) {
        int px = p.oh * p.ow;
        for (int co = 0; co < p.f; co++) {
            float sum = 0f;
            for (int ni = 0; ni < p.n; ni++) sum += planeSum(g, (ni * p.f + co) * px, px);
            gb[co] += sum;
        }
    }

    /**
     * Σ a[from..from+len) in vector partial sums (a plain sum waits on each add). Its own method: C2 boxed the
     * accumulator when it lived across the loop over the images too.
     */
    private static float planeSum(float[] a, int from, int len) {
        FloatVector acc = FloatVector.zero(S);
        int q = 0;
        for (; q + L <= len; q += L) acc = acc.add(FloatVector.fromArray(S, a, from + q));
        float tail = 0f;
        for (; q < len; q++) tail += a[from + q];
        return acc.reduceLanes(VectorOperators.ADD) + tail;
    }

    /**
     * gx[N,C,H,W] += the gradient through the convolution: the bordered output gradient with the taps reversed
     * ({@code wt}: {@link #backwardWeightsSize} floats of scratch).
     */
    public static void inputGrad(Plan p, float[] gradPlanes, float[] weight, float[] wt, float[] gx) {
        int uCount = p.f * p.taps;
        java.util.Arrays.fill(wt, 0, backwardWeightsSize(p), 0f);
        int[] off = new int[uCount];
        for (int co = 0; co < p.f; co++) {
            for (int t = 0; t < p.taps; t++) {
                int u = co * p.taps + t;
                off[u] = co * p.gPlane + p.maxOff - p.tapOff[t];
                for (int ci = 0; ci < p.c; ci++) wt[u * p.cPad + ci] = weight[(co * p.c + ci) * p.taps + t];
            }
        }
        float[] start = new float[p.cPad];
        perSampleTiles(p.n, gradPlanes, p.fPad * p.gPlane, off, uCount, wt, p.cPad, p.qb, start, (ni, tile) -> {
            for (int ci = 0; ci < p.c; ci++) {
                int o = (ni * p.c + ci) * p.h * p.w, t = ci * p.qb + p.padTop * p.wp + p.padLeft;
                for (int iy = 0; iy < p.h; iy++, o += p.w) {
                    int r = t + iy * p.wp;
                    for (int ix = 0; ix < p.w; ix++) gx[o + ix] += tile[r + ix];
                }
            }
        });
    }

    /**
     * dst[g+r, d..d+2L) (rows {@code ld} apart) = start[g+r] + Σ_u wt[u·ldw + g + r] · src[base + off[u] ..+2L), r < 6: two
     * vectors of grid positions by six channels in twelve accumulators. Few arguments and nothing else in the loop,
     * so C2 keeps the accumulators in registers (as {@link Gemm}'s micro-kernel).
     */
    private static void tile(float[] src, int base, int[] off, int uCount, float[] wt, int g, int ldw, float[] start,
                             float[] dst, int d, int ld) {
        FloatVector c00 = FloatVector.broadcast(S, start[g]), c01 = c00, c10 = FloatVector.broadcast(S, start[g + 1]), c11 = c10,
                c20 = FloatVector.broadcast(S, start[g + 2]), c21 = c20, c30 = FloatVector.broadcast(S, start[g + 3]), c31 = c30,
                c40 = FloatVector.broadcast(S, start[g + 4]), c41 = c40, c50 = FloatVector.broadcast(S, start[g + 5]), c51 = c50;
        for (int u = 0, wi = g; u < uCount; u++, wi += ldw) {
            int b = base + off[u];
            FloatVector x0 = FloatVector.fromArray(S, src, b), x1 = FloatVector.fromArray(S, src, b + L);
            FloatVector a0 = FloatVector.broadcast(S, wt[wi]);
            c00 = a0.fma(x0, c00); c01 = a0.fma(x1, c01);
            FloatVector a1 = FloatVector.broadcast(S, wt[wi + 1]);
            c10 = a1.fma(x0, c10); c11 = a1.fma(x1, c11);
            FloatVector a2 = FloatVector.broadcast(S, wt[wi + 2]);
            c20 = a2.fma(x0, c20); c21 = a2.fma(x1, c21);
            FloatVector a3 = FloatVector.broadcast(S, wt[wi + 3]);
            c30 = a3.fma(x0, c30); c31 = a3.fma(x1, c31);
            FloatVector a4 = FloatVector.broadcast(S, wt[wi + 4]);
            c40 = a4.fma(x0, c40); c41 = a4.fma(x1, c41);
            FloatVector a5 = FloatVector.broadcast(S, wt[wi + 5]);
            c50 = a5.fma(x0, c50); c51 = a5.fma(x1, c51);
        }
        c00.intoArray(dst, d); c01.intoArray(dst, d + L);
        c10.intoArray(dst, d + ld); c11.intoArray(dst, d + ld + L);
        c20.intoArray(dst, d + 2 * ld); c21.intoArray(dst, d + 2 * ld + L);
        c30.intoArray(dst, d + 3 * ld); c31.intoArray(dst, d + 3 * ld + L);
        c40.intoArray(dst, d + 4 * ld); c41.intoArray(dst, d + 4 * ld + L);
        c50.intoArray(dst, d + 5 * ld); c51.intoArray(dst, d + 5 * ld + L);
    }

    /** Each thread's output tile, grown to the largest layer it has run. */
    private static final class Scratch {
        private float[] tile = new float[0];
        float[] tile(int n) { if (tile.length < n) tile = new float[n]; return tile; }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);
}
