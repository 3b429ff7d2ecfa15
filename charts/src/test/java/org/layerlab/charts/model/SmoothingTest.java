package org.layerlab.charts.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SmoothingTest {
    private static final double EPS = 1e-12;

    @Test
    void debiasedEmaMatchesHandComputedValues() {
        // s = 0.6: last = 0.4, 1.04, 1.824; debias 0.4, 0.64, 0.784
        assertArrayEquals(new double[] {1.0, 1.625, 1.824 / 0.784}, Smoothing.ema(new double[] {1, 2, 3}, 0.6), EPS);
    }

    @Test
    void aConstantSeriesIsLeftExactlyAsItIs() {
        double[] y = {0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1};
        assertArrayEquals(y, Smoothing.ema(y, 0.9), 0.0);
    }

    @Test
    void nanInTheMiddlePassesThroughAndIsNotCounted() {
        // s = 0.5: first point last = 1, n = 1 → 1 / 0.5 = 2; NaN passes; then last = 0.5 + 2 = 2.5, n = 2 → 2.5 / 0.75
        double[] out = Smoothing.ema(new double[] {2, Double.NaN, 4}, 0.5);
        assertEquals(2.0, out[0], EPS);
        assertTrue(Double.isNaN(out[1]));
        assertEquals(2.5 / 0.75, out[2], EPS);
        double[] inf = Smoothing.ema(new double[] {2, Double.POSITIVE_INFINITY, 4}, 0.5);
        assertEquals(Double.POSITIVE_INFINITY, inf[1]);
        assertEquals(2.5 / 0.75, inf[2], EPS);
    }

    @Test
    void zeroWeightReturnsTheRawValues() {
        double[] y = {3, 1, 4, 1, 5, 9, 2, 6};
        assertArrayEquals(y, Smoothing.ema(y, 0.0), EPS);
    }

    @Test
    void weightNearOneStillStartsAtTheFirstValue() {
        // s = 0.999: last = 0.001 → 0.001 / 0.001 = 1; then last = 0.000999 + 0.002 = 0.002999, debias 1 - 0.998001
        double[] out = Smoothing.ema(new double[] {1, 2}, 0.999);
        assertEquals(1.0, out[0], 1e-9);
        assertEquals(0.002999 / 0.001999, out[1], 1e-9);
    }

    @Test
    void movingAverageUsesTheLastFiniteValuesOfTheWindow() {
        double[] out = Smoothing.movingAverage(new double[] {1, 2, Double.NaN, 4, 6}, 2);
        assertEquals(1.0, out[0], EPS);
        assertEquals(1.5, out[1], EPS);
        assertTrue(Double.isNaN(out[2]));
        assertEquals(3.0, out[3], EPS);
        assertEquals(5.0, out[4], EPS);
    }
}
