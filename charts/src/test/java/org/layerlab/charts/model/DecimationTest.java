package org.layerlab.charts.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DecimationTest {
    @Test
    void keepsEveryColumnsMinimumAndMaximum() {
        int n = 100_000, columns = 300;
        double[] x = new double[n], y = new double[n];
        SplittableRandom rng = new SplittableRandom(7);
        for (int i = 0; i < n; i++) {
            x[i] = i;
            y[i] = Math.sin(i / 500.0) + rng.nextGaussian() * 0.1;
        }
        y[12_345] = 50;   // single-step spikes must survive
        y[67_890] = -50;
        Decimation.Points p = Decimation.minMax(Column.of(x), Column.of(y), n, 0, n - 1, columns);
        assertTrue(p.size() <= 2 * columns + 4, "at most two points per column, got " + p.size());
        for (int i = 1; i < p.size(); i++) assertTrue(p.x()[i] >= p.x()[i - 1], "x stays in order");

        double width = (n - 1.0) / columns;
        for (int c = 0; c < columns; c++) {
            double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY, kmin = Double.POSITIVE_INFINITY, kmax = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                if (Math.floor(x[i] / width) != c) continue;
                min = Math.min(min, y[i]);
                max = Math.max(max, y[i]);
            }
            for (int i = 0; i < p.size(); i++) {
                if (Math.floor(p.x()[i] / width) != c) continue;
                kmin = Math.min(kmin, p.y()[i]);
                kmax = Math.max(kmax, p.y()[i]);
            }
            assertEquals(min, kmin, 0.0, "minimum of column " + c);
            assertEquals(max, kmax, 0.0, "maximum of column " + c);
        }
    }

    @Test
    void theEnvelopeHasEachColumnsLowestAndHighestValueAndAGapForNaN() {
        int n = 100_000, columns = 300;
        double[] x = new double[n], y = new double[n];
        SplittableRandom rng = new SplittableRandom(8);
        for (int i = 0; i < n; i++) {
            x[i] = i;
            y[i] = Math.cos(i / 700.0) + rng.nextGaussian() * 0.1;
        }
        y[12_345] = 50;
        y[67_890] = -50;
        double width = (n - 1.0) / columns;
        for (int i = (int) (200 * width); i <= (int) Math.ceil(201 * width); i++) y[i] = Double.NaN; // column 200 has no value
        Decimation.Band b = Decimation.envelope(Column.of(x), Column.of(y), n, 0, n - 1, columns);
        assertTrue(b.size() <= columns + 2, "one entry per column, got " + b.size());
        int gaps = 0;
        for (int c = 0; c < b.size(); c++) {
            int column = (int) Math.floor(b.x()[c] / width);
            double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                if (Math.floor(x[i] / width) != column || !Double.isFinite(y[i])) continue;
                min = Math.min(min, y[i]);
                max = Math.max(max, y[i]);
            }
            if (min > max) {
                assertTrue(Double.isNaN(b.low()[c]) && Double.isNaN(b.high()[c]), "a column without values is a gap");
                gaps++;
                continue;
            }
            assertEquals(min, b.low()[c], 0.0, "lowest of column " + column);
            assertEquals(max, b.high()[c], 0.0, "highest of column " + column);
        }
        assertEquals(1, gaps, "column 200");
        assertEquals(50, java.util.Arrays.stream(b.high()).filter(Double::isFinite).max().orElseThrow(), 0.0);
        assertEquals(-50, java.util.Arrays.stream(b.low()).filter(Double::isFinite).min().orElseThrow(), 0.0);
        assertEquals(null, Decimation.envelope(Column.of(x), Column.of(y), n, 0, 100, columns), "sparse ranges are drawn as points");
    }

    @Test
    void shortSeriesAreReturnedWhole() {
        double[] x = {0, 1, 2, 3}, y = {4, 3, 2, 1};
        Decimation.Points p = Decimation.minMax(Column.of(x), Column.of(y), 4, 0, 3, 100);
        assertArrayEquals(x, p.x(), 0.0);
        assertArrayEquals(y, p.y(), 0.0);
    }

    @Test
    void aZoomedRangeKeepsOnlyItsPointsAndOneNeighbourEachSide() {
        int n = 10_000;
        double[] x = new double[n], y = new double[n];
        for (int i = 0; i < n; i++) { x[i] = i; y[i] = i % 7; }
        Decimation.Points p = Decimation.minMax(Column.of(x), Column.of(y), n, 5000, 5009, 10);
        assertEquals(4999, p.x()[0], 0.0);
        assertEquals(5010, p.x()[p.size() - 1], 0.0);
        assertEquals(12, p.size());
    }

    @Test
    void nearestFindsTheClosestX() {
        double[] x = {0, 10, 20, 30};
        assertEquals(0, Decimation.nearest(Column.of(x), 4, -5));
        assertEquals(1, Decimation.nearest(Column.of(x), 4, 14));
        assertEquals(2, Decimation.nearest(Column.of(x), 4, 16));
        assertEquals(3, Decimation.nearest(Column.of(x), 4, 99));
    }
}
