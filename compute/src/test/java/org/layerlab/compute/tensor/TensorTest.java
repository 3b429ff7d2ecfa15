package org.layerlab.compute.tensor;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TensorTest {
    /** Sizes inside one vector, across the four-vector loop and its scalar tail, at either vector width. */
    @Test void allFiniteFindsNaNAndInfinitiesAnywhere() {
        for (int n : new int[] {1, 7, 37, 64, 65, 127, 200, 1031}) {
            Tensor t = Tensor.zeros(n);
            t.data()[0] = Float.MAX_VALUE;
            t.data()[n - 1] = -Float.MIN_VALUE;
            if (n > 2) t.data()[n / 2] = -Float.MAX_VALUE;
            assertTrue(t.allFinite(), "finite, size " + n);
            for (float bad : new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
                for (int at : new int[] {0, n / 3, n / 2, n - 1}) {
                    Tensor u = t.copy();
                    u.data()[at] = bad;
                    assertFalse(u.allFinite(), bad + " at " + at + " of " + n);
                }
            }
        }
    }
}
