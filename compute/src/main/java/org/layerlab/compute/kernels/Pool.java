package org.layerlab.compute.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * 2×2 max pooling with stride 2 and no padding (LeNet's and most CNNs' pooling), vectorised: a vector of outputs takes
 * the even and the odd lanes of two vectors of each input row, so every comparison is a lane-wise mask and a blend
 * (as scalar code, which of four taps wins is data, and the float selects compile to branches that mispredict).
 * The winner of each window is the first maximal tap in row-major order, as in PyTorch.
 */
public final class Pool {
    private Pool() {}

    private static final VectorSpecies<Float> S = Vectors.FLOAT;
    private static final int L = Vectors.LANES;
    /**
     * The even (odd) lanes of one vector gathered into both halves; {@link #even} takes the lower half from the first
     * vector and the upper from the second. (JDK 17's two-vector {@code rearrange} does the same at four times the
     * cost: it works out the lane masks at run time.)
     */
    private static final VectorShuffle<Float> EVEN = VectorShuffle.fromOp(S, i -> (2 * i) % L), ODD = VectorShuffle.fromOp(S, i -> (2 * i + 1) % L);
    private static final VectorMask<Float> UPPER = VectorMask.fromLong(S, ((1L << L) - 1) & ~((1L << (L / 2)) - 1));
    /**
     * out[plane, oy, ox] = max of x[plane, 2oy..2oy+1, 2ox..2ox+1] over planes [p0, p1) of h×w inputs (2·oh ≤ h,
     * 2·ow ≤ w); {@code tap} (null when no gradient is wanted) gets which tap won: 0 and 1 in the upper row, 2 and 3
     * in the lower (see {@link #max2x2Backward}).
     * A row's last vector may spill past its ow outputs into the next row's, which that row then overwrites; only the
     * range's last row, and reads that would pass the array's end, take the scalar path.
     */
    public static void max2x2(float[] x, int h, int w, int oh, int ow, float[] out, float[] tap, int p0, int p1) {
        if (h == 2 * oh && ow <= L) {
            oneChunkRows(x, w, ow, out, tap, p0 * oh, p1 * oh);
            return;
        }
        int oEnd = p1 * oh * ow;
        for (int plane = p0; plane < p1; plane++) {
            int base = plane * h * w;
            for (int oy = 0; oy < oh; oy++) {
                int r0 = base + 2 * oy * w, r1 = r0 + w, o = (plane * oh + oy) * ow;
                int ox = 0;
                for (; ox < ow && o + ox + L <= oEnd && r1 + 2 * ox + 2 * L <= x.length; ox += L) {
                    if (tap == null) maxChunk(x, r0 + 2 * ox, r1 + 2 * ox, out, o + ox);
                    else maxChunkArg(x, r0 + 2 * ox, r1 + 2 * ox, out, tap, o + ox);
                }
                for (; ox < ow; ox++) scalar(x, r0 + 2 * ox, r1 + 2 * ox, out, tap, o + ox);
            }
        }
    }

    /**
     * Output rows [row0, row1) when each fits one vector and the planes have no odd last row, so output row R reads
     * input rows 2R and 2R+1: one flat loop, no loop per row (short rows such as LeNet's 14 and 5 made the per-row
     * loop's overhead cost as much as the work).
     */
    private static void oneChunkRows(float[] x, int w, int ow, float[] out, float[] tap, int row0, int row1) {
        int oEnd = row1 * ow;
        for (int row = row0; row < row1; row++) {
            int r0 = 2 * row * w, r1 = r0 + w, o = row * ow;
            if (o + L <= oEnd && r1 + 2 * L <= x.length) {
                if (tap == null) maxChunk(x, r0, r1, out, o);
                else maxChunkArg(x, r0, r1, out, tap, o);
            } else {
                for (int ox = 0; ox < ow; ox++) scalar(x, r0 + 2 * ox, r1 + 2 * ox, out, tap, o + ox);
            }
        }
    }

