package org.layerlab.compute.tensor;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TensorTest {
    @Test void allFiniteFindsNaNAndInfinitiesAnywhere() {
        Tensor t = Tensor.zeros(37);
        t.data()[3] = Float.MAX_VALUE;
        t.data()[4] = -Float.MIN_VALUE;
        assertTrue(t.allFinite());
        for (float bad : new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
            for (int at : new int[] {0, 17, 36}) {
                Tensor u = t.copy();
                u.data()[at] = bad;
                assertFalse(u.allFinite(), bad + " at " + at);
            }
        }
    }
}
