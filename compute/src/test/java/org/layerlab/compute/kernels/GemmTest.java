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
            "5,64,100", "6,33,7", "6,95,3", "5,97,700", "6,64,1", "6,257,25"})
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
