package org.layerlab.compute.kernels;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Single-precision matrix multiply, C = op(A)·op(B) (+ C when accumulating), row-major; op(A) is M×K, op(B) K×N.
 * Large products use the GotoBLAS scheme: K is cut into blocks, B is packed into panels (which also absorbs its
 * transpose), A is read in place (copied only when transposed, or for a ragged last panel), and a 6×(2 vectors)
 * register-blocked micro-kernel written with the Vector API does the FMAs.
 * Tiles of C are split over {@link Threads} (by column panels, or by row panels for products at least as tall as
 * wide); each element is summed in the same order whatever the thread count and however many rows came with it. An
 * optional epilogue adds a bias and applies a function to each tile as its sums complete, and B may be packed ahead
 * once ({@link #pack}) for weights that do not change between calls.
 */
public final class Gemm {
    private Gemm() {}

    private static final VectorSpecies<Float> S = Vectors.FLOAT;
    private static final int L = Vectors.LANES;
    /**
     * The micro-tile is MR rows by two vectors of the species in use: 6×16 on AVX2, 6×32 on AVX-512. Its 12
     * accumulators, two B vectors and a broadcast fit AVX2's 16 registers; on AVX-512 a 12×32 tile (24 accumulators)
     * was measured at the same speed (111 against 110 GFLOP/s per core, 1 Dec 2026), so one kernel serves both.
     * A K block of 256 keeps the packed B panel (16 KiB on AVX2, 32 KiB on AVX-512) in a 48 KiB L1 while A streams
     * from L2; 128 and 384 were no faster on either width.
     */
    private static final int MR = 6, NR = 2 * L;
    private static final int KC = Integer.getInteger("layerlab.gemm.kc", 256);
    private static final int MC_PANELS = Integer.getInteger("layerlab.gemm.mcPanels", 20);

    /**
     * A function applied in place to a finished stretch {@code v[from, to)} of a product's output (an activation in
     * the epilogue): the stretch is one row's part of a tile, still in L1 when it is called.
     */
    @FunctionalInterface
    public interface RowFunction { void applyInPlace(float[] v, int from, int to); }

    public static void gemm(boolean transA, boolean transB, int m, int n, int k,
                            float[] a, float[] b, float[] c, boolean accumulate) {
        product(transA, transB, m, n, k, a, b, null, c, accumulate, null, null);
    }

    /**
     * {@link #gemm(boolean, boolean, int, int, int, float[], float[], float[], boolean)} with an epilogue: once a
     * stretch of C has its full sum, {@code bias[j]} is added to column j and then {@code fn} is applied to it, in the
     * product's store instead of separate passes over C. Either may be null. The result is bit-identical to the
     * product followed by a bias pass and an activation pass.
     */
    public static void gemm(boolean transA, boolean transB, int m, int n, int k, float[] a, float[] b, float[] c,
                            boolean accumulate, float[] bias, RowFunction fn) {
        product(transA, transB, m, n, k, a, b, null, c, accumulate, bias, fn);
    }

    /**
     * C = op(A)·B (+ C) with B packed ahead by {@link #pack}, then the epilogue as above: for weights that stay the
     * same from call to call (inference), which are then packed once instead of on every product. The result is
     * bit-identical to the same product with B unpacked.
     */
    public static void gemm(boolean transA, int m, float[] a, PackedB b, float[] c, boolean accumulate,
                            float[] bias, RowFunction fn) {
        product(transA, false, m, b.n, b.k, a, b.source, b, c, accumulate, bias, fn);
    }

    /**
     * B (K×N, row-major, not transposed) in the panel layout the kernels read: for each K block, every column panel
     * of NR columns, each {@code kc} rows of NR floats (columns past N are zero). It refers to B as well and is valid
     * while B's values stay as they were when it was packed; its owner makes a new one when they change.
     */
    public static final class PackedB {
        final float[] source, data;
        final int k, n, panels;

        private PackedB(float[] source, int k, int n) {
            this.source = source;
            this.k = k;
            this.n = n;
            this.panels = (n + NR - 1) / NR;
            this.data = new float[Math.max(1, k) * panels * NR];
            for (int pc = 0; pc < k; pc += KC) packB(false, source, n, k, pc, Math.min(KC, k - pc), data, blockBase(pc), 0, panels);
        }

        /** Where K block {@code pc} starts: every block before it has KC rows of all panels. */
        int blockBase(int pc) { return pc * panels * NR; }

        public int k() { return k; }
        public int n() { return n; }
        /** The B this was packed from. */
        public float[] source() { return source; }
    }

    /** Packs B (K×N) once for {@link #gemm(boolean, int, float[], PackedB, float[], boolean, float[], RowFunction)}. */
    public static PackedB pack(float[] b, int k, int n) {
        if (b.length < (long) k * n) throw new IllegalArgumentException(b.length + " floats for a " + k + "×" + n + " matrix");
        return new PackedB(b, k, n);
    }

    /** Every product goes through here; {@code packed} (or null) is B packed ahead, {@code b} B itself. */
    private static void product(boolean transA, boolean transB, int m, int n, int k, float[] a, float[] b, PackedB packed,
                                float[] c, boolean accumulate, float[] bias, RowFunction fn) {
        if (m == 0 || n == 0) return;
        // The paths before the blocked ones add to C, so C starts from zero there; the blocked kernels write C in their
        // first K block instead (no pass that zeroes what is then overwritten).
        if (k == 0) {
            if (!accumulate) Arrays.fill(c, 0, m * n, 0f);
            finishRows(c, 0, m, n, bias, fn);
            return;
        }
        if (!transB && (m == 1 || m <= 4 && n >= L)) {
            if (!accumulate) Arrays.fill(c, 0, m * n, 0f);
            if (m == 1 && packed != null) gemv(k, a, packed, c);
            else skinny(transA, m, n, k, a, b, c);
            finishRows(c, 0, m, n, bias, fn);
            return;
        }
        // Narrow outputs (a 10-class head) still go through the vector kernels with a zero-padded panel: the
        // straight loops ran a batch-256 head at scalar speed (15 % of MLP inference). Only a few columns stay there.
        if ((long) m * n * k < 32_768 || n < 4) {
            if (!accumulate) Arrays.fill(c, 0, m * n, 0f);
            small(transA, transB, m, n, k, a, b, c);
            finishRows(c, 0, m, n, bias, fn);
            return;
        }
        if (m <= MR && !transB && n >= NR) {
            if (!accumulate) Arrays.fill(c, 0, m * n, 0f);
            rowPanel(transA, m, n, k, a, b, c);
            finishRows(c, 0, m, n, bias, fn);
            return;
        }
        int mPanels = (m + MR - 1) / MR, nPanels = (n + NR - 1) / NR;
        // What the kernels compute, the zero padding of the last panels included (a 10-column head is a 32-wide panel).
        long work = 2L * mPanels * MR * nPanels * NR * k;
        if (m >= n && Threads.parallelism() > 1) {
            byRows(transA, transB, m, n, k, a, b, packed, c, accumulate, bias, fn, mPanels, nPanels, work);
            return;
        }
        // One parallel region per product: each task owns a range of column panels of C and runs every K block over
        // it, packing its own B panels (or reading the ones packed ahead) and reading A (a private copy if transposed).
        // Tasks never share output, there is one synchronisation per GEMM, and each element is summed in the same order
        // whatever the thread count. The epilogue runs on each tile after its last K block.
        Threads.Range columns = (from, to) -> {
            int kcMax = Math.min(k, KC);
            Scratch s = SCRATCH.get();
            float[] ap = s.ap((transA ? mPanels : 1) * MR * kcMax), own = packed != null ? null : s.bp((to - from) * NR * kcMax), tile = s.tile;
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                boolean last = pc + kc == k, add = accumulate || pc > 0;
                packA(transA, a, m, k, pc, kc, ap, 0, mPanels);
                float[] bp;
                int bBase; // where panel jp starts: bBase + jp·NR·kc
                if (packed != null) { bp = packed.data; bBase = packed.blockBase(pc); }
                else { packB(transB, b, n, k, pc, kc, own, 0, from, to); bp = own; bBase = -from * NR * kc; }
                // A block of MC_PANELS row panels stays in L2 while this task's B panels stream past it.
                for (int ip0 = 0; ip0 < mPanels; ip0 += MC_PANELS) {
                    int ip1 = Math.min(mPanels, ip0 + MC_PANELS);
                    for (int jp = from; jp < to; jp++) {
                        int j = jp * NR, nr = Math.min(NR, n - j);
                        for (int ip = ip0; ip < ip1; ip++) {
                            int i = ip * MR, mr = Math.min(MR, m - i);
                            if (transA) kernel(kc, ap, ip * MR * kc, kc, bp, bBase + jp * NR * kc, c, i, j, n, mr, nr, tile, add);
                            else if (mr == MR) kernel(kc, a, i * k + pc, k, bp, bBase + jp * NR * kc, c, i, j, n, mr, nr, tile, add);
                            else kernel(kc, ap, 0, kc, bp, bBase + jp * NR * kc, c, i, j, n, mr, nr, tile, add);
                            if (last) finishTile(c, i, j, n, mr, nr, bias, fn);
                        }
                    }
                }
            }
        };
        // A range packs only its own B panels, and A only when transposed (then all of it, once per range).
        if (transA) Threads.parallelFor(nPanels, work, columns);
        else Threads.parallelForShared(nPanels, work, columns);
    }

    /**
     * The blocked product split over rows instead: each task owns a range of row panels, reads only its rows of A
     * (packing them only when transposed) and packs all of B. Taller than wide, this packs less twice over than the
     * split over columns, where every task packs all of a transposed A (on two threads a 1024² product spent a seventh
     * of each thread's time packing A). Each element is summed in the same order as there.
     */
    private static void byRows(boolean transA, boolean transB, int m, int n, int k, float[] a, float[] b, PackedB packed,
                               float[] c, boolean accumulate, float[] bias, RowFunction fn, int mPanels, int nPanels, long work) {
        Threads.Range rows = (from, to) -> {
            int kcMax = Math.min(k, KC);
            Scratch s = SCRATCH.get();
            float[] ap = s.ap((transA ? to - from : 1) * MR * kcMax), own = packed != null ? null : s.bp(nPanels * NR * kcMax), tile = s.tile;
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                boolean last = pc + kc == k, add = accumulate || pc > 0;
                packA(transA, a, m, k, pc, kc, ap, from, to);
                float[] bp;
                int bBase;
                if (packed != null) { bp = packed.data; bBase = packed.blockBase(pc); }
                else { packB(transB, b, n, k, pc, kc, own, 0, 0, nPanels); bp = own; bBase = 0; }
                for (int ip0 = from; ip0 < to; ip0 += MC_PANELS) {
                    int ip1 = Math.min(to, ip0 + MC_PANELS);
                    for (int jp = 0; jp < nPanels; jp++) {
                        int j = jp * NR, nr = Math.min(NR, n - j);
                        for (int ip = ip0; ip < ip1; ip++) {
                            int i = ip * MR, mr = Math.min(MR, m - i);
                            if (transA) kernel(kc, ap, (ip - from) * MR * kc, kc, bp, bBase + jp * NR * kc, c, i, j, n, mr, nr, tile, add);
                            else if (mr == MR) kernel(kc, a, i * k + pc, k, bp, bBase + jp * NR * kc, c, i, j, n, mr, nr, tile, add);
                            else kernel(kc, ap, 0, kc, bp, bBase + jp * NR * kc, c, i, j, n, mr, nr, tile, add);
                            if (last) finishTile(c, i, j, n, mr, nr, bias, fn);
                        }
                    }
                }
            }
        };
        // A range packs its own rows of A (if any) and, unless packed ahead, all of B: with B packed ahead (inference)
        // ranges cost nothing to start, so they are shared out as threads come free.
        if (packed != null) Threads.parallelForShared(mPanels, work, rows);
        else Threads.parallelFor(mPanels, work, rows);
    }

    /** The epilogue over rows [i0, i1) of C (n columns): bias, then the function. */
    private static void finishRows(float[] c, int i0, int i1, int n, float[] bias, RowFunction fn) {
        if (bias == null && fn == null) return;
        for (int i = i0; i < i1; i++) finishStretch(c, i * n, 0, n, bias, fn);
    }

    /** The epilogue over one tile of C whose sums are complete. */
    private static void finishTile(float[] c, int i, int j, int ldc, int mr, int nr, float[] bias, RowFunction fn) {
        if (bias == null && fn == null) return;
        for (int r = 0; r < mr; r++) finishStretch(c, (i + r) * ldc + j, j, nr, bias, fn);
    }

    /** c[o, o+w) += bias[j, j+w), then fn over the stretch. */
    private static void finishStretch(float[] c, int o, int j, int w, float[] bias, RowFunction fn) {
        if (bias != null) {
            int q = 0;
            for (; q + L <= w; q += L) FloatVector.fromArray(S, c, o + q).add(FloatVector.fromArray(S, bias, j + q)).intoArray(c, o + q);
            for (; q < w; q++) c[o + q] += bias[j + q];
        }
        if (fn != null) fn.applyInPlace(c, o, o + w);
    }

    /**
     * Each thread's packing buffers, grown to the largest product it has run and reused (packing writes every element
     * it later reads, zeros included), so a product allocates nothing. A thread runs one range at a time.
     */
    private static final class Scratch {
        private float[] ap = new float[0], bp = new float[0];
        final float[] tile = new float[MR * NR];
        float[] ap(int n) { if (ap.length < n) ap = new float[n]; return ap; }
        float[] bp(int n) { if (bp.length < n) bp = new float[n]; return bp; }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /**
     * Row panels [fromPanel, toPanel) of op(A) for the blocked kernels. For Aᵀ every panel, the first at the start of
     * {@code ap}: row i of the range at (i − fromPanel·MR)·kc. A plain A's full panels are not copied: the
     * micro-kernel reads six rows side by side, a row stride apart, so it reads them in A itself (copying them was 3 %
     * of a batch-256 inference); only a last panel with fewer than MR rows is copied, to the start of {@code ap}, with
     * its missing rows zero.
     */
    private static void packA(boolean transA, float[] a, int m, int k, int pc, int kc, float[] ap, int fromPanel, int toPanel) {
        if (transA) copyPanels(true, a, m, k, pc, kc, ap, fromPanel, toPanel);
        else if (toPanel * MR > m) copyPanels(false, a, m, k, pc, kc, ap, toPanel - 1, toPanel);
    }

    /** All of op(A) (m ≤ MR rows, all of K) as one panel in row layout, rows past m zero. */
    private static void packRows(boolean transA, float[] a, int m, int k, float[] ap) {
        copyPanels(transA, a, m, k, 0, k, ap, 0, 1);
    }

    /** Row panels [fromPanel, toPanel) of op(A)[·, pc..pc+kc) in row layout from the start of {@code ap}; rows past m zero. */
    private static void copyPanels(boolean transA, float[] a, int m, int k, int pc, int kc, float[] ap, int fromPanel, int toPanel) {
        int i0 = fromPanel * MR, i1 = Math.min(m, toPanel * MR);
        if (transA) {
            // op(A) = Aᵀ: the values of one p for a panel's rows are adjacent in memory; read them in a row.
            for (int ip = fromPanel; ip < toPanel; ip++) {
                int r0 = ip * MR, rows = Math.min(MR, m - r0), base = (r0 - i0) * kc;
                for (int p = 0; p < kc; p++) {
                    int src = (pc + p) * m + r0;
                    for (int r = 0; r < rows; r++) ap[base + r * kc + p] = a[src + r];
                }
            }
        } else {
            for (int i = i0; i < i1; i++) System.arraycopy(a, i * k + pc, ap, (i - i0) * kc, kc);
        }
        Arrays.fill(ap, (i1 - i0) * kc, (toPanel * MR - i0) * kc, 0f);
    }

    /** Column panels of NR columns: for each p, the NR values op(B)[pc+p, j..j+NR]; columns past n are zero. */
    private static void packB(boolean transB, float[] b, int n, int k, int pc, int kc, float[] bp, int offset, int fromPanel, int toPanel) {
        for (int jp = fromPanel; jp < toPanel; jp++) {
            int base = offset + (jp - fromPanel) * NR * kc, j0 = jp * NR, w = Math.min(NR, n - j0);
            if (!transB) {
                if (w == NR) {
                    // Two vector moves per row: cheaper than an arraycopy call for 16 floats.
                    for (int p = 0; p < kc; p++) {
                        int src = (pc + p) * n + j0, dst = base + p * NR;
                        FloatVector.fromArray(S, b, src).intoArray(bp, dst);
                        FloatVector.fromArray(S, b, src + L).intoArray(bp, dst + L);
                    }
                    continue;
                }
                for (int p = 0; p < kc; p++) {
                    int src = (pc + p) * n + j0, dst = base + p * NR;
                    System.arraycopy(b, src, bp, dst, w);
                    Arrays.fill(bp, dst + w, dst + NR, 0f);
                }
            } else {
                // op(B) = Bᵀ: each column of the panel is a contiguous run of B; read it in order, write with stride NR
                // (the panel is small enough to stay in L1).
                for (int jj = 0; jj < w; jj++) {
                    int src = (j0 + jj) * k + pc;
                    for (int p = 0; p < kc; p++) bp[base + p * NR + jj] = b[src + p];
                }
                for (int jj = w; jj < NR; jj++) for (int p = 0; p < kc; p++) bp[base + p * NR + jj] = 0f;
            }
        }
    }

    /**
     * C[i..i+mr, j..j+nr] += (or, when not {@code add}, =) Apanel · Bpanel over kc; the panel's rows start at
     * {@code ao} of {@code ap}, {@code lda} apart.
     */
    private static void kernel(int kc, float[] ap, int ao, int lda, float[] bp, int bo, float[] c, int i, int j, int ldc,
                               int mr, int nr, float[] tile, boolean add) {
        if (mr == MR && nr == NR) { micro(kc, ap, ao, lda, bp, bo, c, i * ldc + j, ldc, add); return; }
        if (nr <= L) microOne(kc, ap, ao, lda, bp, bo, tile);
        else micro(kc, ap, ao, lda, bp, bo, tile, 0, NR, false);
        if (add) { addTile(c, i, j, ldc, mr, nr, tile); return; }
        for (int r = 0; r < mr; r++) System.arraycopy(tile, r * NR, c, (i + r) * ldc + j, nr);
    }

    /** C[i..i+mr, j..j+nr] += tile. */
    private static void addTile(float[] c, int i, int j, int ldc, int mr, int nr, float[] tile) {
        if (mr == MR && nr == NR) {
            for (int r = 0, o = i * ldc + j; r < MR; r++, o += ldc) {
                store(c, o, FloatVector.fromArray(S, tile, r * NR), FloatVector.fromArray(S, tile, r * NR + L));
            }
            return;
        }
        for (int r = 0; r < mr; r++) {
            int o = (i + r) * ldc + j;
            for (int q = 0; q < nr; q++) c[o + q] += tile[r * NR + q];
        }
    }

    /**
     * The register-blocked core: tile = Apanel · Bpanel over kc, 12 vector accumulators in registers. Kept small, with
     * few arguments, so C2 keeps every accumulator and pointer in registers (the same loop with C's bookkeeping in
     * the method ran at a third of the speed).
     */
    private static void micro(int kc, float[] ap, int ao, int lda, float[] bp, int bo, float[] out, int oo, int ldo, boolean add) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S), c10 = FloatVector.zero(S), c11 = FloatVector.zero(S),
                c20 = FloatVector.zero(S), c21 = FloatVector.zero(S), c30 = FloatVector.zero(S), c31 = FloatVector.zero(S),
                c40 = FloatVector.zero(S), c41 = FloatVector.zero(S), c50 = FloatVector.zero(S), c51 = FloatVector.zero(S);
        int a0 = ao, a1 = a0 + lda, a2 = a1 + lda, a3 = a2 + lda, a4 = a3 + lda, a5 = a4 + lda;
        for (int p = 0; p < kc; p++) {
            int bi = bo + p * NR;
            FloatVector b0 = FloatVector.fromArray(S, bp, bi), b1 = FloatVector.fromArray(S, bp, bi + L);
            FloatVector v0 = FloatVector.broadcast(S, ap[a0 + p]);
            c00 = v0.fma(b0, c00); c01 = v0.fma(b1, c01);
            FloatVector v1 = FloatVector.broadcast(S, ap[a1 + p]);
            c10 = v1.fma(b0, c10); c11 = v1.fma(b1, c11);
            FloatVector v2 = FloatVector.broadcast(S, ap[a2 + p]);
            c20 = v2.fma(b0, c20); c21 = v2.fma(b1, c21);
            FloatVector v3 = FloatVector.broadcast(S, ap[a3 + p]);
            c30 = v3.fma(b0, c30); c31 = v3.fma(b1, c31);
            FloatVector v4 = FloatVector.broadcast(S, ap[a4 + p]);
            c40 = v4.fma(b0, c40); c41 = v4.fma(b1, c41);
            FloatVector v5 = FloatVector.broadcast(S, ap[a5 + p]);
            c50 = v5.fma(b0, c50); c51 = v5.fma(b1, c51);
        }
        int o0 = oo, o1 = o0 + ldo, o2 = o1 + ldo, o3 = o2 + ldo, o4 = o3 + ldo, o5 = o4 + ldo;
        if (add) {
            c00 = FloatVector.fromArray(S, out, o0).add(c00); c01 = FloatVector.fromArray(S, out, o0 + L).add(c01);
            c10 = FloatVector.fromArray(S, out, o1).add(c10); c11 = FloatVector.fromArray(S, out, o1 + L).add(c11);
            c20 = FloatVector.fromArray(S, out, o2).add(c20); c21 = FloatVector.fromArray(S, out, o2 + L).add(c21);
            c30 = FloatVector.fromArray(S, out, o3).add(c30); c31 = FloatVector.fromArray(S, out, o3 + L).add(c31);
            c40 = FloatVector.fromArray(S, out, o4).add(c40); c41 = FloatVector.fromArray(S, out, o4 + L).add(c41);
            c50 = FloatVector.fromArray(S, out, o5).add(c50); c51 = FloatVector.fromArray(S, out, o5 + L).add(c51);
        }
        c00.intoArray(out, o0); c01.intoArray(out, o0 + L);
        c10.intoArray(out, o1); c11.intoArray(out, o1 + L);
        c20.intoArray(out, o2); c21.intoArray(out, o2 + L);
        c30.intoArray(out, o3); c31.intoArray(out, o3 + L);
        c40.intoArray(out, o4); c41.intoArray(out, o4 + L);
        c50.intoArray(out, o5); c51.intoArray(out, o5 + L);
    }


    /**
     * {@link #micro} into the tile for a panel whose columns past the first vector are all padding (nr ≤ L: a 10-class
     * head, the last few columns of a wider output): the first vector's six sums only, half the FMAs, each summed in
     * the same order as there.
     */
    private static void microOne(int kc, float[] ap, int ao, int lda, float[] bp, int bo, float[] tile) {
        FloatVector c0 = FloatVector.zero(S), c1 = FloatVector.zero(S), c2 = FloatVector.zero(S),
                c3 = FloatVector.zero(S), c4 = FloatVector.zero(S), c5 = FloatVector.zero(S);
        int a0 = ao, a1 = a0 + lda, a2 = a1 + lda, a3 = a2 + lda, a4 = a3 + lda, a5 = a4 + lda;
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(S, bp, bo + p * NR);
            c0 = FloatVector.broadcast(S, ap[a0 + p]).fma(b0, c0);
            c1 = FloatVector.broadcast(S, ap[a1 + p]).fma(b0, c1);
            c2 = FloatVector.broadcast(S, ap[a2 + p]).fma(b0, c2);
            c3 = FloatVector.broadcast(S, ap[a3 + p]).fma(b0, c3);
            c4 = FloatVector.broadcast(S, ap[a4 + p]).fma(b0, c4);
            c5 = FloatVector.broadcast(S, ap[a5 + p]).fma(b0, c5);
        }
        c0.intoArray(tile, 0); c1.intoArray(tile, NR); c2.intoArray(tile, 2 * NR);
        c3.intoArray(tile, 3 * NR); c4.intoArray(tile, 4 * NR); c5.intoArray(tile, 5 * NR);
    }

    /**
     * A product with a single row panel (m ≤ MR) and plain B: a convolution with few filters (im2col patches as B,
     * one column per output pixel), where each B value is used by that one panel only. Packing B would copy the whole
     * patch matrix once more for no reuse, so the micro-kernel reads B in place, a row stride apart, over all of K; A
     * (MR×K, small) is packed once and shared read-only. Columns past the last full panel are summed directly.
     */
    private static void rowPanel(boolean transA, int m, int n, int k, float[] a, float[] b, float[] c) {
        float[] ap = SCRATCH.get().ap(MR * k); // the caller's; the tasks only read it, and it outlives them
        packRows(transA, a, m, k, ap);
        int nPanels = (n + NR - 1) / NR;
        Threads.parallelFor(nPanels, 2L * m * n * k, (from, to) -> {
            float[] tile = SCRATCH.get().tile;
            for (int jp = from; jp < to; jp++) {
                int j = jp * NR, nr = Math.min(NR, n - j);
                if (nr == NR) {
                    microStrided(k, ap, b, j, n, tile);
                    addTile(c, 0, j, n, m, NR, tile);
                    continue;
                }
                for (int i = 0; i < m; i++) {
                    for (int q = j; q < n; q++) {
                        float sum = 0f;
                        for (int p = 0; p < k; p++) sum = Math.fma(ap[i * k + p], b[p * n + q], sum);
                        c[i * n + q] += sum;
                    }
                }
            }
        });
    }

    /** {@link #micro} with B read in place, {@code ldb} floats between its rows (see {@link #rowPanel}). */
    private static void microStrided(int kc, float[] ap, float[] b, int bo, int ldb, float[] tile) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S), c10 = FloatVector.zero(S), c11 = FloatVector.zero(S),
                c20 = FloatVector.zero(S), c21 = FloatVector.zero(S), c30 = FloatVector.zero(S), c31 = FloatVector.zero(S),
                c40 = FloatVector.zero(S), c41 = FloatVector.zero(S), c50 = FloatVector.zero(S), c51 = FloatVector.zero(S);
        int a1 = kc, a2 = 2 * kc, a3 = 3 * kc, a4 = 4 * kc, a5 = 5 * kc; // ap's rows (row layout, lda = kc)
        for (int p = 0, bi = bo; p < kc; p++, bi += ldb) {
            FloatVector b0 = FloatVector.fromArray(S, b, bi), b1 = FloatVector.fromArray(S, b, bi + L);
            FloatVector v0 = FloatVector.broadcast(S, ap[p]);
            c00 = v0.fma(b0, c00); c01 = v0.fma(b1, c01);
            FloatVector v1 = FloatVector.broadcast(S, ap[a1 + p]);
            c10 = v1.fma(b0, c10); c11 = v1.fma(b1, c11);
            FloatVector v2 = FloatVector.broadcast(S, ap[a2 + p]);
            c20 = v2.fma(b0, c20); c21 = v2.fma(b1, c21);
            FloatVector v3 = FloatVector.broadcast(S, ap[a3 + p]);
            c30 = v3.fma(b0, c30); c31 = v3.fma(b1, c31);
            FloatVector v4 = FloatVector.broadcast(S, ap[a4 + p]);
            c40 = v4.fma(b0, c40); c41 = v4.fma(b1, c41);
            FloatVector v5 = FloatVector.broadcast(S, ap[a5 + p]);
            c50 = v5.fma(b0, c50); c51 = v5.fma(b1, c51);
        }
        c00.intoArray(tile, 0); c01.intoArray(tile, L);
        c10.intoArray(tile, NR); c11.intoArray(tile, NR + L);
        c20.intoArray(tile, 2 * NR); c21.intoArray(tile, 2 * NR + L);
        c30.intoArray(tile, 3 * NR); c31.intoArray(tile, 3 * NR + L);
        c40.intoArray(tile, 4 * NR); c41.intoArray(tile, 4 * NR + L);
        c50.intoArray(tile, 5 * NR); c51.intoArray(tile, 5 * NR + L);
    }

    private static void store(float[] c, int o, FloatVector v0, FloatVector v1) {
        FloatVector.fromArray(S, c, o).add(v0).intoArray(c, o);
        FloatVector.fromArray(S, c, o + L).add(v1).intoArray(c, o + L);
    }

    /**
     * A few rows of A times B (tiny batches): B streams once per row, four vector accumulators per column chunk stay in
     * registers; no packing. Each K block's sum starts from zero and is then added to C, the order the blocked kernel
     * sums in, so a row's result does not depend on how many rows came with it.
     */
    private static void skinny(boolean transA, int m, int n, int k, float[] a, float[] b, float[] c) {
        int chunk = 4 * L;
        for (int i = 0; i < m; i++) {
            int ci = i * n;
            for (int pc = 0; pc < k; pc += KC) {
                int pEnd = Math.min(k, pc + KC);
                int j = 0;
                for (; j + chunk <= n; j += chunk) {
                    FloatVector s0 = FloatVector.zero(S), s1 = FloatVector.zero(S), s2 = FloatVector.zero(S), s3 = FloatVector.zero(S);
                    for (int p = pc; p < pEnd; p++) {
                        FloatVector av = FloatVector.broadcast(S, transA ? a[p * m + i] : a[i * k + p]);
                        int bo = p * n + j;
                        s0 = av.fma(FloatVector.fromArray(S, b, bo), s0);
                        s1 = av.fma(FloatVector.fromArray(S, b, bo + L), s1);
                        s2 = av.fma(FloatVector.fromArray(S, b, bo + 2 * L), s2);
                        s3 = av.fma(FloatVector.fromArray(S, b, bo + 3 * L), s3);
                    }
                    int o = ci + j;
                    FloatVector.fromArray(S, c, o).add(s0).intoArray(c, o);
                    FloatVector.fromArray(S, c, o + L).add(s1).intoArray(c, o + L);
                    FloatVector.fromArray(S, c, o + 2 * L).add(s2).intoArray(c, o + 2 * L);
                    FloatVector.fromArray(S, c, o + 3 * L).add(s3).intoArray(c, o + 3 * L);
                }
                for (; j + L <= n; j += L) {
                    FloatVector s0 = FloatVector.zero(S);
                    for (int p = pc; p < pEnd; p++) s0 = FloatVector.broadcast(S, transA ? a[p * m + i] : a[i * k + p]).fma(FloatVector.fromArray(S, b, p * n + j), s0);
                    FloatVector.fromArray(S, c, ci + j).add(s0).intoArray(c, ci + j);
                }
                for (; j < n; j++) {
                    float s = 0f;
                    for (int p = pc; p < pEnd; p++) s = Math.fma(transA ? a[p * m + i] : a[i * k + p], b[p * n + j], s);
                    c[ci + j] += s;
                }
            }
        }
    }

    /** Column panels a {@link #gemv} pass handles together: eight accumulators, four contiguous streams. */
    private static final int GEMV_PANELS = 4;

    /**
     * One row times packed B (batch-1 inference): the weights are read once, front to back, as they lie in the
     * packed panels, with every lane of eight accumulators busy. Summed in the blocked kernel's order.
     */
    static void gemv(int k, float[] a, PackedB b, float[] c) {
        int groups = (b.panels + GEMV_PANELS - 1) / GEMV_PANELS;
        if (!GEMV_SPLIT || groups < 2) { gemvPanels(k, a, b, c, 0, b.panels); return; }
        Threads.parallelForShared(groups, (long) k * b.n * GEMV_WORK_PER_WEIGHT, (g0, g1) ->
                gemvPanels(k, a, b, c, g0 * GEMV_PANELS, Math.min(b.panels, g1 * GEMV_PANELS)));
    }

    static final boolean GEMV_SPLIT = !"false".equals(System.getProperty("layerlab.gemv.split"));
    /**
     * A weight streamed through a matrix–vector product counts as this many operations for the threads' work
     * threshold: each is read once, from L2 or beyond, where a product's operand is reused from registers.
     */
    private static final int GEMV_WORK_PER_WEIGHT = 8;

    /** {@link #gemv} over column panels [from, to). */
    static void gemvPanels(int k, float[] a, PackedB b, float[] c, int from, int to) {
        float[] bp = b.data, acc = SCRATCH.get().tile; // MR·NR ≥ GEMV_PANELS·NR floats
        int n = b.n;
        for (int jp0 = from; jp0 < to; jp0 += GEMV_PANELS) {
            int group = Math.min(GEMV_PANELS, to - jp0);
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc), o = b.blockBase(pc) + jp0 * NR * kc;
                if (group == GEMV_PANELS) gemv4(kc, a, pc, bp, o, NR * kc, acc);
                else gemv1s(kc, a, pc, bp, o, NR * kc, group, acc);
                int j0 = jp0 * NR, w = Math.min(group * NR, n - j0);
                for (int q = 0; q < w; q++) c[j0 + q] += acc[q];
            }
        }
    }

    /** acc[0, 4·NR) = a[pc, pc+kc) · four panels {@code stride} floats apart from {@code o}. */
    private static void gemv4(int kc, float[] a, int pc, float[] bp, int o, int stride, float[] acc) {
        FloatVector s00 = FloatVector.zero(S), s01 = FloatVector.zero(S), s10 = FloatVector.zero(S), s11 = FloatVector.zero(S),
                s20 = FloatVector.zero(S), s21 = FloatVector.zero(S), s30 = FloatVector.zero(S), s31 = FloatVector.zero(S);
        int o1 = o + stride, o2 = o1 + stride, o3 = o2 + stride;
        for (int p = 0; p < kc; p++) {
            FloatVector av = FloatVector.broadcast(S, a[pc + p]);
            int d = p * NR;
            s00 = av.fma(FloatVector.fromArray(S, bp, o + d), s00); s01 = av.fma(FloatVector.fromArray(S, bp, o + d + L), s01);
            s10 = av.fma(FloatVector.fromArray(S, bp, o1 + d), s10); s11 = av.fma(FloatVector.fromArray(S, bp, o1 + d + L), s11);
            s20 = av.fma(FloatVector.fromArray(S, bp, o2 + d), s20); s21 = av.fma(FloatVector.fromArray(S, bp, o2 + d + L), s21);
            s30 = av.fma(FloatVector.fromArray(S, bp, o3 + d), s30); s31 = av.fma(FloatVector.fromArray(S, bp, o3 + d + L), s31);
        }
        s00.intoArray(acc, 0); s01.intoArray(acc, L); s10.intoArray(acc, NR); s11.intoArray(acc, NR + L);
        s20.intoArray(acc, 2 * NR); s21.intoArray(acc, 2 * NR + L); s30.intoArray(acc, 3 * NR); s31.intoArray(acc, 3 * NR + L);
    }

    /** acc[0, panels·NR) for fewer than four panels, one at a time. */
    private static void gemv1s(int kc, float[] a, int pc, float[] bp, int o, int stride, int panels, float[] acc) {
        int q = 0;
        for (; q + 2 <= panels; q += 2, o += 2 * stride) {
            FloatVector s00 = FloatVector.zero(S), s01 = FloatVector.zero(S), s10 = FloatVector.zero(S), s11 = FloatVector.zero(S);
            int o1 = o + stride;
            for (int p = 0; p < kc; p++) {
                FloatVector av = FloatVector.broadcast(S, a[pc + p]);
                int d = p * NR;
                s00 = av.fma(FloatVector.fromArray(S, bp, o + d), s00); s01 = av.fma(FloatVector.fromArray(S, bp, o + d + L), s01);
                s10 = av.fma(FloatVector.fromArray(S, bp, o1 + d), s10); s11 = av.fma(FloatVector.fromArray(S, bp, o1 + d + L), s11);
            }
            s00.intoArray(acc, q * NR); s01.intoArray(acc, q * NR + L);
            s10.intoArray(acc, (q + 1) * NR); s11.intoArray(acc, (q + 1) * NR + L);
        }
        for (; q < panels; q++, o += stride) {
            FloatVector s0 = FloatVector.zero(S), s1 = FloatVector.zero(S);
            for (int p = 0; p < kc; p++) {
                FloatVector av = FloatVector.broadcast(S, a[pc + p]);
                s0 = av.fma(FloatVector.fromArray(S, bp, o + p * NR), s0);
                s1 = av.fma(FloatVector.fromArray(S, bp, o + p * NR + L), s1);
            }
            s0.intoArray(acc, q * NR); s1.intoArray(acc, q * NR + L);
        }
    }

    /**
     * Small products, where packing would cost more than it saves. Outputs narrower than a vector (n = 8 or 1 in a
     * small MLP) and every product against Bᵀ go to {@link #tiles}: a straight loop over n that short ran C2's
     * vectorised-loop set-up for 8 or 1 iterations, and a dot product per element of C was one dependent chain of
     * adds (together 45 % of a 2-8-8-1 network's training step, 2 Dec 2026). Wider rows keep the loop C2 vectorises.
     */
    private static void small(boolean transA, boolean transB, int m, int n, int k, float[] a, float[] b, float[] c) {
        if (transB || n <= L) {
            // op(A)[i, p] = a[i·ars + p·aps], op(B)[p, j] = b[p·bps + j·bjs]: one walk serves all four transposes.
            tiles(m, n, k, a, transA ? 1 : k, transA ? m : 1, b, transB ? 1 : n, transB ? k : 1, c);
            return;
        }
        for (int i = 0; i < m; i++) {
            int ci = i * n;
            for (int p = 0; p < k; p++) {
                float aip = transA ? a[p * m + i] : a[i * k + p];
                int bp = p * n;
                for (int j = 0; j < n; j++) c[ci + j] += aip * b[bp + j];
            }
        }
    }

    /**
     * C += op(A)·op(B) in register tiles of scalar accumulators, each summed over all of K from zero and then added
     * to C: 2×4 tiles over groups of four columns, 4×1 down each column left over, so every loop over p carries
     * several independent FMA chains and none has an inner loop over j. Strides as in {@link #small}.
     */
    private static void tiles(int m, int n, int k, float[] a, int ars, int aps, float[] b, int bps, int bjs, float[] c) {
        int j = 0;
        for (; j + 4 <= n; j += 4) {
            int i = 0;
            for (; i + 2 <= m; i += 2) tile2x4(k, a, i * ars, ars, aps, b, j * bjs, bps, bjs, c, i * n + j, n);
            if (i < m) tile1x4(k, a, i * ars, aps, b, j * bjs, bps, bjs, c, i * n + j);
        }
        for (; j < n; j++) {
            int i = 0;
            for (; i + 4 <= m; i += 4) tile4x1(k, a, i * ars, ars, aps, b, j * bjs, bps, c, i * n + j, n);
            for (; i < m; i++) {
                float s = 0f;
                for (int p = 0, ai = i * ars, bi = j * bjs; p < k; p++, ai += aps, bi += bps) s = Math.fma(a[ai], b[bi], s);
                c[i * n + j] += s;
            }
        }
    }

    /** Rows i, i+1 (A from {@code ao}, {@code ars} apart) by columns j..j+3 (B from {@code bo}, {@code bjs} apart). */
    private static void tile2x4(int k, float[] a, int ao, int ars, int aps, float[] b, int bo, int bps, int bjs,
                                float[] c, int co, int ldc) {
        float s00 = 0f, s01 = 0f, s02 = 0f, s03 = 0f, s10 = 0f, s11 = 0f, s12 = 0f, s13 = 0f;
        for (int p = 0, ai = ao, bi = bo; p < k; p++, ai += aps, bi += bps) {
            float a0 = a[ai], a1 = a[ai + ars];
            float b0 = b[bi], b1 = b[bi + bjs], b2 = b[bi + 2 * bjs], b3 = b[bi + 3 * bjs];
            s00 = Math.fma(a0, b0, s00); s01 = Math.fma(a0, b1, s01); s02 = Math.fma(a0, b2, s02); s03 = Math.fma(a0, b3, s03);
            s10 = Math.fma(a1, b0, s10); s11 = Math.fma(a1, b1, s11); s12 = Math.fma(a1, b2, s12); s13 = Math.fma(a1, b3, s13);
        }
        c[co] += s00; c[co + 1] += s01; c[co + 2] += s02; c[co + 3] += s03;
        int c1 = co + ldc;
        c[c1] += s10; c[c1 + 1] += s11; c[c1 + 2] += s12; c[c1 + 3] += s13;
    }

    /** The last row of an odd m by columns j..j+3. */
    private static void tile1x4(int k, float[] a, int ao, int aps, float[] b, int bo, int bps, int bjs, float[] c, int co) {
        float s0 = 0f, s1 = 0f, s2 = 0f, s3 = 0f;
        for (int p = 0, ai = ao, bi = bo; p < k; p++, ai += aps, bi += bps) {
            float a0 = a[ai];
            s0 = Math.fma(a0, b[bi], s0); s1 = Math.fma(a0, b[bi + bjs], s1);
            s2 = Math.fma(a0, b[bi + 2 * bjs], s2); s3 = Math.fma(a0, b[bi + 3 * bjs], s3);
        }
        c[co] += s0; c[co + 1] += s1; c[co + 2] += s2; c[co + 3] += s3;
    }

    /** Rows i..i+3 by one column (B from {@code bo}): an output of one unit, or the columns past the groups of four. */
    private static void tile4x1(int k, float[] a, int ao, int ars, int aps, float[] b, int bo, int bps,
                                float[] c, int co, int ldc) {
        float s0 = 0f, s1 = 0f, s2 = 0f, s3 = 0f;
        for (int p = 0, ai = ao, bi = bo; p < k; p++, ai += aps, bi += bps) {
            float bv = b[bi];
            s0 = Math.fma(a[ai], bv, s0); s1 = Math.fma(a[ai + ars], bv, s1);
            s2 = Math.fma(a[ai + 2 * ars], bv, s2); s3 = Math.fma(a[ai + 3 * ars], bv, s3);
        }
        c[co] += s0; c[co + ldc] += s1; c[co + 2 * ldc] += s2; c[co + 3 * ldc] += s3;
    }
}
