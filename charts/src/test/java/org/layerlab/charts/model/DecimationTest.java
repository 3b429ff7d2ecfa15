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
