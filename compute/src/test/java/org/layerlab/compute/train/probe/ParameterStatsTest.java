package org.layerlab.compute.train.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ParameterStatsTest {
    @Test
    void percentilesInterpolateBetweenSortedValues() {
        float[] v = new float[101];
        for (int i = 0; i <= 100; i++) v[i] = 100 - i; // 100..0, unsorted on purpose
        double[] p = ParameterStats.percentiles(v, 1000);
        for (int i = 0; i < p.length; i++) assertEquals(ParameterStats.PERCENTILES[i], p[i], 1e-9);
        assertEquals(100f, v[0], "the tensor itself is not sorted in place");
    }

    @Test
    void updateRatioIsLog10OfMeanAbsoluteUpdateOverMeanAbsoluteWeight() {
        float[] before = {1f, -2f, 3f, -4f}, after = {1.01f, -2.02f, 3.03f, -4.04f};
        double expected = Math.log10((0.01 + 0.02 + 0.03 + 0.04) / (1.01 + 2.02 + 3.03 + 4.04));
        assertEquals(expected, ParameterStats.updateRatioLog10(before, after), 1e-5);
        assertTrue(Double.isNaN(ParameterStats.updateRatioLog10(new float[2], new float[2])), "all-zero weights have no ratio");
    }
}
