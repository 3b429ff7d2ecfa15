package org.layerlab.charts.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SmoothedSeriesTest {
    @Test
    void growingInChunksGivesTheSameValuesAsSmoothingTheWholeSeries() {
        ScalarSeries s = new ScalarSeries();
        SmoothedSeries view = new SmoothedSeries(s);
        SplittableRandom rng = new SplittableRandom(3);
        double[] all = new double[5000];
        for (int i = 0; i < all.length; i++) {
            all[i] = i < 40 ? 2.0 : i == 700 ? Double.NaN : Math.exp(-i / 900.0) + rng.nextDouble() * 0.2; // constant start
        }
        for (int i = 0; i < all.length; i++) {
            s.add(i, i / 100.0, i * 0.01, 0, all[i]);
            if (i % 37 == 0 || i == 39 || i == 40) {
                view.update(XAxisKind.STEP, SmoothedSeries.Mode.EMA, 0.9, 1);
                int n = view.size();
                assertArrayEquals(Smoothing.ema(Arrays.copyOf(all, n), 0.9), view.smoothed().toArray(n), 1e-12, "after " + n);
            }
        }
        view.update(XAxisKind.EPOCH, SmoothedSeries.Mode.MOVING_AVERAGE, 0.9, 25);
        assertArrayEquals(Smoothing.movingAverage(all, 25), view.smoothed().toArray(all.length), 1e-12);
        assertArrayEquals(s.xs(XAxisKind.EPOCH), view.x().toArray(all.length), 0.0);
    }
}