    /** Lanes 0, 2, 4, … of a then b. */
    private static FloatVector even(FloatVector a, FloatVector b) { return a.rearrange(EVEN).blend(b.rearrange(EVEN), UPPER); }

    /** Lanes 1, 3, 5, … of a then b. */
    private static FloatVector odd(FloatVector a, FloatVector b) { return a.rearrange(ODD).blend(b.rearrange(ODD), UPPER); }

    private static void maxChunk(float[] x, int i0, int i1, float[] out, int o) {
        FloatVector a0 = FloatVector.fromArray(S, x, i0), b0 = FloatVector.fromArray(S, x, i0 + L);
        FloatVector a1 = FloatVector.fromArray(S, x, i1), b1 = FloatVector.fromArray(S, x, i1 + L);
        FloatVector e0 = even(a0, b0), d0 = odd(a0, b0);
        FloatVector e1 = even(a1, b1), d1 = odd(a1, b1);
        FloatVector m0 = e0.blend(d0, d0.compare(VectorOperators.GT, e0));
        FloatVector m1 = e1.blend(d1, d1.compare(VectorOperators.GT, e1));
        m0.blend(m1, m1.compare(VectorOperators.GT, m0)).intoArray(out, o);
    }

    private static void maxChunkArg(float[] x, int i0, int i1, float[] out, float[] tap, int o) {
        FloatVector a0 = FloatVector.fromArray(S, x, i0), b0 = FloatVector.fromArray(S, x, i0 + L);
        FloatVector a1 = FloatVector.fromArray(S, x, i1), b1 = FloatVector.fromArray(S, x, i1 + L);
        FloatVector e0 = even(a0, b0), d0 = odd(a0, b0);
        FloatVector e1 = even(a1, b1), d1 = odd(a1, b1);
        VectorMask<Float> t0 = d0.compare(VectorOperators.GT, e0), t1 = d1.compare(VectorOperators.GT, e1);
        FloatVector m0 = e0.blend(d0, t0), m1 = e1.blend(d1, t1);
        VectorMask<Float> down = m1.compare(VectorOperators.GT, m0);
        m0.blend(m1, down).intoArray(out, o);
        // The tap as a small float code (exact), not an int index: casting masks to int lanes cost twice the pooling.
        FloatVector c0 = FloatVector.zero(S).blend(1f, t0), c1 = FloatVector.broadcast(S, 2f).blend(3f, t1);
        c0.blend(c1, down).intoArray(tap, o);
    }

    private static void scalar(float[] x, int i0, int i2, float[] out, float[] tap, int o) {
        int i1 = i0 + 1, i3 = i2 + 1;
        float v0 = x[i0], v1 = x[i1], v2 = x[i2], v3 = x[i3];
        float best = v0;
        int bi = i0;
        if (v1 > best) { best = v1; bi = i1; }
        if (v2 > best) { best = v2; bi = i2; }
        if (v3 > best) { best = v3; bi = i3; }
        out[o] = best;
        if (tap != null) tap[o] = bi == i0 ? 0 : bi == i1 ? 1 : bi == i2 ? 2 : 3;
    }

    /** gx[the winning tap of each window] += g, for planes [p0, p1) (the adjoint of {@link #max2x2}). */
    public static void max2x2Backward(float[] g, float[] tap, int h, int w, int oh, int ow, float[] gx, int p0, int p1) {
        for (int plane = p0; plane < p1; plane++) {
            int base = plane * h * w;
            for (int oy = 0, o = plane * oh * ow; oy < oh; oy++) {
                int r0 = base + 2 * oy * w;
                for (int ox = 0; ox < ow; ox++, o++) {
                    int t = (int) tap[o];
                    gx[r0 + 2 * ox + (t & 1) + (t >> 1) * w] += g[o];
                }
            }
        }
    }
}
