package org.layerlab.compute.kernels;

/**
 * Single-precision matrix multiply, C = op(A)·op(B) (+ C when accumulating), row-major.
 * op(A) is M×K, op(B) is K×N. The inner loops run over contiguous memory so the JIT vectorises them.
 */
public final class Gemm {
    private Gemm() {}

    public static void gemm(boolean transA, boolean transB, int m, int n, int k,
                            float[] a, float[] b, float[] c, boolean accumulate) {
        if (!accumulate) java.util.Arrays.fill(c, 0, m * n, 0f);
        if (!transB) {
            // C[i,:] += A(i,p) * B[p,:]
            for (int i = 0; i < m; i++) {
                int ci = i * n;
                for (int p = 0; p < k; p++) {
                    float aip = transA ? a[p * m + i] : a[i * k + p];
                    if (aip == 0f) continue;
                    int bp = p * n;
                    for (int j = 0; j < n; j++) c[ci + j] += aip * b[bp + j];
                }
            }
        } else {
            // B is N×K: C[i,j] += dot(A(i,:), B[j,:])
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    float s = 0f;
                    int bj = j * k;
                    if (transA) {
                        for (int p = 0; p < k; p++) s += a[p * m + i] * b[bj + p];
                    } else {
                        int ai = i * k;
                        for (int p = 0; p < k; p++) s += a[ai + p] * b[bj + p];
                    }
                    c[i * n + j] += s;
                }
            }
        }
    }
}
