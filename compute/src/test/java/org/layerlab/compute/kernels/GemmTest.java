package org.layerlab.compute.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The blocked Vector-API GEMM against a double-precision reference, for every transpose and awkward sizes (the last two: a single row panel over many columns, a ragged last panel, two K blocks). */
class GemmTest {
    @ParameterizedTest(name = "{0}x{1}x{2}")
    @CsvSource({"1,1,1", "1,256,784", "3,70,33", "4,8,5", "3,5,7", "6,32,4", "7,33,300", "64,256,784", "13,70,257", "100,17,9", "129,131,513",
            "6,1000,300", "5,4112,25"})
    void matchesReference(int m, int n, int k) {
        SplittableRandom rng = new SplittableRandom(m * 31 + n * 7 + k);
        for (boolean ta : new boolean[] {false, true}) {
            for (boolean tb : new boolean[] {false, true}) {
                float[] a = new float[m * k], b = new float[k * n], c = new float[m * n], init = new float[m * n];
                for (int i = 0; i < a.length; i++) a[i] = (float) (rng.nextDouble() - 0.5);
                for (int i = 0; i < b.length; i++) b[i] = (float) (rng.nextDouble() - 0.5);
                for (int i = 0; i < c.length; i++) c[i] = init[i] = (float) rng.nextDouble();
                Gemm.gemm(ta, tb, m, n, k, a, b, c, true);
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < n; j++) {
                        double s = init[i * n + j];
                        for (int p = 0; p < k; p++) s += (double) (ta ? a[p * m + i] : a[i * k + p]) * (tb ? b[j * k + p] : b[p * n + j]);
                        assertEquals(s, c[i * n + j], 1e-4 * Math.sqrt(k) + 1e-5, "ta=" + ta + " tb=" + tb + " at " + i + "," + j);
                    }
                }
            }
        }
    }

    /** Results do not depend on how many threads share the work. */
    @ParameterizedTest @CsvSource({"200,300,400"})
    void sameResultWithOneOrManyThreads(int m, int n, int k) {
        SplittableRandom rng = new SplittableRandom(1);
        float[] a = new float[m * k], b = new float[k * n];
        for (int i = 0; i < a.length; i++) a[i] = (float) rng.nextDouble();
        for (int i = 0; i < b.length; i++) b[i] = (float) rng.nextDouble();
        int before = Threads.parallelism();
        try {
            Threads.setParallelism(1);
            float[] one = new float[m * n];
            Gemm.gemm(false, false, m, n, k, a, b, one, false);
            Threads.setParallelism(4);
            float[] four = new float[m * n];
            Gemm.gemm(false, false, m, n, k, a, b, four, false);
            assertArrayEquals(one, four);
        } finally {
            Threads.setParallelism(before);
        }
    }
}
