package org.layerlab.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.jfree.data.Range;
import org.junit.jupiter.api.Test;

class ScalarChartRangeTest {
    @Test
    void aConstantSeriesGetsARangeAroundItsValue() {
        Range r = ScalarChart.flatRange(List.of(new double[] {0.01, 0.01, Double.NaN, 0.01}));
        assertEquals(0.005, r.getLowerBound(), 1e-12);
        assertEquals(0.015, r.getUpperBound(), 1e-12);
    }

    @Test
    void floatRoundingNoiseCountsAsConstantAndZeroGetsAUnitRange() {
        Range r = ScalarChart.flatRange(List.of(new double[] {0.009999999776482582, 0.01}));
        assertEquals(0.01, r.getCentralValue(), 1e-9);
        assertEquals(new Range(-1, 1), ScalarChart.flatRange(List.of(new double[] {0, 0})));
    }

    @Test
    void spreadOrEmptySeriesAreLeftToAutoRange() {
        assertNull(ScalarChart.flatRange(List.of(new double[] {0.01, 0.009})));
        assertNull(ScalarChart.flatRange(List.of(new double[] {Double.NaN})));
        assertNull(ScalarChart.flatRange(List.of()));
    }
}
