package org.layerlab.compute.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The blocked Vector-API GEMM against a double-precision reference, for every transpose and awkward sizes: 1×N and
 * N×1, sizes one either side of the 8- and 16-lane vector, of the 16- and 32-column panel and of the 6-row panel,
 * a single row panel over many columns, a ragged last panel, two and three K blocks. The build runs this class at
 * both vector widths (see {@link Vectors}).
 */
class GemmTest {
    @ParameterizedTest(name = "{0}x{1}x{2}")
    @CsvSource({"1,1,1", "1,256,784", "3,70,33", "4,8,5", "3,5,7", "6,32,4", "7,33,300", "64,256,784", "13,70,257", "100,17,9", "129,131,513",
            "6,1000,300", "5,4112,25", "1,17,40", "1,15,300", "1,1000,3", "300,1,40", "200,1,300", "40,1,1", "5,31,600",
            "7,15,9", "9,16,17", "11,33,31", "12,64,513", "23,47,1", "35,97,64", "1,64,1", "2,63,257", "4,65,100", "33,7,700",
            "5,64,100", "6,33,7", "6,95,3", "5,97,700", "6,64,1", "6,257,25", "64,5,300", "256,10,128", "1,10,4000", "70,4,200"})
    void matchesReference(int m, int n, int k) {
        SplittableRandom rng = new SplittableRandom(m * 31 + n * 7 + k);
        for (boolean ta : new boolean[] {false, true}) {
            for (boolean tb : new boolean[] {false, true}) {
                float[] a = new float[m * k], b = new float[k * n], c = new float[m * n], init = new float[m * n];
                for (int i = 0; i < a.length; i++) a[i] = (float) (rng.nextDouble() - 0.5);
                for (int i = 0; i < b.length; i++) b[i] = (float) (rng.nextDouble() - 0.5);
                for (int i = 0; i < c.length; i++) c[i] = init[i] = (float) rng.nextDouble();
                Gemm.gemm(ta, tb, m, n, k, a, b, c, true);
                // Not accumulating, C's old contents (NaN) must not show: the blocked kernels write C in their first K
                // block instead of adding to a zeroed C.
                float[] fresh = new float[m * n];
                java.util.Arrays.fill(fresh, Float.NaN);
                Gemm.gemm(ta, tb, m, n, k, a, b, fresh, false);
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < n; j++) {
                        double s = init[i * n + j];
                        for (int p = 0; p < k; p++) s += (double) (ta ? a[p * m + i] : a[i * k + p]) * (tb ? b[j * k + p] : b[p * n + j]);
                        assertEquals(s, c[i * n + j], 1e-4 * Math.sqrt(k) + 1e-5, "ta=" + ta + " tb=" + tb + " at " + i + "," + j);
                        assertEquals(s - init[i * n + j], fresh[i * n + j], 1e-4 * Math.sqrt(k) + 1e-5, "not accumulating, ta=" + ta + " tb=" + tb + " at " + i + "," + j);
                    }
                }
            }
        }
    }

    /**
     * The small-product paths at the sizes a tiny network trains at: every m and k from 1 to 12 with every n from 1
     * to one past the vector width (register tiles with and without leftover rows and columns), all four transposes,
     * accumulating or not (then C's old contents, NaN here, must not show), against the reference; a second call gives
     * the same bits.
     */
    @Test void tinyProductsMatchReference() {
        for (int m = 1; m <= 12; m++) for (int n = 1; n <= Vectors.LANES + 1; n++) for (int k = 1; k <= 12; k++) checkTiny(m, n, k);
    }

    /** The products of a 2-8-8-1 network's step at batch 10 (forward, and both gradients), and a few wider kin. */
    @ParameterizedTest(name = "{0}x{1}x{2}")
    @CsvSource({"10,8,2", "10,8,8", "10,1,8", "2,8,10", "8,8,10", "8,1,10", "10,8,1", "1,1,1", "256,1,64", "64,1,256", "13,3,200", "31,17,9"})
    void networkStepProductsMatchReference(int m, int n, int k) {
        checkTiny(m, n, k);
    }

    private static void checkTiny(int m, int n, int k) {
        SplittableRandom rng = new SplittableRandom(m * 1009L + n * 31L + k);
        float[] a = new float[m * k], b = new float[k * n], init = new float[m * n];
        for (int i = 0; i < a.length; i++) a[i] = (float) (rng.nextDouble() - 0.5);
        for (int i = 0; i < b.length; i++) b[i] = (float) (rng.nextDouble() - 0.5);
        for (int i = 0; i < init.length; i++) init[i] = (float) rng.nextDouble();
        for (boolean ta : new boolean[] {false, true}) {
            for (boolean tb : new boolean[] {false, true}) {
                for (boolean acc : new boolean[] {false, true}) {
                    float[] c = acc ? init.clone() : new float[m * n], again;
                    if (!acc) java.util.Arrays.fill(c, Float.NaN);
                    again = c.clone();
                    Gemm.gemm(ta, tb, m, n, k, a, b, c, acc);
                    Gemm.gemm(ta, tb, m, n, k, a, b, again, acc);
                    String where = m + "x" + n + "x" + k + " ta=" + ta + " tb=" + tb + " acc=" + acc;
                    assertArrayEquals(c, again, "deterministic, " + where);
                    for (int i = 0; i < m; i++) {
                        for (int j = 0; j < n; j++) {
                            double s = acc ? init[i * n + j] : 0;
                            for (int p = 0; p < k; p++) s += (double) (ta ? a[p * m + i] : a[i * k + p]) * (tb ? b[j * k + p] : b[p * n + j]);
                            assertEquals(s, c[i * n + j], 1e-5 * Math.sqrt(k) + 1e-6, where + " at " + i + "," + j);
                        }
                    }
                }
            }
        }
    }

    /** The width the tests run at is the one asked for: the build's second run forces the other width. */
    @Test void runsAtTheRequestedWidth() {
        System.out.println("GemmTest vector width: " + Vectors.describe());
        String forced = System.getProperty(Vectors.BITS_PROPERTY);
        if (forced == null) assertEquals(Vectors.preferredBits(), Vectors.bits());
        else if (forced.equals("alternate")) assertEquals(Vectors.preferredBits() >= 512 ? 256 : 512, Vectors.bits());
        else assertEquals(Integer.parseInt(forced), Vectors.bits());
        assertEquals(Vectors.bits() / 32, Vectors.LANES);
    }

    /** Results do not depend on how many threads share the work. */
    @ParameterizedTest @CsvSource({"200,300,400", "300,200,400", "1030,64,300", "97,97,513", "256,256,784", "256,10,128", "131,70,300", "1,700,300", "1,300,1000"})
    void sameResultWithOneOrManyThreads(int m, int n, int k) {
        SplittableRandom rng = new SplittableRandom(1);
        float[] a = new float[m * k], b = new float[k * n];
        for (int i = 0; i < a.length; i++) a[i] = (float) rng.nextDouble();
        for (int i = 0; i < b.length; i++) b[i] = (float) rng.nextDouble();
        int before = Threads.parallelism();
        try {
            for (boolean ta : new boolean[] {false, true}) {
                Threads.setParallelism(1);
                float[] one = new float[m * n];
                Gemm.gemm(ta, false, m, n, k, a, b, one, false);
                for (int threads : new int[] {2, 3, 4}) {
                    Threads.setParallelism(threads);
                    float[] many = new float[m * n];
                    java.util.Arrays.fill(many, Float.NaN);
                    Gemm.gemm(ta, false, m, n, k, a, b, many, false);
                    assertArrayEquals(one, many, threads + " threads, ta=" + ta);
                    // B packed ahead: ranges shared out as threads come free (row or column split).
                    float[] packed = new float[m * n];
                    Gemm.gemm(ta, m, a, Gemm.pack(b, k, n), packed, false, null, null);
                    assertArrayEquals(one, packed, threads + " threads, packed B, ta=" + ta);
                }
            }
        } finally {
            Threads.setParallelism(before);
        }
    }

    /** A function with a kink and a slope on both sides, so every element's value matters. */
    private static final Gemm.RowFunction LEAKY = (v, from, to) -> { for (int i = from; i < to; i++) v[i] = v[i] > 0 ? v[i] : 0.1f * v[i]; };

    /**
     * The epilogue (bias, then a function, applied in the product's store) gives exactly what the product followed by
     * a bias pass and a function pass gives, on every path (skinny rows, the one-row product over packed B, small
     * products, a single row panel, the blocked kernel over one to four K blocks); so does B packed ahead.
     */
    @ParameterizedTest(name = "{0}x{1}x{2}")
    @CsvSource({"1,256,784", "1,128,256", "1,10,128", "1,17,600", "1,100,1", "1,33,257", "1,250,513", "2,64,300", "4,31,9",
            "3,5,7", "6,64,513", "5,97,700", "7,33,300", "13,70,257", "64,256,784", "256,10,128", "129,131,513", "5,4112,25",
            "40,1,1", "9,16,17", "100,17,9", "6,95,3", "12,64,1025"})
    void epilogueAndPackedWeightsMatchSeparatePasses(int m, int n, int k) {
        SplittableRandom rng = new SplittableRandom(m * 131 + n * 17 + k);
        float[] b = new float[k * n], bias = new float[n];
        for (int i = 0; i < b.length; i++) b[i] = (float) (rng.nextDouble() - 0.5);
        for (int i = 0; i < n; i++) bias[i] = (float) (rng.nextDouble() - 0.5);
        Gemm.PackedB packed = Gemm.pack(b, k, n);
        for (boolean ta : new boolean[] {false, true}) {
            for (boolean accumulate : new boolean[] {false, true}) {
                float[] a = new float[m * k], init = new float[m * n];
                for (int i = 0; i < a.length; i++) a[i] = (float) (rng.nextDouble() - 0.5);
                for (int i = 0; i < init.length; i++) init[i] = (float) (rng.nextDouble() - 0.5);
                float[] expected = init.clone();
                Gemm.gemm(ta, false, m, n, k, a, b, expected, accumulate);
                for (int i = 0; i < m; i++) for (int j = 0; j < n; j++) expected[i * n + j] += bias[j];
                LEAKY.applyInPlace(expected, 0, m * n);
                String at = m + "x" + n + "x" + k + " ta=" + ta + " accumulate=" + accumulate;
                float[] fused = init.clone();
                Gemm.gemm(ta, false, m, n, k, a, b, fused, accumulate, bias, LEAKY);
                assertArrayEquals(expected, fused, "fused " + at);
                float[] fromPacked = init.clone();
                Gemm.gemm(ta, m, a, packed, fromPacked, accumulate, bias, LEAKY);
                assertArrayEquals(expected, fromPacked, "packed " + at);
                float[] biasOnly = init.clone(), plain = init.clone();
                Gemm.gemm(ta, m, a, packed, biasOnly, accumulate, bias, null);
                Gemm.gemm(ta, false, m, n, k, a, b, plain, accumulate);
                for (int i = 0; i < m; i++) for (int j = 0; j < n; j++) plain[i * n + j] += bias[j];
                assertArrayEquals(plain, biasOnly, "packed, bias only " + at);
            }
        }
        // B transposed takes the epilogue too (no packed form).
        float[] a = new float[m * k], bt = new float[n * k];
        for (int i = 0; i < a.length; i++) a[i] = (float) (rng.nextDouble() - 0.5);
        for (int i = 0; i < bt.length; i++) bt[i] = (float) (rng.nextDouble() - 0.5);
        float[] expected = new float[m * n], fused = new float[m * n];
        Gemm.gemm(false, true, m, n, k, a, bt, expected, false);
        for (int i = 0; i < m; i++) for (int j = 0; j < n; j++) expected[i * n + j] += bias[j];
        LEAKY.applyInPlace(expected, 0, m * n);
        Gemm.gemm(false, true, m, n, k, a, bt, fused, false, bias, LEAKY);
        assertArrayEquals(expected, fused, "transB");
    }

    /**
     * A row's result does not depend on how many rows came with it: one row alone (skinny path, or the one-row
     * product over packed B) sums in the blocked kernel's order, so batch-1 inference equals that row of a batch.
     */
    @ParameterizedTest(name = "{0}x{1}x{2}")
    @CsvSource({"64,256,784", "9,33,300", "20,250,513", "7,16,1000", "30,128,256"})
    void aRowDoesNotDependOnItsBatch(int m, int n, int k) {
        SplittableRandom rng = new SplittableRandom(7);
        float[] a = new float[m * k], b = new float[k * n], all = new float[m * n];
        for (int i = 0; i < a.length; i++) a[i] = (float) (rng.nextDouble() - 0.5);
        for (int i = 0; i < b.length; i++) b[i] = (float) (rng.nextDouble() - 0.5);
        Gemm.gemm(false, false, m, n, k, a, b, all, false);
        Gemm.PackedB packed = Gemm.pack(b, k, n);
        for (int i = 0; i < m; i += 3) {
            float[] row = java.util.Arrays.copyOfRange(a, i * k, (i + 1) * k), alone = new float[n], fromPacked = new float[n];
            Gemm.gemm(false, false, 1, n, k, row, b, alone, false);
            Gemm.gemm(false, 1, row, packed, fromPacked, false, null, null);
            float[] expected = java.util.Arrays.copyOfRange(all, i * n, (i + 1) * n);
            assertArrayEquals(expected, alone, "row " + i);
            assertArrayEquals(expected, fromPacked, "row " + i + " from packed B");
        }
    }

    /**
     * One-row products over the same packed B from several threads at once (predictions on a shared network) give the
     * same bits as one at a time: the packed weights are only read, each thread sums in its own scratch.
     */
    @Test void oneRowProductIsTheSameUnderConcurrentCallers() throws Exception {
        int n = 256, k = 784;
        SplittableRandom rng = new SplittableRandom(11);
        float[] b = new float[k * n];
        for (int i = 0; i < b.length; i++) b[i] = (float) (rng.nextDouble() - 0.5);
        Gemm.PackedB packed = Gemm.pack(b, k, n);
        float[][] rows = new float[8][k];
        for (float[] row : rows) for (int i = 0; i < k; i++) row[i] = (float) (rng.nextDouble() - 0.5);
        int before = Threads.parallelism();
        try {
            Threads.setParallelism(1);
            float[][] alone = new float[rows.length][n];
            for (int r = 0; r < rows.length; r++) Gemm.gemm(false, 1, rows[r], packed, alone[r], false, null, null);
            Threads.setParallelism(2);
            java.util.concurrent.ExecutorService callers = java.util.concurrent.Executors.newFixedThreadPool(3);
            try {
                java.util.List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
                for (int t = 0; t < 3; t++) {
                    done.add(callers.submit(() -> {
                        for (int rep = 0; rep < 200; rep++) {
                            int r = rep % rows.length;
                            float[] shared = new float[n];
                            Gemm.gemm(false, 1, rows[r], packed, shared, false, null, null);
                            assertArrayEquals(alone[r], shared, "row " + r);
                        }
                        return null;
                    }));
                }
                for (java.util.concurrent.Future<?> f : done) f.get();
            } finally {
                callers.shutdown();
            }
        } finally {
            Threads.setParallelism(before);
        }
    }
}
